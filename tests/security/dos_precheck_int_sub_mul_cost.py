# kind: dos
# expect: blocked
# desc: multiplying two huge int subclasses again and again (Karatsuba time)
class I(int):
    pass
x = I(7 ** 2000000)
while True:
    y = x * x
