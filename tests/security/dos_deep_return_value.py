# kind: dos
# expect: blocked
# desc: returning a 10**5 deep value across the boundary
x = []
for _ in range(10 ** 5):
    x = [x]
x
