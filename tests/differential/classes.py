# a method reads instance attributes set in __init__
class A:
    def __init__(self, x):
        self.x = x
    def double(self):
        return self.x * 2
a = A(21)
(a.x, a.double())
# ---
# class attribute shared, instance attribute shadows it
class A:
    n = 1
a, b = A(), A()
a.n = 5
(a.n, b.n, A.n)
# ---
# mutating a class attribute is seen by all instances without own attribute
class A:
    n = 1
a, b = A(), A()
A.n = 7
(a.n, b.n)
# ---
# mutable class attribute is shared between instances
class A:
    items = []
    def add(self, x):
        self.items.append(x)
a, b = A(), A()
a.add(1)
b.add(2)
(A.items, a.items is b.items)
# ---
# class-level counter incremented in __init__
class Counter:
    count = 0
    def __init__(self):
        Counter.count += 1
        self.id = Counter.count
cs = [Counter() for _ in range(3)]
(Counter.count, [c.id for c in cs])
# ---
# class counter via type(self) keeps per-subclass counts
class Base:
    made = 0
    def __init__(self):
        type(self).made += 1
class Sub(Base):
    pass
Base(); Sub(); Sub()
(Base.made, Sub.made)
# ---
# single inheritance: override and inherit
class Animal:
    def speak(self):
        return 'generic'
    def name(self):
        return 'animal'
class Dog(Animal):
    def speak(self):
        return 'woof'
d = Dog()
(d.speak(), d.name(), Animal().speak())
# ---
# super().__init__ in subclass
class Base:
    def __init__(self, x):
        self.x = x
class Child(Base):
    def __init__(self, x, y):
        super().__init__(x)
        self.y = y
c = Child(1, 2)
(c.x, c.y)
# ---
# super() in an ordinary method extends the parent's result
class A:
    def greet(self):
        return 'A'
class B(A):
    def greet(self):
        return 'B+' + super().greet()
class C(B):
    def greet(self):
        return 'C+' + super().greet()
C().greet()
# ---
# diamond inheritance follows the C3 MRO
class A: pass
class B(A): pass
class C(A): pass
class D(B, C): pass
[c.__name__ for c in D.__mro__]
# ---
# cooperative super() through a diamond calls each class once
class A:
    def who(self):
        return ['A']
class B(A):
    def who(self):
        return ['B'] + super().who()
class C(A):
    def who(self):
        return ['C'] + super().who()
class D(B, C):
    def who(self):
        return ['D'] + super().who()
D().who()
# ---
# cooperative __init__ through a diamond with super()
class Base:
    def __init__(self):
        self.log = ['Base']
class Left(Base):
    def __init__(self):
        super().__init__()
        self.log.append('Left')
class Right(Base):
    def __init__(self):
        super().__init__()
        self.log.append('Right')
class Both(Left, Right):
    def __init__(self):
        super().__init__()
        self.log.append('Both')
Both().log
# ---
# a more complex C3 linearization
class O: pass
class F(O): pass
class E(O): pass
class Dd(O): pass
class C(Dd, F): pass
class B(Dd, E): pass
class A(B, C): pass
[k.__name__ for k in A.__mro__]
# ---
# inconsistent MRO raises TypeError
class X: pass
class Y(X): pass
class Z(X, Y): pass
# ---
# multiple inheritance: attribute lookup order left to right
class A:
    v = 'A'
class B:
    v = 'B'
    w = 'Bw'
class C(A, B): pass
(C.v, C.w, C().v)
# ---
# __bases__ and __name__ of classes
class A: pass
class B: pass
class C(A, B): pass
([b.__name__ for b in C.__bases__], C.__name__, A.__bases__[0].__name__)
# ---
# @staticmethod is callable from class and instance
class M:
    @staticmethod
    def add(a, b):
        return a + b
(M.add(1, 2), M().add(3, 4))
# ---
# @classmethod as an alternative constructor
class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y
    @classmethod
    def from_tuple(cls, t):
        return cls(*t)
    @classmethod
    def origin(cls):
        return cls(0, 0)
p = Point.from_tuple((3, 4))
(p.x, p.y, Point.origin().x)
# ---
# classmethod receives the subclass as cls
class Base:
    @classmethod
    def make(cls):
        return cls()
    @classmethod
    def kind(cls):
        return cls.__name__
