# kind: dos
# expect: blocked
# desc: repr(bytes(10**8)) : four output chars per input byte
r = repr(bytes(10 ** 8))
