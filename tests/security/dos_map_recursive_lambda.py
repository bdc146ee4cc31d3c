# kind: dos
# expect: blocked
# desc: a lambda calling list(map(itself)) : nested native loops
f = lambda x: list(map(f, [x]))
f(1)
