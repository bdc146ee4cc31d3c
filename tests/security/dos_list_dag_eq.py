# kind: dos
# expect: blocked
# desc: == of two lists sharing sublists (2**40 items unfolded)
x = [0]
y = [0]
for _ in range(40):
    x = [x, x]
    y = [y, y]
x == y
