# range with start, stop and step
[list(range(5)), list(range(2, 6)), list(range(10, 0, -3)), list(range(0)), list(range(5, 2)), list(range(-3, 3, 2))]
# ---
# range supports len, indexing, slicing, in, index and count
r = range(3, 30, 3)
[len(r), r[0], r[-1], list(r[2:5]), 12 in r, 13 in r, r.index(9), r.count(6), list(reversed(r))[:2]]
# ---
# enumerate with and without a start
[list(enumerate('abc')), list(enumerate(['x', 'y'], 1)), list(enumerate([], 5)), list(enumerate('ab', start=-1))]
# ---
# zip stops at the shortest input
[list(zip([1, 2, 3], 'ab')), list(zip()), list(zip([1])), list(zip(*[(1, 'a'), (2, 'b')])), dict(zip('abc', range(3)))]
# ---
# zip with strict=True and unequal lengths raises ValueError
list(zip([1, 2], [1], strict=True))
# ---
# map with one and several iterables
[list(map(str, [1, 2])), list(map(lambda a, b: a * b, [1, 2, 3], [4, 5])), list(map(len, ['ab', '', 'cde'])), list(map(int, '123'))]
# ---
# filter with a function and with None
[list(filter(lambda x: x > 1, [0, 1, 2, 3])), list(filter(None, [0, 1, '', 'a', None, [], [0]])), list(filter(str.isdigit, 'a1b2'))]
# ---
# sorted with key, reverse and stability
people = [('bob', 25), ('amy', 30), ('cat', 25), ('dan', 20)]
[sorted([3, 1, 2]), sorted('cba'), sorted([3, 1, 2], reverse=True), sorted(people, key=lambda p: p[1]), sorted(people, key=lambda p: (-p[1], p[0])), sorted(['B', 'a', 'C'], key=str.lower)]
# ---
# sorted with a sandbox function as the key, reverse keeps stability
def by_len(s):
    return len(s)
words = ['ccc', 'a', 'bb', 'dd', 'e']
[sorted(words, key=by_len), sorted(words, key=by_len, reverse=True), sorted({'b': 1, 'a': 2})]
# ---
# reversed over sequences
[list(reversed([1, 2, 3])), ''.join(reversed('abc')), tuple(reversed((1, 2))), list(reversed(range(3)))]
# ---
# sum with and without start
[sum([1, 2, 3]), sum([]), sum([0.5, 0.25]), sum([[1], [2]], []), sum(range(101)), sum([1, 2], 10), sum([True, True, False])]
# ---
# min and max over iterables and arguments
[min([3, 1, 2]), max('hello'), min(4, 2, 8), max(1, 2.5), min([], default='empty'), max([(1, 'b'), (1, 'a')]), min('bca', key=lambda c: -ord(c))]
# ---
# min and max with key return the first best element
words = ['bb', 'a', 'cc', 'd']
[max(words, key=len), min(words, key=len), max([-3, 2, -1], key=abs), max([1, 2], key=lambda x: 0)]
# ---
# min and max with a sandbox function key over dicts
rows = [{'n': 'x', 'v': 3}, {'n': 'y', 'v': 9}, {'n': 'z', 'v': 1}]
def value_of(row):
    return row['v']
[max(rows, key=value_of)['n'], min(rows, key=value_of)['n']]
# ---
# abs of ints, floats and bools
[abs(-5), abs(3), abs(-2.5), abs(0.0), abs(-0.0), abs(True), abs(-10 ** 20)]
# ---
# round uses banker's rounding
[round(0.5), round(1.5), round(2.5), round(-0.5), round(3.14159, 2), round(2.675, 2), round(1234, -2), round(1250, -2), round(7.0), type(round(7.5)).__name__, type(round(7.5, 0)).__name__]
# ---
# any and all, including on empty input
[any([]), all([]), any([0, '', None]), any([0, 1]), all([1, 'a', [0]]), all([1, 0]), any('x'), all(range(1, 4))]
# ---
# isinstance with a single type and with a tuple of types
[isinstance(1, int), isinstance(True, int), isinstance(1, bool), isinstance(1.0, (int, float)), isinstance('s', (list, tuple)), isinstance([], list), isinstance(None, type(None)), isinstance({}, dict), isinstance(frozenset(), set)]
# ---
# int() from strings, floats and with a base
[int('42'), int(' -7 '), int('1_000'), int(3.99), int(-3.99), int('ff', 16), int('0x1F', 16), int('0b101', 0), int('z', 36), int(True), int('+5')]
# ---
# float() from strings and ints
[float('3.5'), float(' -1e3 '), float(7), float('inf'), float('-Infinity'), float('1_0.5'), repr(float('nan'))]
# ---
# bool(), str(), list(), tuple() conversions
[bool('False'), bool(0.0), str(3.0), str([1, 'a']), list('hi'), tuple({'a': 1}), list((1, 2))]
# ---
# repr() versus str()
[repr('x'), str('x'), repr(1.0), repr([1, '1']), repr(None), repr(b'x'), repr((1,)), repr({1: 'a'})]
# ---
# divmod on ints and floats
[divmod(17, 5), divmod(-17, 5), divmod(17, -5), divmod(7.5, 2), divmod(-7.5, 2)]
# ---
# pow with two and three arguments
[pow(2, 8), pow(2, -2), pow(2.0, 0.5), pow(-8, 3), pow(5, 3, 7), pow(-2, 3, 5)]
# ---
# hash of ints and tuples is deterministic and consistent with ==
[hash(1), hash(-1), hash(0), hash(2 ** 61), hash(1) == hash(1.0) == hash(True), hash((1, 2)), hash((1, (2, -1))) == hash((1, (2, -1)))]
# ---
# chr and ord
[chr(65), chr(0x1F600), chr(233), ord('a'), ord('€'), ord('\n'), [chr(ord(c) + 1) for c in 'HAL']]
# ---
# hex, oct and bin
[hex(255), hex(-1), oct(8), oct(-8), bin(5), bin(0), bin(-5), hex(2 ** 70)]
# ---
# iter and next with a default
it = iter([1, 2])
[next(it), next(it), next(it, 'end'), next(iter('x')), next(iter({'k': 1})), next(iter(range(5, 9)))]
# ---
# iterators are shared: zip of one iterator with itself pairs items
it = iter(range(6))
list(zip(it, it))
# ---
# type() of values by identity and by name
[type(1) is int, type(True) is bool, type(True) is int, type(1.0).__name__, type('').__name__, type([]).__name__, type(None).__name__, type(b'').__name__, type({}).__name__, type(frozenset()).__name__, type(()).__name__]
# ---
# callable on various values
def f():
    return 0
