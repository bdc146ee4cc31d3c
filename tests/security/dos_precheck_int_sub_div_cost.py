# kind: dos
# expect: blocked
# desc: dividing huge int subclasses (quadratic time)
class I(int):
    pass
x = I(7 ** 3000000)
y = I(3 ** 1500000)
while True:
    z = x // y
    z = x % y
