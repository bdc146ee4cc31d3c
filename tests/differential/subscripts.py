# slicing with start, stop and step
l = list(range(10))
[l[2:5], l[:3], l[7:], l[:], l[::2], l[1::3], l[::-1], l[8:2:-2], l[-3:], l[:-7]]
# ---
# slices clamp out-of-range bounds
l = [1, 2, 3]
[l[5:], l[-10:2], l[1:100], l[3:1], l[-100:-50], 'abc'[10:20]]
# ---
# slicing strings, tuples, bytes and ranges
[('hello'[1:4], 'hello'[::-1], 'hello'[::2]), (1, 2, 3, 4)[1:3], b'bytes'[1:3], list(range(10)[2:8:3])]
# ---
# slice with None bounds
s = 'abcdef'
[s[None:2], s[3:None], s[None:None:-2]]
# ---
# negative indexes count from the end
t = (10, 20, 30)
[t[-1], t[-3], 'xyz'[-2], [1, 2][-2]]
# ---
# index assignment and deletion on lists
l = [1, 2, 3, 4, 5]
l[0] = 'a'
l[-1] = 'e'
del l[1]
del l[-2]
l
# ---
# slice assignment can grow or shrink a list
l = [0, 1, 2, 3, 4]
l[1:3] = ['a', 'b', 'c', 'd']
m = [0, 1, 2, 3, 4]
m[1:4] = []
n = [0, 1]
n[1:1] = 'xy'
o = [1, 2, 3]
o[:] = range(2)
[l, m, n, o]
# ---
# extended slice assignment replaces element for element
l = list(range(6))
l[::2] = ['a', 'b', 'c']
l
# ---
# slice deletion, including with a step
a = list(range(10))
del a[2:5]
b = list(range(10))
del b[::3]
c = [1, 2]
del c[:]
[a, b, c]
# ---
# dict subscript get, set, delete
d = {'a': 1}
d['b'] = 2
d['a'] += 10
del d['b']
d[(1, 2)] = 'tuple key'
[d, d['a'], d[1, 2]]
# ---
# nested subscripts on lists of dicts
data = {'users': [{'name': 'a', 'tags': ['x', 'y']}, {'name': 'b', 'tags': []}]}
data['users'][0]['tags'][1] = 'z'
data['users'][1]['tags'].append('w')
[data['users'][0]['tags'], data['users'][-1]['tags'][0], data['users'][1]['name']]
# ---
# augmented assignment through subscripts evaluates the container once
calls = []
l = [1, 2]
def get():
    calls.append(1)
    return l
get()[0] += 5
[l, len(calls)]
# ---
# bool indexes are ints
l = ['zero', 'one']
[l[True], l[False], 'ab'[True]]
# ---
# list index out of range raises IndexError
[1, 2, 3][3]
# ---
# tuple index out of range raises IndexError
(1,)[-2]
# ---
# list assignment out of range raises IndexError
l = [1]
l[1] = 2
# ---
# deleting out of range raises IndexError
l = []
del l[0]
# ---
# missing dict key raises KeyError
{'a': 1}['b']
# ---
# missing tuple key raises KeyError whose message is the tuple repr
d = {}
d[(1, 'x')]
# ---
# deleting a missing dict key raises KeyError
d = {'a': 1}
del d['z']
# ---
# list indices must be integers: raises TypeError
l = [1, 2]
l['0']
# ---
# float index raises TypeError
t = (1, 2)
t[1.0]
# ---
# assigning into a tuple raises TypeError
t = (1, 2)
t[0] = 5
# ---
# subscripting an int raises TypeError
x = 5
x[0]
# ---
# subscripting None raises TypeError
x = None
x['k']
# ---
# slice step zero raises ValueError
[1, 2, 3][::0]
# ---
# extended slice assignment of the wrong size raises ValueError
l = [0, 1, 2, 3]
l[::2] = [1, 2, 3]
# ---
# slice assignment from a non-iterable raises TypeError
l = [1, 2]
l[0:1] = 5
# ---
# unhashable dict key in a lookup raises TypeError
{}[[1]]
