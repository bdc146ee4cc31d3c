# kind: dos
# expect: blocked
# desc: an escaping exception whose arg is a list DAG (2**60 items unfolded): its message is costed, never built
x = [1]
for _ in range(60):
    x = [x, x]
raise ValueError(x)
