# kind: dos
# expect: blocked
# desc: sum() concatenating list-subclass rows
class L(list):
    pass
rows = [L([0] * 1000)] * 100000
sum(rows, [])
