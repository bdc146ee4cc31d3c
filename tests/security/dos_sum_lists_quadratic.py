# kind: dos
# expect: blocked
# desc: sum(list_of_lists, []) : quadratic list concatenation
rows = [[1] * 1000 for _ in range(10 ** 5)]
sum(rows, [])
