# reduce with and without an initial value
from functools import reduce
import operator
[reduce(operator.add, [1, 2, 3, 4]), reduce(lambda a, b: a * b, range(1, 6), 10), reduce(max, [3], 0), reduce(operator.add, 'abc')]
# ---
# reduce of an empty iterable
from functools import reduce
reduce(lambda a, b: a + b, [])
# ---
# reduce of a non-iterable
from functools import reduce
reduce(lambda a, b: a + b, 5)
# ---
# reduce propagates the callback's exception
from functools import reduce
def f(a, b):
    raise ValueError(f'bad {a} {b}')
reduce(f, [1, 2])
# ---
# partial with positional and keyword arguments
from functools import partial
def power(base, exp, mod=None):
    return pow(base, exp, mod)
square = partial(power, exp=2)
cube_mod = partial(power, exp=3, mod=7)
p = partial(int, base=16)
[square(5), cube_mod(4), p('ff'), p.args, p.keywords, partial(partial(max, 1), 5)(3)]
# ---
# partial of a non-callable
from functools import partial
partial(3)
# ---
# lru_cache memoises and reports statistics
from functools import lru_cache
calls = []
@lru_cache(maxsize=2)
def f(x):
    calls.append(x)
    return x * 10
[f(1), f(1), f(2), f(3), f(1), calls, tuple(f.cache_info())]
# ---
# lru_cache cache_clear and the bare decorator
from functools import lru_cache
@lru_cache
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
r = [fib(60)]
fib.cache_clear()
r + [fib.cache_info().currsize, fib(10), fib.cache_info().misses]
# ---
# cache
from functools import cache
count = 0
@cache
def sq(x):
    global count
    count += 1
    return x * x
[sq(3), sq(3), sq(4), count]
# ---
# lru_cache with an unhashable argument
from functools import lru_cache
@lru_cache
def f(x):
    return x
f([1])
# ---
# wraps copies the name
from functools import wraps
def logged(func):
    @wraps(func)
    def wrapper(*args, **kwargs):
        return ('logged', func(*args, **kwargs))
    return wrapper
@logged
def add(a, b):
    return a + b
[add(1, 2), add.__name__]
# ---
# total_ordering from __lt__
from functools import total_ordering
@total_ordering
class Version:
    def __init__(self, n):
        self.n = n
    def __eq__(self, other):
        return self.n == other.n
    def __lt__(self, other):
        return self.n < other.n
a, b = Version(1), Version(2)
[a < b, a <= b, a > b, a >= b, b >= a, a == Version(1), sorted([b, a])[0].n]
# ---
# total_ordering from __ge__
from functools import total_ordering
@total_ordering
class K:
    def __init__(self, n):
        self.n = n
    def __ge__(self, other):
        return self.n >= other.n
[K(1) < K(2), K(2) <= K(2), K(3) > K(1)]
# ---
# total_ordering needs one ordering method
from functools import total_ordering
@total_ordering
class Nothing:
    pass
# ---
# cmp_to_key for sorting
from functools import cmp_to_key
def by_len_then_alpha(a, b):
    if len(a) != len(b):
        return len(a) - len(b)
    return (a > b) - (a < b)
words = ['pear', 'fig', 'apple', 'kiwi', 'date']
[sorted(words, key=cmp_to_key(by_len_then_alpha)), max([3, 1, 2], key=cmp_to_key(lambda a, b: b - a))]
# ---
# cached_property computes once
from functools import cached_property
class Data:
    def __init__(self):
        self.runs = 0
    @cached_property
    def total(self):
        self.runs += 1
        return sum(range(10))
d = Data()
[d.total, d.total, d.runs]
# ---
# operator functions
import operator
[operator.add(2, 3), operator.sub(5, 2), operator.mul('ab', 2), operator.truediv(7, 2), operator.floordiv(7, 2),
 operator.mod(7, 3), operator.pow(2, 10), operator.neg(3), operator.not_(0), operator.truth([]), operator.eq(1, 1.0),
 operator.lt('a', 'b'), operator.contains([1, 2], 2), operator.getitem({'k': 'v'}, 'k'), operator.and_(6, 3),
 operator.or_(6, 3), operator.xor(6, 3), operator.lshift(1, 5), operator.rshift(64, 2), operator.invert(5), operator.abs(-2),
 operator.index(7), operator.is_(None, None), operator.concat([1], [2]), operator.countOf([1, 2, 1], 1), operator.indexOf('abc', 'c')]
# ---
# operator in-place functions and item assignment
import operator
a = [1]
a = operator.iadd(a, [2, 3])
d = {}
operator.setitem(d, 'k', 1)
lst = [1, 2, 3]
operator.delitem(lst, 0)
[a, d, lst, operator.iadd(1, 2), operator.imul([0], 3)]
# ---
# operator.itemgetter
from operator import itemgetter
rows = [('b', 2), ('a', 3), ('c', 1)]
[sorted(rows, key=itemgetter(1)), itemgetter(0, 1)('xyz'), itemgetter(slice(1, None))('abc'), itemgetter('k')({'k': 5})]
# ---
# operator.attrgetter, dotted
from operator import attrgetter
class Node:
    def __init__(self, name, child=None):
        self.name = name
        self.child = child
n = Node('root', Node('leaf'))
[attrgetter('name')(n), attrgetter('child.name')(n), attrgetter('name', 'child.name')(n),
 sorted([Node('b'), Node('a')], key=attrgetter('name'))[0].name, attrgetter('real')(3)]
# ---
# operator.attrgetter on a missing attribute
from operator import attrgetter
attrgetter('nope')(1)
# ---
# operator.methodcaller
from operator import methodcaller
[methodcaller('upper')('abc'), methodcaller('split', ',')('a,b'), methodcaller('replace', 'a', 'o', 1)('banana'),
 list(map(methodcaller('strip'), [' x ', 'y ']))]
# ---
# operator.indexOf on a missing value
import operator
operator.indexOf([1, 2], 5)
# ---
# operator.attrgetter name must be a string
import operator
operator.attrgetter(1)
# ---
# singledispatch on the class of the first argument
from functools import singledispatch
@singledispatch
def describe(x):
    return 'thing'
@describe.register(int)
def _(x):
    return 'int'
@describe.register(list)
def _(x):
    return f'list of {len(x)}'
def for_str(x):
    return 'str ' + x
describe.register(str, for_str)
[describe(1), describe(True), describe([1, 2]), describe('s'), describe(1.5), describe.dispatch(bool) is describe.dispatch(int)]
# ---
# singledispatch with a sandbox class hierarchy
from functools import singledispatch
class Animal:
    pass
class Dog(Animal):
    pass
@singledispatch
def sound(a):
    return '...'
@sound.register(Animal)
def _(a):
    return 'generic animal'
@sound.register(Dog)
def _(a):
    return 'woof'
[sound(Dog()), sound(Animal()), sound(3)]
# ---
# singledispatch with no arguments
from functools import singledispatch
@singledispatch
def f(x):
    return x
f()
# ---
# reduce with no arguments
from functools import reduce
reduce()
# ---
# operator getters and their reprs
import operator
[operator.itemgetter(0)([5]), repr(operator.itemgetter(1)), repr(operator.attrgetter('a', 'b')), repr(operator.methodcaller('f', 1, k=2))]
