# kind: dos
# expect: blocked
# desc: x in a huge list repeated
l = [0] * (10 ** 7)
while True:
    -1 in l
