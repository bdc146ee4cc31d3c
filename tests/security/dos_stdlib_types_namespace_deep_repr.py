# kind: dos
# expect: blocked
# desc: repr of deeply nested SimpleNamespace objects
import types
n = types.SimpleNamespace()
for i in range(100000):
    n = types.SimpleNamespace(inner=n)
repr(n)
