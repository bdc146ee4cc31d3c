# kind: dos
# expect: blocked
# desc: functools.reduce with a lambda that recurses through reduce
import functools
f = lambda a, b: functools.reduce(f, [a, b, 1])
functools.reduce(f, [1, 2])
