# tuple unpacking and swapping
a, b = 1, 2
a, b = b, a
c, d, e = 'xyz'
[a, b, c, d, e]
# ---
# unpacking any iterable: list, range, dict keys, string
(p, q), [r, s], (t,) = [1, 2], range(3, 5), {'k': 0}
[p, q, r, s, t]
# ---
# nested unpacking
(a, (b, c)), d = (1, (2, 3)), 4
[a, b, c, d]
# ---
# starred target in the middle, front and end
first, *middle, last = [1, 2, 3, 4, 5]
*init, tail = 'abc'
head, *rest = (1,)
[first, middle, last, init, tail, head, rest]
# ---
# starred target always gets a list
a, *b = (1, 2, 3)
*c, = range(3)
[b, c, type(b).__name__]
# ---
# starred target nested inside a tuple target
(a, *b), c = [1, 2, 3], 4
[a, b, c]
# ---
# chained assignment assigns the same object to every target
a = b = []
a.append(1)
x, y = z = (1, 2)
[a, b, a is b, x, y, z]
# ---
# assignment targets are assigned left to right
i = 0
l = [0, 0, 0]
i, l[i] = 2, 9
l
# ---
# unpacking in a for loop
pairs = [(1, 'a'), (2, 'b')]
out = []
for n, ch in pairs:
    out.append(ch * n)
for i, (n, ch) in enumerate(pairs):
    out.append((i, n, ch))
for first, *others in [[1, 2, 3], [4]]:
    out.append((first, others))
out
# ---
# unpacking dict items
d = {'a': 1, 'b': 2}
[k + str(v) for k, v in d.items()]
# ---
# star arguments in calls
def f(a, b, c, d=0):
    return [a, b, c, d]
args = [1, 2]
[f(*args, 3), f(*'xy', *[0], 4), f(0, *(), *range(2)), f(*[1, 2, 3, 4])]
# ---
# double-star arguments in calls
def f(a, b=2, **kw):
    return [a, b, kw]
opts = {'b': 5, 'c': 6}
[f(1, **opts), f(**{'a': 0}), f(1, **{'x': 1}, **{'y': 2}), f(a=3, **{'z': 4})]
# ---
# unpacking a generator expression
a, b, c = (i * i for i in range(3))
[a, b, c]
# ---
# unpacking into subscripts and slices
l = [0, 0, 0, 0]
d = {}
l[0], d['k'], l[1:3] = 'a', 'b', 'xyz'
[l, d]
# ---
# too many values raises ValueError
a, b = [1, 2, 3]
# ---
# too few values raises ValueError
a, b, c = (1, 2)
# ---
# too few values for a starred target raises ValueError
a, b, *c, d = [1, 2]
# ---
# unpacking a non-iterable raises TypeError
a, b = 5
# ---
# unpacking a string of the wrong length raises ValueError
x, y = 'abc'
# ---
# nested unpacking mismatch raises ValueError
(a, b), c = (1, 2, 3), 4
# ---
# unpacking None raises TypeError
a, *b = None
# ---
# star-calling a non-iterable raises TypeError
def f(*a):
    return a
f(*5)
# ---
# double-star with a non-mapping raises TypeError
def f(**k):
    return k
f(**[1])
# ---
# duplicate keyword through double-star raises TypeError
def f(**k):
    return k
f(a=1, **{'a': 2})
# ---
# double-star with non-string keys raises TypeError
def f(**k):
    return k
f(**{1: 2})
# ---
# unpacking a dict unpacks its keys
a, b = {'x': 1, 'y': 2}
[a, b]
