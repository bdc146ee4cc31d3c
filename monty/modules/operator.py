"""`operator` for sandbox code.

The binary operators and their in-place forms (`add`, `mul`, `mod`, `floordiv`, `pow`,
`lshift`, `concat`...) run through the eval loop's own checked path for the operator
(`policy.binary_op`): result sizes, big-int costs, `%`-format widths, and instances of
subclasses of builtins judged as their base. Comparisons and `contains` are pre-checked like
the loop's; those that walk an iterable (`countOf`, `indexOf`, in-place list concatenation)
walk it in charged chunks. attrgetter and methodcaller read attributes through the VM's own
getattr, so every read passes the sandbox's attribute gate.
"""

import operator as _op

from .. import policy
from ..opcodes import BINOP_INFO, INPLACE, BinOp
from ._support import chunks, sandbox_getattr, type_name

NAME = "operator"

_PLAIN = """
lt le eq ne ge gt not_ truth is_ is_not abs index inv invert neg pos
contains getitem delitem length_hint
__lt__ __le__ __eq__ __ne__ __ge__ __gt__ __not__ __abs__
__index__ __inv__ __invert__ __neg__ __pos__
__contains__ __getitem__ __delitem__
""".split()

# The binary operators, each through the eval loop's own checked path for the operator
# (policy.binary_op): sizes, big-int costs, %-format widths, and subclasses of builtins
# judged as their base. Codes as the instruction table numbers them (BinOp; in-place forms
# from INPLACE).
_BINARY = tuple(BINOP_INFO[op][2] for op in BinOp)


def _binary(name, code):
    real = getattr(_op, name)

    def op(a, b, /):
        return policy.binary_op(code, a, b)

    op.__name__ = op.__qualname__ = name
    op.__doc__ = real.__doc__
    return op


def concat(a, b, /):
    if not hasattr(type(a), "__getitem__"):
        raise TypeError(f"'{type_name(a)}' object can't be concatenated")
    return policy.binary_op(BinOp.ADD, a, b)


def iadd(a, b, /):
    if type(a) is list:
        for chunk in chunks(b):
            a.extend(chunk)
        return a
    return policy.binary_op(BinOp.ADD + INPLACE, a, b)


def iconcat(a, b, /):
    if not hasattr(type(a), "__getitem__"):
        raise TypeError(f"'{type_name(a)}' object can't be concatenated")
    return iadd(a, b)


def _comparing(name):
    real = getattr(_op, name)

    def op(a, b, /):
        policy.precheck_compare(a, b)
        return real(a, b)

    op.__name__ = op.__qualname__ = name
    op.__doc__ = real.__doc__
    return op


_COMPARING = """lt le eq ne ge gt __lt__ __le__ __eq__ __ne__ __ge__ __gt__""".split()


def contains(a, b, /):
    policy.precheck_search(a, b)
    return _op.contains(a, b)


def countOf(a, b, /):
    n = 0
    for chunk in chunks(a):
        policy.precheck_search(chunk, b)
        for item in chunk:
            if item is b or item == b:
                n += 1
    return n


def indexOf(a, b, /):
    i = 0
    for chunk in chunks(a):
        policy.precheck_search(chunk, b)
        for item in chunk:
            if item is b or item == b:
                return i
            i += 1
    raise ValueError("sequence.index(x): x not in sequence")


def setitem(a, b, c, /):
    if type(b) is slice:
        policy.check_iterable(c)
    return _op.setitem(a, b, c)


def call(obj, /, *args, **kwargs):
    return obj(*args, **kwargs)


def _no_kwargs(name, kwargs):
    if kwargs:
        raise TypeError(f"{name}() takes no keyword arguments")


def _one_arg(name, args, kwargs):
    """The one positional argument of a getter's call, with CPython's errors."""
    _no_kwargs(name, kwargs)
    if len(args) != 1:
        raise TypeError(f"{name} expected 1 argument, got {len(args)}")
    return args[0]


