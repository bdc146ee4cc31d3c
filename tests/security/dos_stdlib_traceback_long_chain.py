# kind: dos
# expect: blocked
# desc: traceback.format_exc of a very long exception chain
import traceback
def chain(n):
    try:
        if n:
            chain(n - 1)
        raise ValueError(n)
    except ValueError as e:
        raise KeyError(n) from e
try:
    chain(150)
except KeyError:
    while True:
        traceback.format_exc()
