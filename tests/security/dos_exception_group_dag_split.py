# kind: dos
# expect: blocked
# desc: an exception group holding the same group twice, 60 levels deep, split by type: CPython's C split would walk 2**60 nodes
e = ValueError(1)
for _ in range(60):
    e = ExceptionGroup('g', [e, e])
e.split(TypeError)