class attrgetter:
    """attrgetter('a', 'b.c'): reads through the sandbox's attribute gate."""

    __slots__ = ("_attrs", "_paths")

    def __init__(self, *names, **kwargs):
        _no_kwargs("attrgetter", kwargs)
        if not names:
            raise TypeError("attrgetter expected 1 argument, got 0")
        for name in names:
            if not isinstance(name, str):
                raise TypeError("attribute name must be a string")
        self._attrs = names
        self._paths = tuple(tuple(name.split(".")) for name in names)

    def _get(self, obj, path):
        for name in path:
            obj = sandbox_getattr(obj, name)
        return obj

    def __call__(self, *args, **kwargs):
        obj = _one_arg("attrgetter", args, kwargs)
        if len(self._paths) == 1:
            return self._get(obj, self._paths[0])
        return tuple(self._get(obj, path) for path in self._paths)

    def __repr__(self):
        return f"operator.attrgetter({', '.join(map(repr, self._attrs))})"


class itemgetter:
    __slots__ = ("_items",)

    def __init__(self, *items, **kwargs):
        _no_kwargs("itemgetter", kwargs)
        if not items:
            raise TypeError("itemgetter expected 1 argument, got 0")
        self._items = items

    def __call__(self, *args, **kwargs):
        obj = _one_arg("itemgetter", args, kwargs)
        if len(self._items) == 1:
            return obj[self._items[0]]
        return tuple(obj[i] for i in self._items)

    def __repr__(self):
        return f"operator.itemgetter({', '.join(map(repr, self._items))})"


class methodcaller:
    """methodcaller('name', *args): finds the method through the sandbox's attribute gate."""

    __slots__ = ("_name", "_args", "_kwargs")

    def __init__(self, *args, **kwargs):
        if not args:
            raise TypeError("methodcaller needs at least one argument, the method name")
        name, args = args[0], args[1:]
        if not isinstance(name, str):
            raise TypeError("method name must be a string")
        self._name = name
        self._args = args
        self._kwargs = kwargs

    def __call__(self, *args, **kwargs):
        obj = _one_arg("methodcaller", args, kwargs)
        return sandbox_getattr(obj, self._name)(*self._args, **self._kwargs)

    def __repr__(self):
        args = [repr(self._name)] + [repr(a) for a in self._args]
        args += [f"{k}={v!r}" for k, v in self._kwargs.items()]
        return f"operator.methodcaller({', '.join(args)})"


for _cls in (attrgetter, itemgetter, methodcaller):
    _cls.__module__ = "operator"

# how snapshots keep these callables (see monty/snapshot.py)
SNAPSHOT_FIELDS = {
    attrgetter: {"_attrs": "strs", "_paths": "paths"},
    itemgetter: {"_items": "tuple"},
    methodcaller: {"_name": "str", "_args": "tuple", "_kwargs": "dict"},
}


def build(vm):
    names = {name: getattr(_op, name) for name in _PLAIN if hasattr(_op, name)}
    for code, name in enumerate(_BINARY):
        names[name] = _binary(name, code)
        iname = "i" + name.rstrip("_")
        names[iname] = _binary(iname, code + INPLACE)
        dunder = name.rstrip("_")
        names[f"__{dunder}__"] = names[name]
        names[f"__{iname}__"] = names[iname]
    own = dict(concat=concat, iadd=iadd, iconcat=iconcat, countOf=countOf, indexOf=indexOf,
               call=call, setitem=setitem, attrgetter=attrgetter, itemgetter=itemgetter,
               methodcaller=methodcaller)
    names.update(own)
    for name in _COMPARING:
        if hasattr(_op, name):
            names[name] = _comparing(name)
    names["contains"] = names["__contains__"] = contains
    for name in ("concat", "iadd", "iconcat", "call", "setitem"):
        names[f"__{name}__"] = own[name]
    return names