[callable(f), callable(lambda: 0), callable(print), callable(int), callable('s'), callable(None), callable([].append)]
# ---
# format() builtin
[format(3.14159, '.2f'), format(42, '08b'), format('x', '>3'), format(1234567, ','), format(0.5, '%'), format(12)]
# ---
# list(), dict(), set() copy their argument
a = [1, 2]
b = list(a)
d = {'k': [1]}
e = dict(d)
e['k'].append(2)
e['j'] = 0
[a is b, a == b, d, e]
# ---
# len of a non-sized value raises TypeError
len(5)
# ---
# int from an invalid string raises ValueError
int('x')
# ---
# int from a float string raises ValueError
int('1.5')
# ---
# float from an invalid string raises ValueError
float('abc')
# ---
# int(None) raises TypeError
int(None)
# ---
# chr out of range raises ValueError
chr(-1)
# ---
# ord of a two-character string raises TypeError
ord('ab')
# ---
# min of an empty sequence raises ValueError
min([])
# ---
# max with no arguments raises TypeError
max()
# ---
# sorting mixed types raises TypeError
sorted([3, 'a', 1])
# ---
# sum of strings raises TypeError
sum(['a', 'b'])
# ---
# range with a float raises TypeError
range(1.5)
# ---
# range with step zero raises ValueError
range(1, 5, 0)
# ---
# hash of a list raises TypeError
hash([1, 2])
# ---
# hash of a tuple containing a list raises TypeError
hash((1, [2]))
# ---
# iter of an int raises TypeError
iter(5)
# ---
# next on a list raises TypeError
next([1, 2])
# ---
# next on an exhausted iterator raises StopIteration
it = iter('a')
next(it)
next(it)
# ---
# abs of a string raises TypeError
abs('x')
# ---
# int with an invalid base raises ValueError
int('12', 1)
# ---
# round of a string raises TypeError
round('1.5')
# ---
# divmod of str and int raises TypeError
divmod('a', 1)
# ---
# isinstance with a non-type second argument raises TypeError
isinstance(1, 'int')
# ---
# map with a non-callable fails when consumed: raises TypeError
list(map(5, [1]))
# ---
# a builtin called with too many arguments raises TypeError
len([1], [2])
# ---
# a builtin called with an unexpected keyword raises TypeError
sorted([1], cmp=None)
# ---
# an error inside a key function raises KeyError out of sorted
sorted([{'a': 1}, {'b': 2}], key=lambda d: d['a'])
# ---
# iter(callable, sentinel) stops at the sentinel
it = iter([3, 2, 1, 0, 5])
[x for x in iter(lambda: next(it), 0)]
# ---
# reversed() uses __reversed__ or the sequence protocol of a class
class Seq:
    def __len__(self):
        return 3
    def __getitem__(self, i):
        return i * 10
class Rev:
    def __reversed__(self):
        return iter('cba')
[list(reversed(Seq())), list(reversed(Rev()))]
# ---
# type(name, bases, dict) builds a class
Point = type('Point', (object,), {'x': 1, 'shift': lambda self, d: self.x + d})
[Point().shift(2), Point.__name__, isinstance(Point(), Point)]
# ---
# dir() of an instance lists its attributes and methods
class A:
    z = 1
    def m(self):
        pass
