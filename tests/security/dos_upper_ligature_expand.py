# kind: dos
# expect: blocked
# desc: '\ufb03' * 8e7 .upper() : each ligature becomes three letters
s = '\ufb03' * (8 * 10 ** 7)
u = s.upper()
