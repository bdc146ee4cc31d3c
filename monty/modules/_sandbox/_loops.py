"""Builtins that call sandbox code back, as loops of the VM (see monty/modules/_loops.py).

When an argument is sandbox code (a sandbox function or method, a host function, a
generator, an instance of a sandbox class), the call dispatches here instead of CPython's C
loop: each callback then runs as a frame of the eval loop, so a host call inside it pauses,
dumps and resumes like any other. Each function follows CPython 3.11's C code: the same
order of calls and the same errors. Builtins named here are the VM's own (bound at compile
time), never a sandbox global."""


class _End:
    pass


_END = _End()


def sum_(iterable, start=0):
    if isinstance(start, str):
        raise TypeError("sum() can't sum strings [use ''.join(seq) instead]")
    if isinstance(start, bytes):
        raise TypeError("sum() can't sum bytes [use b''.join(seq) instead]")
    if isinstance(start, bytearray):
        raise TypeError("sum() can't sum bytearray [use b''.join(seq) instead]")
    total = start
    for x in iterable:
        total = total + x
    return total


def any_(iterable):
    for x in iterable:
        if x:
            return True
    return False


def all_(iterable):
    for x in iterable:
        if not x:
            return False
    return True


def _minmax(args, key, default, name, less):
    if not args:
        raise TypeError(f"{name} expected at least 1 argument, got 0")
    if len(args) == 1:
        items = args[0]
    else:
        if default is not _END:
            raise TypeError(f"Cannot specify a default for {name}() with multiple "
                            f"positional arguments")
        items = args
    best = _END
    bestval = None
    for item in items:
        val = item if key is None else key(item)
        if best is _END:
            best = item
            bestval = val
        elif less:
            if val < bestval:
                best = item
                bestval = val
        elif val > bestval:
            best = item
            bestval = val
    if best is _END:
        if default is not _END:
            return default
        raise ValueError(f"{name}() arg is an empty sequence")
    return best


def min_(*args, key=None, default=_END):
    return _minmax(args, key, default, "min", True)


def max_(*args, key=None, default=_END):
    return _minmax(args, key, default, "max", False)


def _less(a, b, cmp):
    if cmp is None:
        return True if a < b else False
    return True if cmp(a, b) < 0 else False


def _small_sort(ks, vals, reverse, cmp):
    # CPython 3.11's list.sort of fewer than 64 items, comparison for comparison: the lists
    # reversed first when reverse (for stability), one run counted from the start (a strictly
    # descending one reversed), each later item placed by binary insertion; reversed back
    n = len(ks)
    if reverse:
        ks.reverse()
        vals.reverse()
    run = 2
    if _less(ks[1], ks[0], cmp):
        while run < n and _less(ks[run], ks[run - 1], cmp):
            run += 1
        ks[:run] = ks[run - 1::-1]
        vals[:run] = vals[run - 1::-1]
    else:
        while run < n and not _less(ks[run], ks[run - 1], cmp):
            run += 1
    for start in range(run, n):
        pivot = ks[start]
        lo = 0
        hi = start
        while lo < hi:
            p = (lo + hi) >> 1
            if _less(pivot, ks[p], cmp):
                hi = p
            else:
                lo = p + 1
        if lo < start:
            ks.insert(lo, ks.pop(start))
            vals.insert(lo, vals.pop(start))
    if reverse:
        vals.reverse()
    return vals


def _sort(items, keys, reverse):
    # the items (a list) sorted in place: by the loop when their keys compare through sandbox
    # code (a sandbox __lt__, cmp_to_key's function) and are few, else natively
    plan = None
    if type(reverse) is bool or type(reverse) is int:
        plan = _b_sort_plan(items if keys is None else keys)
    if plan is None:
        _b_sort_by_keys(items, keys, reverse)
        return
    cmp, objects = plan
    if cmp is not None:
        ks = objects
    elif keys is None:
        ks = items[:]
    else:
        ks = keys
    items[:] = _small_sort(ks, items[:], reverse, cmp)


def list_sort(self, *, key=None, reverse=False):
    _sort(self, None if key is None else [key(x) for x in self], reverse)
    return None


