# list append, extend, insert
l = [1]
l.append(2)
l.extend([3, 4])
l.extend('ab')
l.insert(0, 'first')
l.insert(100, 'last')
l.insert(-1, 'before last')
l
# ---
# list pop, remove and clear
l = [1, 2, 3, 2, 5]
a = l.pop()
b = l.pop(0)
l.remove(2)
c = list(l)
l.clear()
[a, b, c, l]
# ---
# list index and count
l = ['a', 'b', 'c', 'b']
[l.index('b'), l.index('b', 2), l.count('b'), l.count('z'), [1, 1.0, True].count(1)]
# ---
# list sort in place, with key and reverse, returns None
l = [3, 1, 2]
r = l.sort()
words = ['banana', 'Apple', 'cherry']
words.sort(key=str.lower, reverse=True)
pairs = [(2, 'b'), (1, 'z'), (2, 'a')]
pairs.sort(key=lambda p: p[0])
[r, l, words, pairs]
# ---
# list reverse and copy
l = [1, [2]]
c = l.copy()
l.reverse()
c[1].append(3)
[l, c, c[1] is l[0]]
# ---
# list methods return None
l = []
[l.append(1), l.extend([]), l.insert(0, 0), l.sort(), l.reverse(), l.clear(), l]
# ---
# pop from an empty list raises IndexError
[].pop()
# ---
# pop with an index out of range raises IndexError
[1, 2].pop(5)
# ---
# remove of a missing value raises ValueError
[1, 2].remove(3)
# ---
# index of a missing value raises ValueError
['a'].index('b')
# ---
# tuple index and count
t = (1, 2, 3, 2)
[t.index(2), t.count(2), t.index(3, 1)]
# ---
# tuple index of a missing value raises ValueError
(1, 2).index(5)
# ---
# dict get with and without a default
d = {'a': 1, 'n': None}
[d.get('a'), d.get('z'), d.get('z', 0), d.get('n', 'default')]
# ---
# dict keys, values and items
d = {'x': 1, 'y': 2}
[list(d.keys()), list(d.values()), list(d.items()), sorted(d.items(), key=lambda kv: -kv[1])]
# ---
# dict setdefault
d = {}
d.setdefault('a', []).append(1)
d.setdefault('a', []).append(2)
r = d.setdefault('b')
[d, r]
# ---
# dict pop, popitem and update
d = {'a': 1, 'b': 2, 'c': 3}
p = d.pop('a')
q = d.pop('zz', 'missing')
last = d.popitem()
d.update({'x': 9}, y=8)
d.update([('z', 7)])
[p, q, last, d]
# ---
# dict copy is shallow; fromkeys shares the value
d = {'k': [1]}
c = d.copy()
c['k'].append(2)
c['new'] = 0
f = dict.fromkeys(['a', 'b'], 0)
g = dict.fromkeys('xy')
[d, c, f, g]
# ---
# dict clear and in
d = {'a': 1}
had = 'a' in d
d.clear()
[had, 'a' in d, d]
# ---
# dict pop of a missing key without a default raises KeyError
{'a': 1}.pop('b')
# ---
# popitem on an empty dict raises KeyError
{}.popitem()
# ---
# set add, remove, discard, pop
s = {1, 2}
s.add(3)
s.add(1)
s.remove(2)
s.discard(42)
s.discard(1)
p = s.pop()
[p, s]
# ---
# set algebra methods
a = {1, 2, 3}
b = [3, 4]
[a.union(b), a.intersection(b, {3}), a.difference(b), a.symmetric_difference(b), a.issubset({1, 2, 3, 4}), a.issuperset([1]), a.isdisjoint([9])]
# ---
# in-place set methods
s = {1, 2, 3}
s.update([4], (5,))
s.intersection_update({1, 2, 4, 5})
s.difference_update([1])
s.symmetric_difference_update({2, 9})
c = s.copy()
s.clear()
[c, s]
# ---
# frozenset methods return frozensets
fs = frozenset([1, 2])
[fs.union([3]), type(fs.union([3])).__name__, fs.intersection({2}), fs.issubset({1, 2, 3}), fs.copy() == fs]
# ---
# set remove of a missing element raises KeyError
{1}.remove(2)
# ---
# pop from an empty set raises KeyError
set().pop()
# ---
# frozenset has no add: raises AttributeError
frozenset().add(1)
# ---
# int methods
[(255).bit_length(), (0).bit_length(), (-8).bit_length(), (13).bit_count(), (1024).to_bytes(2, 'big'), (1).to_bytes(2, 'little'), int.from_bytes(b'\x01\x00', 'big'), (10).conjugate(), (7).real, (7).imag, (5).numerator, (5).denominator]
# ---
# int.as_integer_ratio and is_integer on floats
[(10).as_integer_ratio(), (0.75).as_integer_ratio(), (2.0).is_integer(), (2.5).is_integer(), (0.5).hex(), float.fromhex('0x1.8p1'), (3.7).real]
# ---
# to_bytes overflow raises OverflowError
(1000).to_bytes(1, 'big')
# ---
# as_integer_ratio of inf raises OverflowError
float('inf').as_integer_ratio()
# ---
# calling a list method with the wrong argument count raises TypeError
[].append(1, 2)
# ---
# sort with mixed types raises TypeError
l = [1, 'a']
l.sort()
# ---
# dict.get with too many arguments raises TypeError
{}.get(1, 2, 3)
