# kind: dos
# expect: blocked
# desc: data grown in a list reached only through a functools.partial's arguments
import functools
p = functools.partial(print, [])
while True:
    p.args[0].append([1] * 10000)
