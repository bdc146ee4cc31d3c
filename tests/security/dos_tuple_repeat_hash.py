# kind: dos
# expect: blocked
# desc: a big tuple repeated inside a tuple by *, then hashed over and over: 10**9 item hashes
b = tuple(range(10 ** 6))
z = (b,) * 1000
s = {z}
