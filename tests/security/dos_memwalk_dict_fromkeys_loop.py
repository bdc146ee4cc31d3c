# kind: dos
# expect: blocked
# desc: dict.fromkeys of ranges kept in a list
keep = []
while True:
    keep.append(dict.fromkeys(range(100000)))
