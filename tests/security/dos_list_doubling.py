# kind: dos
# expect: blocked
# desc: l += l doubling loop
l = [1]
while True:
    l += l
