# kind: dos
# expect: blocked
# desc: == of two 10**5 deep nested lists
x = []
y = []
for _ in range(10 ** 5):
    x = [x]
    y = [y]
x == y
