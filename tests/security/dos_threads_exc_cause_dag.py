# kind: dos
# expect: blocked
# desc: the escaping exception's cause and context carry list DAG args (the chain is reported too)
x = [1]
for _ in range(60):
    x = [x, x]
try:
    raise KeyError(x)
except KeyError as k:
    raise RuntimeError("wrapped", x) from ValueError(x)
