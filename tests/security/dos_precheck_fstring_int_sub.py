# kind: dos
# expect: blocked
# desc: f-string width on an int subclass
class I(int):
    pass
x = I(1)
f'{x:>1000000000}'
