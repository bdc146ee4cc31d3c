# kind: dos
# expect: blocked
# desc: repr of an exception group DAG (each level holds the previous one twice): 2**50 nested reprs
e = ValueError(1)
for _ in range(50):
    e = ExceptionGroup('g', [e, e])
repr(e)
