"""abc for sandbox code, in sandbox Python (see monty/modules/abc.py).

Sandbox classes have no metaclasses: `ABC` computes a class's abstract methods when it is
subclassed (its __monty_subclass_hook__, which the VM runs for each new class), and `metaclass=ABCMeta` makes `ABC` a base of the class
(ABCMeta names it as the base it stands for). The abstract names are set as the class's
`__abstractmethods__`, so creating an instance fails in CPython's own object.__new__, with its
message. Sandbox functions take no attributes: abstractmethod() records the functions it
marks in a set of this module."""

_marked = set()


def abstractmethod(funcobj):
    try:
        funcobj.__isabstractmethod__ = True
    except AttributeError:
        _marked.add(funcobj)
    return funcobj


def _is_abstract(value):
    try:
        if value in _marked:
            return True
    except TypeError:
        pass
    if isinstance(value, property):
        return any(_is_abstract(f) for f in (value.fget, value.fset, value.fdel) if f is not None)
    inner = _b_abc_unwrap(value)
    if inner is not None:
        return _is_abstract(inner)
    try:
        return bool(getattr(value, '__isabstractmethod__', False))
    except Exception:
        return False


def _update(cls):
    abstracts = set()
    for name, value in vars(cls).items():
        if _is_abstract(value):
            abstracts.add(name)
    for base in cls.__bases__:
        for name in _b_abc_abstracts(base):
            value = getattr(cls, name, None)
            if _is_abstract(value):
                abstracts.add(name)
    _b_abc_set_abstracts(cls, frozenset(abstracts))


class ABC:
    """Helper class that provides a standard way to create an ABC using
    inheritance.
    """
    __module__ = 'abc'
    __slots__ = ()

    # run by the VM for each class made with ABC in its MRO (like __init_subclass__, but a
    # snapshot restores the class's __abstractmethods__ instead of running it again)
    __monty_subclass_hook__ = _update


class ABCMeta:
    """Stands for CPython's metaclass: `class C(metaclass=ABCMeta)` gets ABC as a base."""
    __module__ = 'abc'
    __monty_metaclass_base__ = ABC


def update_abstractmethods(cls):
    if isinstance(cls, type) and _b_abc_abstracts(cls) is not None:
        _update(cls)
    return cls


def get_cache_token():
    return 0


def abstractclassmethod(callable):
    """Deprecated spelling of classmethod(abstractmethod(f))."""
    return classmethod(abstractmethod(callable))


def abstractstaticmethod(callable):
    """Deprecated spelling of staticmethod(abstractmethod(f))."""
    return staticmethod(abstractmethod(callable))


def abstractproperty(fget=None, fset=None, fdel=None, doc=None):
    """Deprecated spelling of property(abstractmethod(f))."""
    return property(abstractmethod(fget) if fget is not None else None, fset, fdel, doc)
