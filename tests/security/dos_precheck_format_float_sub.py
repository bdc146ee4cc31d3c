# kind: dos
# expect: blocked
# desc: format() of a float subclass with a huge precision
class F(float):
    pass
format(F(1.5), '.1000000000f')
