# kind: dos
# expect: blocked
# desc: ('\n' * 5*10**7).splitlines() : 50 million empty strings
s = '\n' * (5 * 10 ** 7)
parts = s.splitlines()
