# kind: dos
# expect: blocked
# desc: ascii() of 30 million astral chars : ten output chars each
r = ascii('\U0001f600' * (3 * 10 ** 7))