class Sub(Base): pass
(type(Sub.make()).__name__, Sub.kind(), Base.kind(), Sub().kind())
# ---
# @property getter computes a value
class Circle:
    def __init__(self, r):
        self.r = r
    @property
    def area(self):
        return self.r * self.r * 3
c = Circle(2)
a1 = c.area
c.r = 3
(a1, c.area)
# ---
# property setter validates and stores
class Temp:
    def __init__(self):
        self._c = 0
    @property
    def celsius(self):
        return self._c
    @celsius.setter
    def celsius(self, v):
        if v < -273:
            raise ValueError('too cold')
        self._c = v
t = Temp()
t.celsius = 25
try:
    t.celsius = -300
except ValueError as e:
    err = str(e)
(t.celsius, err)
# ---
# property deleter
class P:
    def __init__(self):
        self._v = 1
        self.log = []
    @property
    def v(self):
        return self._v
    @v.deleter
    def v(self):
        self.log.append('del')
        self._v = None
p = P()
del p.v
(p.v, p.log)
# ---
# assigning to a read-only property raises AttributeError
class P:
    @property
    def v(self):
        return 1
P().v = 2
# ---
# property is inherited and can be overridden
class A:
    @property
    def name(self):
        return 'A'
class B(A):
    @property
    def name(self):
        return 'B/' + super().name
(A().name, B().name)
# ---
# isinstance and issubclass with user classes and tuples
class A: pass
class B(A): pass
class C: pass
b = B()
(isinstance(b, A), isinstance(b, C), isinstance(b, (C, A)), issubclass(B, A), issubclass(A, B), issubclass(B, (C, object)), issubclass(C, C))
# ---
# type() of instance and class
class A: pass
a = A()
(type(a) is A, type(a).__name__, type(A).__name__, isinstance(A, type))
# ---
# __repr__ and __str__ used by repr(), str(), f-strings, print
class P:
    def __init__(self, x):
        self.x = x
    def __repr__(self):
        return f'P({self.x!r})'
    def __str__(self):
        return f'point {self.x}'
p = P('a')
print(p)
(repr(p), str(p), f'{p}', f'{p!r}', repr([p, p]))
# ---
# str() falls back to __repr__
class P:
    def __repr__(self):
        return '<P>'
(str(P()), str([P()]), f'{P()}')
# ---
# __eq__ and derived __ne__
class V:
    def __init__(self, x):
        self.x = x
    def __eq__(self, other):
        if not isinstance(other, V):
            return NotImplemented
        return self.x == other.x
(V(1) == V(1), V(1) != V(1), V(1) == V(2), V(1) != V(2), V(1) == 1, V(1) != 'x')
# ---
# default equality is identity
class A: pass
a = A()
(a == a, a == A(), a != A(), [a].count(a))
# ---
# __lt__ with reflected fallback to __gt__
class N:
    def __init__(self, v):
        self.v = v
    def __lt__(self, other):
        return self.v < other.v
(N(1) < N(2), N(2) > N(1), N(3) > N(5))
# ---
# comparison returning NotImplemented on both sides raises TypeError
class A:
    def __lt__(self, other):
        return NotImplemented
A() < A()
# ---
# ordering with no methods raises TypeError naming the types
class A: pass
A() < A()
# ---
# __le__ __ge__ defined explicitly
class N:
    def __init__(self, v):
        self.v = v
    def __le__(self, o):
        return self.v <= o.v
    def __ge__(self, o):
        return self.v >= o.v
(N(1) <= N(1), N(2) >= N(3), N(2) <= N(1))
# ---
# reflected __eq__ of the right operand is tried
class A:
    def __eq__(self, other):
        return NotImplemented
class B:
    def __eq__(self, other):
        return 'B.eq'
(A() == B(), B() == A())
# ---
# subclass reflected method takes priority
class A:
    def __add__(self, o):
        return 'A.add'
    def __radd__(self, o):
        return 'A.radd'
class B(A):
    def __radd__(self, o):
        return 'B.radd'
(A() + B(), B() + A(), A() + A())
# ---
# __hash__ lets instances be dict keys and set members
class K:
    def __init__(self, k):
        self.k = k
    def __eq__(self, o):
        return isinstance(o, K) and self.k == o.k
    def __hash__(self):
        return hash(self.k)
