# kind: dos
# expect: blocked
# desc: str() of a caught exception with huge args inside an except block, repeated
x = list(range(3 * 10 ** 6))
n = 0
while True:
    try:
        raise ValueError(x, 1)
    except ValueError as e:
        n += len(str(e))