a = A()
a.y = 2
[n for n in dir(a) if not n.startswith('__')]
# ---
# vars(): module namespaces, instance attributes, the running frame's names
import math
class C:
    def __init__(self):
        self.a = 1
def f(x):
    y = x + 1
    return sorted(vars())
c = C()
vars(c)['b'] = 2
[vars(math)['pi'], 'nope' in vars(math), vars(c), c.b, f(1), 'C' in vars()]
# ---
# vars() errors
out = []
for bad in (1, 'x', [1], None, 1.5):
    try:
        vars(bad)
    except TypeError as e:
        out.append(str(e))
try:
    vars(1, 2)
except TypeError as e:
    out.append(str(e))
out
# ---
# builtins namespace through vars()
import builtins
ns = vars(builtins)
[ns['len'] is len, ns['object'] is object, ns['None'] is None, 'pi' in ns]
# ---
# type(): keyword arguments and bad argument types
out = []
for code in (lambda: type(1, x=1), lambda: type(None, (), {}), lambda: type('A', [], {}),
             lambda: type('A', (), None), lambda: type(1, 2)):
    try:
        code()
    except TypeError as e:
        out.append(str(e))
out
# ---
# iter(callable, sentinel) is a callable_iterator; a property read on its class is a property
class R:
    @property
    def v(self):
        return 1
[type(iter(lambda: 1, 1)).__name__, type(R.v) is property, isinstance(R.v, property)]
# ---
# vars() in a class body is the class namespace; in a comprehension, its locals
class A:
    x = 1
    vars()['y'] = 2
    names = sorted(vars())
def outer():
    z = 5
    def inner():
        return vars(), z
    return inner()
[A.y, A.names, outer(), [sorted(vars()) for _ in range(1)]]
# ---
# enumerate(): CPython's hand-written argument checks, in their order
out = []
for args, kwargs in (((), {}), ((), {'start': 1, 'bogus': 1, 'iterable': [1]}), ((), {'start': 1}),
                     (([1],), {'iterable': [2]}), (([1],), {'bogus': 1}), (([1], 0, 0), {}),
                     (([1],), {'bogus': 1, 'worse': 2}), ((), {'bogus': 1}),
                     ((), {'start': 1, 'bogus': 2}), ((), {'bogus': 2, 'start': 1}),
                     ((), {'iterable': [1], 'bogus': 1}), (([1], 1), {'start': 2}),
                     ((), {'iterable': [1], 'start': 'a'}), (([1],), {'start': 1.5})):
    try:
        out.append(list(enumerate(*args, **kwargs)))
    except TypeError as e:
        out.append(str(e))
out + [list(enumerate(start=5, iterable='ab')), list(enumerate(iterable='a', start=True)),
       list(enumerate('ab', 2**70))]
# ---
# the name `type` stands for the type `type` in isinstance and issubclass, on either side
[isinstance(type, type), isinstance(type, object), issubclass(type, object), issubclass(type, type),
 isinstance(int, type), issubclass(bool, int), isinstance(type, (int, type))]
# ---
# round: ints with negative ndigits (half to even), bools, subclasses, huge ndigits
class MyInt(int):
    pass
class Idx:
    def __index__(self):
        return -2
[round(12345, -2), round(12350, -2), round(12250, -2), round(-12350, -2), round(15, -1),
 round(25, -1), round(5, -1), round(50, -2), round(51, -2), round(-5, -1), round(-6, -1),
 round(7, -1), round(7, -10 ** 4), round(12345, -6), round(12345, -5), round(-12345, -5), round(10 ** 40 + 5, -41),
 round(6 * 10 ** 40, -41), round(5 * 10 ** 40, -41), round(5 * 10 ** 40 + 1, -41), round(-6 * 10 ** 40, -41),
 round(10 ** 300 // 7, -150) % 1000003, round(True, -1), round(True, 0), round(True), round(12, 3),
 round(12, 10 ** 20), round(MyInt(1234), -2), type(round(MyInt(1234), -2)).__name__,
 round(1234, Idx()), round(1234, ndigits=-2), round(1234, ndigits=None), round(1234, None),
 round(2.675, 2), round(2.5), round(1.5e300, -10 ** 9), round(1.5, 10 ** 9), round(-0.0, -10 ** 9),
 type(round(7, -10 ** 4)).__name__, type(round(True, -1)).__name__]
# ---
# round errors
out = []
class R:
    def __round__(self, n=None):
        return ('R', n)
for args, kwargs in (((), {}), ((1, 2, 3), {}), (('a', 2), {}), ((12, 1.5), {}), ((12, 'x'), {}),
                     ((12,), {'digits': 2}), ((12,), {'ndigits': 1.5}), ((1.5, 'x'), {}),
                     ((R(), -10 ** 9), {}), ((R(),), {})):
    try:
        out.append(round(*args, **kwargs))
    except Exception as e:
        out.append((type(e).__name__, str(e)))
out
