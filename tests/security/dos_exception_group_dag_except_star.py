# kind: dos
# expect: blocked
# desc: raise a 2**60-node exception group DAG into except* clauses (matching splits it) and re-raise it (which rebuilds its shape)
e = ValueError(1)
for _ in range(60):
    e = ExceptionGroup('g', [e, KeyError(2), e])
try:
    try:
        raise e
    except* KeyError:
        pass
except* ValueError:
    raise
