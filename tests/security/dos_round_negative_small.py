# kind: dos
# expect: blocked
# desc: round(x, -10**7): 10**(10**7) computed inside round (seconds of uncosted big-int work)
round(7, -10 ** 7)
