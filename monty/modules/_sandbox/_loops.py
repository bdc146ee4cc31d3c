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



# ---- functools

def reduce(*args):
    if len(args) < 2:
        raise TypeError(f"reduce expected at least 2 arguments, got {len(args)}")
    if len(args) > 3:
        raise TypeError(f"reduce expected at most 3 arguments, got {len(args)}")
    function = args[0]
    try:
        it = iter(args[1])
    except TypeError:
        raise TypeError("reduce() arg 2 must support iteration") from None
    value = args[2] if len(args) == 3 else _END
    for item in it:
        if value is _END:
            value = item
        else:
            value = function(value, item)
    if value is _END:
        raise TypeError("reduce() of empty iterable with no initial value")
    return value


_KWD_MARK = (_End(),)


def _make_key(args, kwds, typed):
    # the C lru_cache's keys: a lone int or str argument is its own key
    key = args
    if kwds:
        key += _KWD_MARK
        for item in kwds.items():
            key += item
    if typed:
        key += tuple([type(v) for v in args])
        if kwds:
            key += tuple([type(v) for v in kwds.values()])
    elif len(key) == 1 and (type(key[0]) is int or type(key[0]) is str):
        return key[0]
    return key


def _lru_wrapper(user_function, maxsize, typed):
    cache = {}
    stats = [0, 0]      # hits, misses

    if maxsize == 0:
        def wrapper(*args, **kwds):
            stats[1] += 1
            return user_function(*args, **kwds)
    elif maxsize is None:
        def wrapper(*args, **kwds):
            key = _make_key(args, kwds, typed)
            result = cache.get(key, _END)
            if result is not _END:
                stats[0] += 1
                return result
            stats[1] += 1
            result = user_function(*args, **kwds)
            cache[key] = result
            return result
    else:
        def wrapper(*args, **kwds):
            key = _make_key(args, kwds, typed)
            result = cache.get(key, _END)
            if result is not _END:
                del cache[key]          # most recently used last
                cache[key] = result
                stats[0] += 1
                return result
            stats[1] += 1
            result = user_function(*args, **kwds)
            if key not in cache:        # (a recursive call may have stored it)
                if len(cache) >= maxsize:
                    del cache[next(iter(cache))]
                cache[key] = result
            return result

    def cache_info():
        return _b_cache_info(stats[0], stats[1], maxsize, len(cache))

    def cache_clear():
        cache.clear()
        stats[0] = 0
        stats[1] = 0

    def cache_parameters():
        return {"maxsize": maxsize, "typed": typed}

    wrapper.cache_info = cache_info
    wrapper.cache_clear = cache_clear
    wrapper.cache_parameters = cache_parameters
    _b_update_wrapper(wrapper, user_function)
    return wrapper


def lru_cache(maxsize=128, typed=False):
    if isinstance(maxsize, int):
        if maxsize < 0:
            maxsize = 0
    elif callable(maxsize) and isinstance(typed, bool):
        return _lru_wrapper(maxsize, 128, typed)
    elif maxsize is not None:
        raise TypeError("Expected first argument to be an integer, a callable, or None")

    def decorating_function(user_function):
        return _lru_wrapper(user_function, maxsize, typed)
    return decorating_function


def cache(user_function, /):
    return _lru_wrapper(user_function, None, False)


# ---- contextlib

class _GeneratorContextManager:
    """A @contextmanager function's result: one run of its generator (CPython 3.11's)."""

    __module__ = "contextlib"

    def __init__(self, func, args, kwds):
        self.gen = func(*args, **kwds)
        self.func, self.args, self.kwds = func, args, kwds

    def __enter__(self):
        del self.args, self.kwds, self.func
        try:
            return next(self.gen)
        except StopIteration:
            raise RuntimeError("generator didn't yield") from None

    def __exit__(self, typ, value, traceback):
        if typ is None:
            try:
                next(self.gen)
            except StopIteration:
                return False
            else:
                raise RuntimeError("generator didn't stop")
        if value is None:
            value = typ()
        try:
            self.gen.throw(value)
        except StopIteration as exc:
            return exc is not value
        except RuntimeError as exc:
            if exc is value:
                return False
            if isinstance(value, StopIteration) and exc.__cause__ is value:
                return False
            raise
        except BaseException as exc:
            if exc is not value:
                raise
            return False
        raise RuntimeError("generator didn't stop after throw()")


def contextmanager(func):
    def helper(*args, **kwds):
        return _GeneratorContextManager(func, args, kwds)
    _b_update_wrapper(helper, func)
    return helper



# ---- itertools adaptors with a sandbox callback or over a generator (monty/modules/itertools.py
# checks their arguments and makes these instead of its host classes)

def accumulate_(it, func, initial):
    total = _END
    if initial is not None:
        total = initial
        yield total
    for item in it:
        if total is _END:
            total = item
        elif func is None:
            total = total + item
        else:
            total = func(total, item)
        yield total


def dropwhile_(pred, it):
    for item in it:
        if not pred(item):
            yield item
            break
    for item in it:
        yield item


def takewhile_(pred, it):
    for item in it:
        if not pred(item):
            return
        yield item


def filterfalse_(pred, it):
    for item in it:
        if pred is None:
            if not item:
                yield item
        elif not pred(item):
            yield item


def starmap_(func, it):
    for args in it:
        if type(args) is not tuple:
            args = tuple(args)
        yield func(*args)


class _GroupBy:
    pass


def _groupby_step(gb):
    value = next(gb.it, _END)
    if value is _END:
        return False
    gb.value = value
    gb.curkey = value if gb.keyfunc is None else gb.keyfunc(value)
    return True


def groupby_(it, keyfunc):
    gb = _GroupBy()
    gb.it = it
    gb.keyfunc = keyfunc
    gb.tgtkey = gb.curkey = gb.value = _END
    gb.current = None
    while True:
        gb.current = None
        while True:
            if gb.value is _END:
                if not _groupby_step(gb):
                    return
                if gb.tgtkey is _END:
                    break
            if gb.tgtkey is _END or not (gb.curkey is gb.tgtkey or gb.curkey == gb.tgtkey):
                break
            gb.value = _END
        gb.tgtkey = gb.curkey
        token = _End()
        gb.current = token
        yield (gb.curkey, _grouper_(gb, token, gb.tgtkey))


def _grouper_(gb, token, key):
    while True:
        if gb.current is not token:
            return
        if gb.value is _END:
            if not _groupby_step(gb):
                return
        if not (gb.curkey is key or gb.curkey == key):
            return
        value = gb.value
        gb.value = _END
        yield value


for _f in (sum_, any_, all_, min_, max_, sorted_, map_, filter_, zip_, enumerate_, accumulate_,
           dropwhile_, takewhile_, filterfalse_, starmap_, groupby_, _grouper_):
    _f.__name__ = _f.__qualname__ = _f.__name__[:-1]
list_sort.__name__ = "sort"
list_sort.__qualname__ = "list.sort"
