# kind: dos
# expect: blocked
# desc: abc: endless creation of abstract classes
from abc import ABC, abstractmethod
while True:
    class A(ABC):
        @abstractmethod
        def f(self): ...
    try:
        A()
    except TypeError:
        pass
