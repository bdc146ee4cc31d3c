# kind: dos
# expect: blocked
# desc: doubling a str subclass by +
class S(str):
    pass
s = S('x' * 1000)
while True:
    s = S(s + s)
