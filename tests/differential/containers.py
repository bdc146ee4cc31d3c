# container literals
[[1, 2, 3], (1, 2), (1,), (), {'a': 1, 'b': [2]}, {1, 2, 2, 3}, [], {}, [[]], ([],)]
# ---
# constructors from iterables
[list('abc'), tuple([1, 2]), dict([('a', 1), ('b', 2)]), set('aab') == {'a', 'b'}, frozenset([1, 1, 2]), list(range(3)), dict(a=1, b=2), list({'x': 1, 'y': 2})]
# ---
# empty constructors
[list(), tuple(), dict(), set(), frozenset(), str(), int(), float(), bool()]
# ---
# dicts keep insertion order, reassignment keeps position
d = {}
d['b'] = 1
d['a'] = 2
d['c'] = 3
d['b'] = 10
del d['a']
d['a'] = 4
[list(d), list(d.values()), list(d.items())]
# ---
# 1, 1.0 and True are the same dict key; the first key object is kept
d = {1: 'int'}
d[1.0] = 'float'
d[True] = 'bool'
[d, len(d), type(list(d)[0]).__name__]
# ---
# tuples, strings, frozensets and None are hashable keys
d = {(1, 2): 'pair', 'k': 'str', frozenset({1}): 'fs', None: 'none', 2.5: 'float'}
[d[(1, 2)], d['k'], d[frozenset([1])], d[None], d[2.5]]
# ---
# aliasing: two names, one list
a = [1, 2]
b = a
b.append(3)
c = list(a)
c.append(4)
[a, b, c]
# ---
# nested mutation through a shared inner list
row = [0] * 3
grid = [row] * 2
grid[0][0] = 9
fresh = [[0] * 3 for _ in range(2)]
fresh[0][0] = 9
[grid, fresh]
# ---
# set operators
a = {1, 2, 3}
b = {2, 3, 4}
[a | b, a & b, a - b, b - a, a ^ b, a <= a | b, a.isdisjoint({9})]
# ---
# frozenset operators return frozensets
fs = frozenset({1, 2})
r = fs | {3}
[r, type(r).__name__, type({3} | fs).__name__]
# ---
# in-place set operators
s = {1, 2, 3}
s |= {4}
s &= {1, 2, 4}
s -= {1}
s ^= {5, 2}
s
# ---
# dict merge operators
a = {'x': 1, 'y': 2}
b = {'y': 20, 'z': 30}
c = a | b
a |= {'w': 0}
[c, a, b | a]
# ---
# dict unpacking and list unpacking in displays
a = {'x': 1}
b = {'y': 2, 'x': 3}
l = [1, 2]
[{**a, **b}, {**b, **a, 'z': 0}, [*l, *'ab', *range(2)], (*l,), {*l, 3}]
# ---
# len of every container
[len([1, 2]), len((1,)), len({'a': 1}), len({1, 2, 3}), len(''), len('abc'), len(b'ab'), len(range(10)), len(frozenset())]
# ---
# lists can hold themselves and repr shows [...]
a = [1]
a.append(a)
[repr(a), a[1] is a, len(a)]
# ---
# dict views reflect later changes
d = {'a': 1}
keys = d.keys()
d['b'] = 2
[list(keys), len(keys), 'b' in keys, sorted(d.values())]
# ---
# equality of nested containers
[[1, [2, (3, {'a': {4}})]] == [1, [2, (3, {'a': {4}})]], {'a': [1]} == {'a': [1.0]}, [1, 2] == [2, 1]]
# ---
# list as a dict key raises TypeError
{[1]: 2}
# ---
# dict as a set element raises TypeError
{1, {}}
# ---
# adding a set to a set raises TypeError
{1} + {2}
# ---
# adding a list to a tuple raises TypeError
(1,) + [2]
# ---
# concatenating a list and a tuple raises TypeError
[1] + (2,)
# ---
# dict from bad items raises ValueError
dict([(1, 2, 3)])
# ---
# dict from a non-pair raises TypeError
dict([1, 2])
# ---
# tuple containing a list is unhashable: raises TypeError
{(1, [2]): 3}
# ---
# dict views cannot be indexed: raises TypeError
{'a': 1}.keys()[0]
