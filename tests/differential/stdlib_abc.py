# abc: abstract methods refuse instantiation with CPython's message
from abc import ABC, ABCMeta, abstractmethod
import abc
out = []
class Shape(ABC):
    @abstractmethod
    def area(self): ...
    @abstractmethod
    def name(self): ...
    def describe(self):
        return f'{self.name()} {self.area()}'
class Half(Shape):
    def area(self): return 1
class Sq(Half):
    def name(self): return 'sq'
for cls in (Shape, Half, Sq):
    try:
        out.append(cls().describe())
    except TypeError as e:
        out.append(str(e))
class Base(metaclass=ABCMeta):
    @property
    @abstractmethod
    def value(self): ...
    @classmethod
    @abstractmethod
    def make(cls): ...
class Impl(Base):
    @property
    def value(self): return 5
    @classmethod
    def make(cls): return cls()
try:
    Base()
except TypeError as e:
    out.append(str(e))
out.append(Impl.make().value)
out.append([isinstance(Impl(), Base), issubclass(Sq, ABC), isinstance(Sq(), Shape)])
class Plain(ABC):
    pass
out.append(type(Plain()).__name__)
class Mixed(Base):
    @property
    def value(self): return 1
try:
    Mixed()
except TypeError as e:
    out.append(str(e))
out
# ---
# abc.ABCMeta with other bases, overriding in the same class, abstract static methods
import abc
class Mixin:
    def hello(self):
        return 'hi'
class Service(Mixin, metaclass=abc.ABCMeta):
    @staticmethod
    @abc.abstractmethod
    def version(): ...
    @abc.abstractmethod
    def run(self, x): ...
class Done(Service):
    @staticmethod
    def version():
        return 2
    def run(self, x):
        return x * 2
out = []
try:
    Service()
except TypeError as e:
    out.append(str(e))
d = Done()
out + [d.run(4), d.version(), d.hello(), isinstance(d, Mixin), isinstance(d, Service)]
# ---
# abc.ABC with __init_subclass__ keywords and a concrete intermediate class
from abc import ABC, abstractmethod
class Plugin(ABC):
    registry = []
    def __init_subclass__(cls, /, tag=None, **kw):
        super().__init_subclass__(**kw)
        if tag:
            Plugin.registry.append(tag)
    @abstractmethod
    def go(self): ...
class A(Plugin, tag='a'):
    def go(self):
        return 'A'
class B(A, tag='b'):
    pass
[Plugin.registry, A().go(), B().go()]
# ---
# abstract methods that call super() and a partially implemented chain
from abc import ABC, abstractmethod
class Repo(ABC):
    @abstractmethod
    def get(self, k):
        return f'base:{k}'
    @abstractmethod
    def put(self, k, v): ...
class Mem(Repo):
    def get(self, k):
        return super().get(k) + '!'
    def put(self, k, v):
        pass
try:
    class Half(Repo):
        def put(self, k, v): pass
    Half()
except TypeError as e:
    msg = str(e)
[Mem().get('x'), msg]
