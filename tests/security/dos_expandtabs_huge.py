# kind: dos
# expect: blocked
# desc: '\t' * 10**4 expandtabs(10**6)
s = ('\t' * 10 ** 4).expandtabs(10 ** 6)