def sorted_(iterable, /, *, key=None, reverse=False):
    items = [x for x in iterable]
    _sort(items, None if key is None else [key(x) for x in items], reverse)
    return items


def join(sep, iterable):
    # str.join and bytes.join make a list of the items first
    return sep.join([x for x in iterable])


_append = list.append


def extend(self, iterable):
    for x in iterable:
        _append(self, x)


def update(self, *args, **kwargs):
    # dict.update(generator): the pairs collected first
    if args:
        self.update([x for x in args[0]], **kwargs)
    else:
        self.update(**kwargs)


def map_(func, iterators):
    if len(iterators) == 1:
        for x in iterators[0]:
            yield func(x)
        return
    while True:
        args = []
        for it in iterators:
            x = next(it, _END)
            if x is _END:
                return
            args.append(x)
        yield func(*args)


def filter_(func, it):
    if func is None:
        for x in it:
            if x:
                yield x
    else:
        for x in it:
            if func(x):
                yield x


def _zip_error(i, word):
    if i == 1:
        return ValueError(f"zip() argument 2 is {word} than argument 1")
    return ValueError(f"zip() argument {i + 1} is {word} than arguments 1-{i}")


def zip_(iterators, strict):
    if not iterators:
        return
    n = len(iterators)
    while True:
        items = []
        for i in range(n):
            x = next(iterators[i], _END)
            if x is _END:
                if strict:
                    if i:
                        raise _zip_error(i, "shorter")
                    for j in range(1, n):
                        if next(iterators[j], _END) is not _END:
                            raise _zip_error(j, "longer")
                return
            items.append(x)
        yield tuple(items)


def enumerate_(it, start):
    n = start
    for x in it:
        yield (n, x)
        n += 1


def callable_iterator(func, sentinel):
    # (a generator, so a host call in `func` pauses; a StopIteration `func` raises ends the
    # iteration, as CPython's callable_iterator, instead of becoming a RuntimeError here)
    while True:
        try:
            value = func()
        except StopIteration:
            return
        if sentinel == value:
            return
        yield value



for _f in (sum_, any_, all_, min_, max_, sorted_, map_, filter_, zip_, enumerate_):
    _f.__name__ = _f.__qualname__ = _f.__name__[:-1]
list_sort.__name__ = "sort"
list_sort.__qualname__ = "list.sort"


def class_call(cls, /, *args, **kwargs):
    # type.__call__ of a class whose __new__ is a sandbox function: __init__ runs when
    # __new__ made an instance of the class (CPython's type_call)
    obj = cls.__new__(cls, *args, **kwargs)
    if issubclass(type(obj), cls):
        r = type(obj).__init__(obj, *args, **kwargs)
        if r is not None:
            raise TypeError(f"__init__() should return None, not '{type(r).__name__}'")
    return obj


# the text of a list, tuple, dict, set or frozenset holding sandbox objects (the VM routes
# repr(), str(), ascii(), print() and f-strings of such a container here): the items' __repr__
# run as frames of the loop. _reprs are the containers whose text is being made (CPython's
# Py_ReprEnter): one met again inside its own text is written `[...]`.
_reprs = []


def repr_(obj):
    t = type(obj)
    if t is list:
        if not obj:
            return "[]"
        ring = "[...]"
    elif t is tuple:
        if not obj:
            return "()"
        ring = "(...)"
    elif t is dict:
        ring = "{...}"
    elif t is set or t is frozenset:
        if not obj:
            return t.__name__ + "()"
        ring = t.__name__ + "(...)"
    else:
        return repr(obj)
    for x in _reprs:
        if x is obj:
            return ring
    _reprs.append(obj)
    try:
        if t is dict:
            if not obj:
                return "{}"
            return "{" + ", ".join([repr(k) + ": " + repr(v) for k, v in obj.items()]) + "}"
        parts = ", ".join([repr(x) for x in obj])
        if t is list:
            return "[" + parts + "]"
        if t is tuple:
            return "(" + parts + (",)" if len(obj) == 1 else ")")
        if t is set:
            return "{" + parts + "}"
        return "frozenset({" + parts + "})"
    finally:
        _reprs.pop()


def ascii_(obj):
    return repr(obj).encode("ascii", "backslashreplace").decode("ascii")


