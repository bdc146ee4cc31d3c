# kind: dos
# expect: blocked
# desc: dict.fromkeys(range(10**9))
dict.fromkeys(range(10 ** 9))
