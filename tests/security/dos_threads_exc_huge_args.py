# kind: dos
# expect: blocked
# desc: an escaping exception whose args are a 10**7-item list: its message (the args' repr) is costed before it is built
x = list(range(10 ** 7))
raise ValueError(x, 1)