d = {K(1): 'one', K(2): 'two'}
(d[K(1)], K(2) in d, len({K(1), K(1), K(3)}))
# ---
# defining __eq__ without __hash__ makes instances unhashable
class P:
    def __eq__(self, o):
        return True
hash(P())
# ---
# unhashable instance used as a set member
class P:
    def __eq__(self, o):
        return True
{P()}
# ---
# __hash__ is None after defining __eq__
class P:
    def __eq__(self, o):
        return True
class Q: pass
(P.__hash__ is None, Q.__hash__ is None)
# ---
# default instances are hashable and work as dict keys by identity
class A: pass
a, b = A(), A()
d = {a: 1, b: 2}
(d[a], d[b], len(d))
# ---
# classes themselves as dict keys
class A: pass
class B: pass
reg = {A: 'a', B: 'b'}
(reg[A], reg[B], A in reg)
# ---
# __len__ and __bool__
class Box:
    def __init__(self, n):
        self.n = n
    def __len__(self):
        return self.n
(len(Box(3)), bool(Box(0)), bool(Box(2)), 'yes' if Box(0) else 'no')
# ---
# __bool__ overrides __len__
class B:
    def __init__(self, v):
        self.v = v
    def __bool__(self):
        return self.v
    def __len__(self):
        return 10
(bool(B(True)), bool(B(False)), not B(False), len([x for x in [B(True), B(False)] if x]))
# ---
# __bool__ returning non-bool raises TypeError
class B:
    def __bool__(self):
        return 1
bool(B())
# ---
# __len__ returning negative raises ValueError
class L:
    def __len__(self):
        return -1
len(L())
# ---
# __contains__ drives the in operator
class Evens:
    def __contains__(self, x):
        return x % 2 == 0
(4 in Evens(), 3 in Evens(), 3 not in Evens())
# ---
# in falls back to __iter__ when no __contains__
class R:
    def __iter__(self):
        return iter([1, 2, 3])
(2 in R(), 5 in R())
# ---
# user iterator with __iter__/__next__ in for loops and list()
class Countdown:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        return self
    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n + 1
out = []
for x in Countdown(3):
    out.append(x)
(out, list(Countdown(4)), sum(Countdown(5)), sorted(Countdown(3)))
# ---
# __iter__ as a generator method
class Tree:
    def __init__(self, *items):
        self.items = items
    def __iter__(self):
        for i in self.items:
            yield i
            yield i * 10
(list(Tree(1, 2)), [x for x in Tree(3)], tuple(Tree()))
# ---
# generator methods with state
class Fib:
    def __init__(self, n):
        self.n = n
    def gen(self):
        a, b = 0, 1
        for _ in range(self.n):
            yield a
            a, b = b, a + b
list(Fib(8).gen())
# ---
# iteration via the old __getitem__ protocol
class Seq:
    def __getitem__(self, i):
        if i >= 3:
            raise IndexError(i)
        return i * i
(list(Seq()), 4 in Seq())
# ---
# __getitem__/__setitem__/__delitem__
class Store:
    def __init__(self):
        self.d = {}
    def __getitem__(self, k):
        return self.d[k]
    def __setitem__(self, k, v):
        self.d[k] = v
    def __delitem__(self, k):
        del self.d[k]
s = Store()
s['a'] = 1
s['b'] = 2
del s['a']
(s['b'], s.d)
# ---
# __getitem__ receives slice objects
class S:
    def __getitem__(self, k):
        if isinstance(k, slice):
            return ('slice', k.start, k.stop, k.step)
        return ('index', k)
s = S()
(s[1], s[1:5], s[::2], s[1, 2])
# ---
# KeyError from __getitem__ propagates
class S:
    def __getitem__(self, k):
        raise KeyError(k)
S()['missing']
# ---
# __call__ makes instances callable
class Adder:
    def __init__(self, n):
        self.n = n
    def __call__(self, x, *, times=1):
        return (x + self.n) * times