def print_(*args, **kwargs):
    print(*[str(x) for x in args], **kwargs)


repr_.__name__ = repr_.__qualname__ = "repr"
ascii_.__name__ = ascii_.__qualname__ = "ascii"
print_.__name__ = print_.__qualname__ = "print"


# `fmt % values` (fmt a str) when values holds sandbox objects: CPython's PyUnicode_Format,
# each conversion's value made in the loop first (str() for %s, repr() for %r, ascii() for %a,
# __int__/__index__ for %d %i %u, __index__ for %o %x %X, __float__/__index__ for %e %f %g),
# then formatted by str % on that plain value; a bad format gets CPython's error at the same
# point (the values before it converted).

_native_mod = str.__mod__     # (never routed here again)
_INT_CONV = "diu"
_INDEX_CONV = "oxX"
_FLOAT_CONV = "eEfFgG"


def _mod_int(x, c):
    t = type(x)
    if isinstance(x, int):
        return _int_exact(x)
    try:
        if c in _INDEX_CONV:
            if not hasattr(t, "__index__"):
                return x
            r = t.__index__(x)
            name = "__index__"
        elif hasattr(t, "__int__"):
            r = t.__int__(x)
            name = "__int__"
        elif hasattr(t, "__index__"):
            r = t.__index__(x)
            name = "__index__"
        else:
            return x
        if not isinstance(r, int):
            raise TypeError(f"{name} returned non-int (type {type(r).__name__})")
        return r
    except TypeError:
        if c in _INDEX_CONV:
            raise TypeError(f"%{c} format: an integer is required, not {t.__name__}") from None
        raise TypeError(f"%{c} format: a real number is required, not {t.__name__}") from None


def _mod_char(x):
    # %c of an object with __index__ (CPython's formatchar: a TypeError from it is its own)
    t = type(x)
    if not hasattr(t, "__index__"):
        return x
    try:
        r = t.__index__(x)
        if not isinstance(r, int):
            raise TypeError
    except TypeError:
        raise TypeError("%c requires int or char") from None
    return _int_exact(r)


def _mod_float(x):
    t = type(x)
    if isinstance(x, (int, float)):
        return x
    if hasattr(t, "__float__"):
        r = t.__float__(x)
        if not isinstance(r, float):
            raise TypeError(f"{t.__name__}.__float__ returned non-float (type "
                            f"{type(r).__name__})")
        return r
    if hasattr(t, "__index__"):
        r = t.__index__(x)
        if not isinstance(r, int):
            raise TypeError(f"__index__ returned non-int (type {type(r).__name__})")
        return r
    return x


def _mod_star(args, argi):
    """The width or precision a `*` of a %-format takes from args[argi], as an exact int (a
    figure the prechecks see)."""
    if argi >= len(args):
        raise TypeError("not enough arguments for format string")
    if not isinstance(args[argi], int):
        raise TypeError("* wants int")
    return _int_exact(args[argi])


