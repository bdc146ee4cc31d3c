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


def list_sort(self, *, key=None, reverse=False):
    if key is None:
        _b_sort_by_keys(self, None, reverse)
        return None
    keys = [key(x) for x in self]
    _b_sort_by_keys(self, keys, reverse)
    return None


def sorted_(iterable, /, *, key=None, reverse=False):
    items = [x for x in iterable]
    if key is None:
        _b_sort_by_keys(items, None, reverse)
        return items
    keys = [key(x) for x in items]
    _b_sort_by_keys(items, keys, reverse)
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
    while True:
        value = func()
        if value == sentinel:
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
