# kind: dos
# expect: blocked
# desc: format() with a str-subclass spec
class S(str):
    pass
format(1, S('>1000000000'))
