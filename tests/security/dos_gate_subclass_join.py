# kind: dos
# expect: blocked
# desc: str subclass separator: the unchecked original join
class S(str):
    pass
S('x' * 10000).join(['a'] * 100000)
