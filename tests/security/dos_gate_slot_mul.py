# kind: dos
# expect: blocked
# desc: S.__mul__ read from a str subclass class: the raw slot wrapper
class S(str):
    pass
S.__mul__(S('a'), 10 ** 9)
