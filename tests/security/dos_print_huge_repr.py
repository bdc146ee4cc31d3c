# kind: dos
# expect: blocked
# desc: print of a list of ten million ints (repr built inside print)
print(list(range(10 ** 7)))
