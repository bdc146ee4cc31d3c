# kind: dos
# expect: blocked
# desc: [(i,) * 100 for i in range(10**6)]: tuples built by repetition inside a comprehension
x = [(i,) * 100 for i in range(10 ** 6)]
