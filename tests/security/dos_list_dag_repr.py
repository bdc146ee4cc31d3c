# kind: dos
# expect: blocked
# desc: repr of a list DAG (2**40 items of text)
x = [0]
y = [0]
for _ in range(40):
    x = [x, x]
    y = [y, y]
repr(x)
