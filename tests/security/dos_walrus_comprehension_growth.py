# kind: dos
# expect: blocked
# desc: walrus inside a comprehension doubling a string each step
s = 'x'
[s := s + s for _ in range(100)]