add5 = Adder(5)
(add5(1), add5(1, times=3), list(map(add5, [1, 2])), callable(add5), callable(Adder))
# ---
# arithmetic dunders __add__ __sub__ __mul__ __neg__ __abs__
class V:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __add__(self, o):
        return V(self.x + o.x, self.y + o.y)
    def __sub__(self, o):
        return V(self.x - o.x, self.y - o.y)
    def __mul__(self, k):
        return V(self.x * k, self.y * k)
    def __neg__(self):
        return V(-self.x, -self.y)
    def __abs__(self):
        return self.x * self.x + self.y * self.y
    def t(self):
        return (self.x, self.y)
a, b = V(1, 2), V(3, 5)
((a + b).t(), (b - a).t(), (a * 3).t(), (-a).t(), abs(b))
# ---
# reflected arithmetic __radd__ __rmul__ and sum()
class M:
    def __init__(self, v):
        self.v = v
    def __add__(self, o):
        return M(self.v + (o.v if isinstance(o, M) else o))
    def __radd__(self, o):
        return M(o + self.v)
    def __rmul__(self, o):
        return M(o * self.v)
((1 + M(2)).v, sum([M(1), M(2), M(3)]).v, (3 * M(4)).v)
# ---
# __iadd__ mutates in place, fallback to __add__ otherwise
class Acc:
    def __init__(self):
        self.items = []
    def __iadd__(self, x):
        self.items.append(x)
        return self
class Num:
    def __init__(self, v):
        self.v = v
    def __add__(self, o):
        return Num(self.v + o)
a = Acc()
orig = a
a += 1
a += 2
n = Num(1)
n0 = n
n += 5
(a.items, a is orig, n.v, n is n0, n0.v)
# ---
# unsupported operand types message for user classes
class A: pass
A() + 1
# ---
# reflected unsupported operand message
class A: pass
1 - A()
# ---
# __truediv__ __floordiv__ __mod__ __pow__ and reflected forms
class X:
    def __truediv__(self, o): return 'truediv'
    def __floordiv__(self, o): return 'floordiv'
    def __mod__(self, o): return 'mod'
    def __pow__(self, o): return 'pow'
    def __rtruediv__(self, o): return 'rtruediv'
    def __rpow__(self, o): return 'rpow'
    def __matmul__(self, o): return 'matmul'
