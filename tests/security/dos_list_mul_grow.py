# kind: dos
# expect: blocked
# desc: l = l * 2 growth
l = [0] * 1000
while True:
    l = l * 2
