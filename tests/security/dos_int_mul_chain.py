# kind: dos
# expect: blocked
# desc: big int multiplication chain x = x * x
x = 7 ** 100000
while True:
    x = x * x
