# kind: escape
# expect: blocked
# desc: a host function called by native code (map, sorted key, partial, lru_cache) returns only sandbox copies of plain data
import functools
r = [list(map(host_object, [])), sorted([3, 1], key=echo), functools.partial(echo, [1])(),
     functools.lru_cache(echo)((1, 2))]
try:
    r.append(list(map(lambda _: host_object(), [1])))
except TypeError:
    pass
s = repr(r)
('ESC' + 'APED:' + s) if 'HostThing' in s else s
