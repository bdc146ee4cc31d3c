# kind: dos
# expect: blocked
# desc: an exception group holding exceptions whose args are list DAGs
x = [1]
for _ in range(60):
    x = [x, x]
raise ExceptionGroup("g", [ValueError(x), TypeError(x, x)])