def str_mod(fmt, values):
    is_map = type(values) is dict or type(values) is list     # (CPython: a mapping)
    args = values if type(values) is tuple else (values,)
    n = len(fmt)
    out = []
    argi = 0
    i = 0
    while True:
        j = fmt.find("%", i)
        if j < 0:
            out.append(fmt[i:])
            break
        out.append(fmt[i:j])
        k = j + 1
        if k >= n:
            raise ValueError("incomplete format")
        if fmt[k] == "%":
            out.append("%")
            i = k + 1
            continue
        if fmt[k] == "(":
            if not is_map:
                raise TypeError("format requires a mapping")
            depth = 1
            e = k + 1
            while e < n and depth:
                if fmt[e] == "(":
                    depth += 1
                elif fmt[e] == ")":
                    depth -= 1
                e += 1
            if depth:
                raise ValueError("incomplete format key")
            args = (values[fmt[k + 1:e - 1]],)     # the value is the next argument
            argi = 0
            k = e
        spec_start = k
        stars = []
        while k < n and fmt[k] in "-+ #0":
            k += 1
        if k < n and fmt[k] == "*":
            stars.append(_mod_star(args, argi))
            argi += 1
            k += 1
        else:
            while k < n and fmt[k].isdigit():
                k += 1
        if k < n and fmt[k] == ".":
            k += 1
            if k < n and fmt[k] == "*":
                stars.append(_mod_star(args, argi))
                argi += 1
                k += 1
            else:
                while k < n and fmt[k].isdigit():
                    k += 1
        spec = fmt[spec_start:k]
        if k < n and fmt[k] in "hlL":
            k += 1
        if k >= n:
            raise ValueError("incomplete format")
        c = fmt[k]
        if argi >= len(args):
            raise TypeError("not enough arguments for format string")
        x = args[argi]
        argi += 1
        if c not in "sradiuoxXeEfFgGc":
            o = ord(c)
            raise ValueError(f"unsupported format character '{c if 32 <= o <= 126 else '?'}' "
                             f"(0x{o:x}) at index {k}")
        if c == "s":
            x = str(x)
        elif c == "r":
            x = repr(x)
            c = "s"
        elif c == "a":
            x = ascii(x)
            c = "s"
        elif c in _INT_CONV or c in _INDEX_CONV:
            x = _mod_int(x, c)
        elif c in _FLOAT_CONV:
            x = _mod_float(x)
        elif c == "c" and not isinstance(x, int) and not isinstance(x, str):
            x = _mod_char(x)
        stars.append(x)
        out.append(_native_mod("%" + spec + c, tuple(stars)))
        i = k + 1
    if argi < len(args) and not is_map:
        raise TypeError("not all arguments converted during string formatting")
    return "".join(out)


str_mod.__name__ = "__mod__"
str_mod.__qualname__ = "str.__mod__"


def defaultdict_missing(d, key):
    # defaultdict.__missing__ when the factory is sandbox code (the VM routes d[key] here)
    value = d.default_factory()
    d[key] = value
    return value


_int_exact = int.__int__        # (an int subclass's value as an exact int)


def int_(x):
    # int(x) of a sandbox object whose __int__ (or __index__) is a sandbox function
    t = type(x)
    if hasattr(t, "__int__"):
        r = t.__int__(x)
        name = "__int__"
    else:
        r = t.__index__(x)
        name = "__index__"
    if type(r) is int:
        return r
    if not isinstance(r, int):
        raise TypeError(f"{name} returned non-int (type {type(r).__name__})")
    return _int_exact(r)


def float_(x):
    # float(x) of a sandbox object whose __float__ (or __index__) is a sandbox function
    t = type(x)
    if hasattr(t, "__float__"):
        r = t.__float__(x)
        if type(r) is float:
            return r
        if not isinstance(r, float):
            raise TypeError(f"{t.__name__}.__float__ returned non-float (type "
                            f"{type(r).__name__})")
        return _float_exact(r)
    r = t.__index__(x)
    if not isinstance(r, int):
        raise TypeError(f"__index__ returned non-int (type {type(r).__name__})")
    return _int_float(r)


_float_exact = float.__float__
_int_float = int.__float__

int_.__name__ = int_.__qualname__ = "int"
float_.__name__ = float_.__qualname__ = "float"


# unpacking a generator (`a, b, *c = gen`): the VM pulls each item through gen_next, a frame
# of the loop (StopIteration leaving it ends the unpacking)
def gen_next(g):
    return next(g)


# list/tuple/set/frozenset/dict/sorted(obj) of a sandbox iterable: its items are collected in
# the loop (its __iter__/__next__ run as frames), then the builtin runs on the list; dict() of
# an object with keys() copies obj[k] for each key, as CPython's dict_merge
def drain_(consumer, obj, /, *args, **kwargs):
    if consumer is dict and hasattr(obj, "keys"):
        d = {}
        for k in obj.keys():
            d[k] = obj[k]
        if kwargs:
            d.update(kwargs)
        return d
    return consumer([x for x in obj], *args, **kwargs)


def _index(x):
    # operator.index(x) for x whose __index__ is a sandbox function (anything else is left
    # for the builtin, which gives its own error)
    if isinstance(x, int):
        return x
    t = type(x)
    if not hasattr(t, "__index__"):
        return x
    r = t.__index__(x)
    if type(r) is int:
        return r
    if not isinstance(r, int):
        raise TypeError(f"__index__ returned non-int (type {type(r).__name__})")
    return _int_exact(r)


