# kind: dos
# expect: blocked
# desc: an exception whose __context__ chain is made cyclic, then raised out of the sandbox
try:
    try:
        raise ValueError('a')
    except ValueError as a:
        raise KeyError('b')
except KeyError as b:
    kb = b
    ka = kb.__context__
try:
    ka.__context__ = kb
except Exception:
    pass
raise ka
