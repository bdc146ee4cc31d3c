# kind: dos
# expect: blocked
# desc: str(10**100000) (int/str digit limit)
len(str(10 ** 100000))
