# kind: dos
# expect: blocked
# desc: a 10**6 deep chain of map(lambda) iterators, then next()
it = iter([1])
for _ in range(10 ** 6):
    it = map(lambda x: x, it)
next(it)