# hex/oct/bin/chr/range(x) with an argument whose __index__ is a sandbox function
def index_call(func, /, *args):
    return func(*[_index(x) for x in args])


# a class statement's __set_name__ and __init_subclass__ calls (type() made the class with
# them held back), in CPython's order and with its error
def class_hooks(cls, set_names, kwargs):
    for name, value in set_names:
        try:
            type(value).__set_name__(value, cls, name)
        except Exception as e:
            raise RuntimeError(f"Error calling __set_name__ on '{type(value).__name__}' "
                               f"instance {name!r} in '{cls.__name__}'") from e
    if kwargs is not None:
        super(cls, cls).__init_subclass__(**kwargs)
    return cls


# str.format / format_map with a sandbox object among the values: the fields are looked up
# (attributes through the gate, items by subscription) and formatted in the loop, as
# monty.policy's safe_format does natively
def _format_field(field, args, kwargs, auto):
    if not field:
        first, rest = "", ()
    elif "." in field or "[" in field or (len(field) > 18 and field.isdecimal()):
        first, rest = _b_formatter_field_name_split(field)
    elif field.isdecimal():
        first, rest = int(field), ()
    else:
        first, rest = field, ()
    if type(first) is int:
        if auto[0] == 1:
            raise ValueError("cannot switch from automatic field numbering to manual field "
                             "specification")
        auto[0] = 2
        index = first
    elif first == "":
        if auto[0] == 2:
            raise ValueError("cannot switch from manual field specification to automatic field "
                             "numbering")
        auto[0] = 1
        index = auto[1]
        auto[1] += 1
    else:
        index = None
    if index is None:
        if kwargs is None:
            raise KeyError(first)
        obj = _format_item(kwargs, first)
    else:
        if args is None:
            raise ValueError("Format string contains positional fields")
        if index >= len(args):
            raise IndexError(f"Replacement index {index} out of range for positional args tuple")
        obj = args[index]
    for is_attr, key in rest:
        if is_attr:
            obj = getattr(obj, key)
        else:
            obj = _format_item(obj, key)
    return obj


def _format_item(obj, key):
    if isinstance(obj, type):
        raise TypeError(f"'{type(obj).__name__}' object is not subscriptable")
    return obj[key]


_CONTAINERS = (list, tuple, dict, set, frozenset)


def _vformat(fmt, args, kwargs, depth, auto):
    if depth <= 0:
        raise ValueError("Max string recursion exceeded")
    pieces = []
    for literal, field, spec, conv in _b_formatter_parser(fmt):
        if literal:
            pieces.append(literal)
        if field is None:
            continue
        obj = _format_field(field, args, kwargs, auto)
        if conv is not None:
            if conv == "r":
                obj = repr(obj)
            elif conv == "s":
                obj = str(obj)
            elif conv == "a":
                obj = ascii(obj)
            else:
                c = ord(conv)
                if 32 < c < 127:
                    raise ValueError(f"Unknown conversion specifier {conv}")
                raise ValueError(f"Unknown conversion specifier \\x{c:x}")
        if "{" in spec:
            spec = _vformat(spec, args, kwargs, depth - 1, auto)
        t = type(obj)
        if not spec and t is str:
            pieces.append(obj)
        elif not spec and t in _CONTAINERS:
            pieces.append(str(obj))
        else:
            pieces.append(format(obj, spec))
    return "".join(pieces)


def str_format(fmt, /, *args, **kwargs):
    return _vformat(fmt, args, kwargs, 2, [0, 0])


def str_format_map(fmt, mapping, /):
    return _vformat(fmt, None, mapping, 2, [0, 0])


str_format.__name__ = "format"
str_format.__qualname__ = "str.format"
str_format_map.__name__ = "format_map"
str_format_map.__qualname__ = "str.format_map"


# next(it[, default]) of a sandbox iterator whose __next__ is a sandbox function
def next_(it, *default):
    try:
        return type(it).__next__(it)
    except StopIteration:
        if default:
            return default[0]
        raise


next_.__name__ = next_.__qualname__ = "next"