(X() / 1, X() // 1, X() % 1, X() ** 2, 1 / X(), 2 ** X(), X() @ X())
# ---
# bitwise dunders and __invert__ __pos__
class B:
    def __init__(self, v): self.v = v
    def __and__(self, o): return self.v & o
    def __or__(self, o): return self.v | o
    def __xor__(self, o): return self.v ^ o
    def __lshift__(self, o): return self.v << o
    def __invert__(self): return ~self.v
    def __pos__(self): return 'pos'
b = B(12)
(b & 10, b | 3, b ^ 5, b << 2, ~b, +b)
# ---
# __int__ __float__ __index__ conversions
class N:
    def __int__(self): return 7
    def __float__(self): return 2.5
    def __index__(self): return 3
(int(N()), float(N()), [0, 1, 2, 3, 4][N()], hex(N()), 'abcdef'[N():])
# ---
# __getattr__ is a fallback only for missing attributes
class G:
    x = 1
    def __getattr__(self, name):
        return 'dyn_' + name
g = G()
g.y = 2
(g.x, g.y, g.zzz, getattr(g, 'q'), hasattr(g, 'anything'))
# ---
# __getattr__ raising AttributeError makes getattr default work
class G:
    def __getattr__(self, name):
        if name.startswith('ok'):
            return name
        raise AttributeError(name)
g = G()
(g.ok1, getattr(g, 'bad', 'default'), hasattr(g, 'bad'))
# ---
# missing attribute AttributeError message
class A: pass
A().z
# ---
# missing class attribute message
class A: pass
A.z
# ---
# getattr/setattr/hasattr/delattr on instances
class A: pass
a = A()
setattr(a, 'x', 10)
h1 = hasattr(a, 'x')
delattr(a, 'x')
(h1, hasattr(a, 'x'), getattr(a, 'x', 'none'))
# ---
# deleting a missing instance attribute
class A: pass
a = A()
del a.nope
# ---
# __dict__ of an instance holds its attributes
class A:
    c = 0
    def __init__(self):
        self.a = 1
        self.b = 2
a = A()
a.z = 3
a.__dict__
# ---
# method called with too many arguments
class A:
    def method(self, x):
        return x
A().method(1, 2)
# ---
# method called with too few arguments
class A:
    def method(self, x, y):
        return x
A().method(1)
# ---
# __init__ called with wrong argument count
class A:
    def __init__(self, x):
        self.x = x
A()
# ---
# instance with no __init__ rejects arguments
class A: pass
A(1)
# ---
# unexpected keyword argument to a method
class A:
    def m(self, x):
        return x
A().m(y=1)
# ---
# calling an instance method on the class needs self explicitly
class A:
    def m(self):
        return 'ok'
(A.m(A()), A().m())
# ---
# bound methods are first-class values
class A:
    def __init__(self, v):
        self.v = v
    def get(self):
        return self.v
fs = [A(i).get for i in range(3)]
([f() for f in fs], fs[0].__name__)
# ---
# class decorator returning the class
def add_tag(cls):
    cls.tag = 'tagged:' + cls.__name__
    return cls
@add_tag
class A: pass
(A.tag, A().tag)
# ---
# class decorator registry
registry = {}
def register(name):
    def deco(cls):
        registry[name] = cls
        return cls
    return deco
@register('first')
class One:
    def run(self): return 1
@register('second')
class Two:
    def run(self): return 2
(sorted(registry), [registry[k]().run() for k in sorted(registry)])
# ---
# __init_subclass__ tracks subclasses
class Plugin:
    plugins = []
    def __init_subclass__(cls, **kw):
        super().__init_subclass__(**kw)
        Plugin.plugins.append(cls.__name__)
class A(Plugin): pass
class B(Plugin): pass
class C(A): pass
Plugin.plugins
# ---
# __init_subclass__ with class keyword arguments
class Base:
    def __init_subclass__(cls, prefix='x', **kw):
        super().__init_subclass__(**kw)
        cls.prefix = prefix
class A(Base, prefix='a'): pass
class B(Base): pass
(A.prefix, B.prefix)
# ---
# __subclasses__ lists direct subclasses
class A: pass
class B(A): pass
class C(A): pass
sorted(c.__name__ for c in A.__subclasses__())
# ---
# sorting instances with __lt__
class Card:
    def __init__(self, rank):
        self.rank = rank
    def __lt__(self, other):
        return self.rank < other.rank
cards = [Card(5), Card(2), Card(9), Card(1)]
([c.rank for c in sorted(cards)], max(cards).rank, min(cards).rank)
# ---
# sorting instances with key=
class Emp:
    def __init__(self, name, age):
        self.name, self.age = name, age
es = [Emp('b', 30), Emp('a', 25), Emp('c', 25)]
([e.name for e in sorted(es, key=lambda e: (e.age, e.name))], [e.name for e in sorted(es, key=lambda e: e.name, reverse=True)])
# ---
# sorting instances without __lt__ raises TypeError
class A: pass
sorted([A(), A()])
# ---
# subclassing dict with an extra method
class D(dict):
    def total(self):
        return sum(self.values())
d = D(a=1, b=2)
d['c'] = 3
(d.total(), sorted(d.keys()), isinstance(d, dict), len(d), dict(d))
# ---
# dict subclass with __missing__
class DefaultZero(dict):
    def __missing__(self, key):
        return 0
d = DefaultZero()
d['x'] += 1
d['x'] += 1
(d['x'], d['y'], 'y' in d, dict(d))
# ---
# subclassing list with extra methods and super() calls
class L(list):
    def append(self, x):
        super().append(x * 2)
    def first(self):
        return self[0]
l = L([1, 2])
l.append(5)
(list(l), l.first(), len(l), type(l).__name__, isinstance(l, list), list(l + [9]))
# ---
# subclassing int keeps int behaviour
class MyInt(int):
    def double(self):
        return self * 2
m = MyInt(21)
(m.double(), m + 1, type(m + 1).__name__, isinstance(m, int), m == 21)
# ---
# subclassing str with a custom method and __new__-free construction
class Name(str):
    def shout(self):
        return self.upper() + '!'
n = Name('bob')
(n.shout(), len(n), n + 'x', str(n), type(n).__name__)
# ---
# closures inside methods capture self
class Counter:
    def __init__(self):
        self.n = 0
    def make_inc(self):
        def inc(k=1):
            self.n += k
            return self.n
        return inc
c = Counter()
f = c.make_inc()
f(); f(); f(5)
(c.n, [c.make_inc()() for _ in range(2)])
# ---
# lambdas in methods and comprehensions referencing self
class T:
    def __init__(self, xs):
        self.xs = xs
        self.k = 10
    def scaled(self):
        return [x * self.k for x in self.xs]
    def keyed(self):
        return sorted(self.xs, key=lambda x: -x * self.k)
(T([1, 2, 3]).scaled(), T([1, 3, 2]).keyed())
# ---
# class body uses names defined earlier in the body
class Config:
    base = 10
    double = base * 2
    names = ['a', 'b']
    upper = [n.upper() for n in names]
    def helper(x):
        return x + 1
    three = helper(2)
(Config.base, Config.double, Config.upper, Config.three)
# ---
# class body sees module globals but methods don't see class names bare
x = 'global'
class A:
    x = 'class'
    y = x
    def m(self):
        return x
(A.y, A().m())
# ---
# nested classes
class Outer:
    class Inner:
        def __init__(self, v):
            self.v = v
        def get(self):
            return self.v
    def make(self):
        return self.Inner(42)
(Outer().make().get(), Outer.Inner(1).get(), Outer.Inner.__name__, Outer.Inner.__qualname__)
# ---
# classes defined inside functions close over locals
def make_class(k):
    class K:
        def get(self):
            return k
    return K
(make_class(1)().get(), make_class('z')().get())
# ---
# __qualname__ of methods and __name__
class A:
    def m(self): pass
    class B:
        def n(self): pass
(A.m.__name__, A.m.__qualname__, A.B.n.__qualname__)
# ---
# __class__ attribute and type name of instance
class A: pass
class B(A): pass
b = B()
(b.__class__.__name__, b.__class__ is B, b.__class__.__bases__[0].__name__)
# ---
# name mangling of double-underscore attributes
class A:
    def __init__(self):
        self.__secret = 1
    def get(self):
        return self.__secret
a = A()
(a.get(), sorted(a.__dict__))
# ---
# class docstring and __doc__
class A:
    """Doc for A."""
    def m(self):
        """Doc for m."""
class B: pass
(A.__doc__, A.m.__doc__, B.__doc__)
# ---
# methods returning self allow chaining
class Builder:
    def __init__(self):
        self.parts = []
    def add(self, p):
        self.parts.append(p)
        return self
    def build(self):
        return '-'.join(self.parts)
Builder().add('a').add('b').add('c').build()
# ---
# attribute assigned on the class after creation becomes a method
class A:
    def __init__(self, v):
        self.v = v
def extra(self):
    return self.v + 1
A.extra = extra
A(4).extra()
# ---
# staticmethod and classmethod interplay through inheritance
class Shape:
    sides = 0
    @staticmethod
    def describe(n):
        return f'{n} sides'
    @classmethod
    def info(cls):
        return cls.describe(cls.sides)
class Tri(Shape):
    sides = 3
class Sq(Shape):
    sides = 4
    @staticmethod
    def describe(n):
        return f'square with {n}'
(Shape.info(), Tri.info(), Sq.info(), Sq().info())
# ---
# __eq__ used by list.index, list.count, in and remove
class E:
    def __init__(self, v):
        self.v = v
    def __eq__(self, o):
        return isinstance(o, E) and self.v % 10 == o.v % 10
    __hash__ = None
xs = [E(1), E(12), E(21)]
xs.remove(E(11))
(xs.index(E(2)), [e.v for e in xs], E(31) in xs, xs.count(E(1)))
# ---
# explicit __hash__ alongside __eq__ keeps instances hashable
class K:
    def __init__(self, v):
        self.v = v
    def __eq__(self, o):
        return self.v == o.v
    def __hash__(self):
        return 7
(hash(K(1)), len({K(1), K(2), K(1)}))
# ---
# __hash__ inherited by subclass that does not define __eq__
class A:
    def __hash__(self):
        return 99
class B(A): pass
(hash(A()), hash(B()))
# ---
# __repr__ is inherited and uses type(self).__name__
class Base:
    def __init__(self, v):
        self.v = v
    def __repr__(self):
        return f'{type(self).__name__}({self.v})'
class Child(Base): pass
(repr(Base(1)), repr(Child(2)), str([Child(3)]))
# ---
# __str__ returning non-string raises TypeError
class S:
    def __str__(self):
        return 5
str(S())
# ---
# exception inside a dunder propagates to the caller
class A:
    def __len__(self):
        raise RuntimeError('len broke')
try:
    len(A())
except RuntimeError as e:
    r = str(e)
r
# ---
# isinstance against a class not a type raises TypeError
class A: pass
isinstance(A(), 'A')
# ---
# issubclass with a non-class first argument
class A: pass
issubclass(A(), A)
# ---
# __next__ StopIteration in next() with a default
class Once:
    def __init__(self):
        self.done = False
    def __iter__(self):
        return self
    def __next__(self):
        if self.done:
            raise StopIteration
        self.done = True
        return 'x'
it = Once()
(next(it), next(it, 'end'), list(it))
# ---
# zip, enumerate and map over user iterables
class R:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        return iter(range(self.n))
(list(zip(R(3), 'abc')), list(enumerate(R(2))), list(map(str, R(3))), dict.fromkeys(R(2)))
# ---
# unpacking a user iterable
class Pair:
    def __init__(self, a, b):
        self.a, self.b = a, b
    def __iter__(self):
        yield self.a
        yield self.b
x, y = Pair(1, 2)
first, *rest = Pair('p', 'q')
(x, y, first, rest, [*Pair(3, 4)])
# ---
# instance of a class in a polymorphic loop
class Shape:
    def area(self):
        raise NotImplementedError('subclass must implement')
class Sq(Shape):
    def __init__(self, s): self.s = s
    def area(self): return self.s ** 2
class Rect(Shape):
    def __init__(self, w, h): self.w, self.h = w, h
    def area(self): return self.w * self.h
out = [s.area() for s in [Sq(2), Rect(2, 3)]]
try:
    Shape().area()
except NotImplementedError as e:
    out.append(str(e))
out
# ---
# object() base and explicit object in bases
class A(object):
    pass
(A.__bases__[0] is object, issubclass(A, object), isinstance(A(), object))
# ---
# super() with explicit arguments
class A:
    def f(self):
        return 'A'
class B(A):
    def f(self):
        return 'B' + super(B, self).f()
B().f()
# ---
# super() skipping to a later class in the MRO
class A:
    def f(self): return 'A'
class B(A):
    def f(self): return 'B'
class C(B):
    def f(self): return super(B, self).f()
C().f()
# ---
# __setattr__ override intercepts attribute assignment
class Logged:
    def __init__(self):
        object.__setattr__(self, 'log', [])
    def __setattr__(self, name, value):
        self.log.append(name)
        object.__setattr__(self, name, value * 2)
l = Logged()
l.a = 1
l.b = 5
(l.a, l.b, l.log)
# ---
# __getattribute__-free slots-free: __slots__ restricts attributes
class S:
    __slots__ = ('a',)
s = S()
s.a = 1
try:
    s.b = 2
except AttributeError as e:
    err = str(e)
(s.a, err)
# ---
# comparison via functools-free total ordering by hand
class V:
    def __init__(self, v): self.v = v
    def __eq__(self, o): return self.v == o.v
    def __lt__(self, o): return self.v < o.v
    def __le__(self, o): return self == o or self < o
    def __gt__(self, o): return not self <= o
    def __ge__(self, o): return not self < o
a, b = V(1), V(2)
(a < b, a <= b, a > b, a >= b, a == b, a != b, b >= a)
# ---
# iter() of an object whose __iter__ returns self gives back the same object
class It:
    def __iter__(self):
        return self
    def __next__(self):
        raise StopIteration
o = It()
(iter(o) is o, list(o))
# ---
# a dunder that does not exist on an instance or its class: CPython's message
class P:
    pass
out = []
for code in (lambda: P().__nonexistent__, lambda: P.__nonexistent__):
    try:
        code()
    except AttributeError as e:
        out.append(str(e))
out
# ---
# `del` in a class body removes the name from the class namespace
class D:
    a = 1
    b = a + 1
    del a
[hasattr(D, 'a'), D.b]
