"""Module functions that call sandbox code back, as loops of the VM (see
monty/modules/_loops.py): functools' reduce, lru_cache and cache, contextlib.contextmanager,
the itertools adaptors with a callback, re.sub/subn with a function, json's default= and
object hooks, heapq.nsmallest/nlargest with a key. Each follows CPython 3.11: the same calls
in the same order and the same errors. Builtins named here are the VM's own."""


class _End:
    pass


_END = _End()


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



# ---- re.sub/re.subn with a function, json's default=, object_hook= and object_pairs_hook=

def _re_subx(p, repl, string, count):
    # the pieces _sre's pattern_subx joins: the text between matches when not empty, and
    # what the function returns for each match unless None
    # (the matches are found first, so no host iterator is held while repl runs: the text
    # and the pattern cannot change in between)
    matches = []
    for m in p.finditer(string):
        if count and len(matches) >= count:
            break
        matches.append(m)
    pieces = []
    pos = 0
    n = 0
    for m in matches:
        start = m.start()
        if start > pos:
            pieces.append(string[pos:start])
        item = repl(m)
        if item is not None:
            pieces.append(item)
        pos = m.end()
        n += 1
    if pos < len(string):
        pieces.append(string[pos:])
    return string[:0].join(pieces), n


def pattern_sub(self, repl, string, count=0):
    return _re_subx(self, repl, string, count)[0]


def pattern_subn(self, repl, string, count=0):
    return _re_subx(self, repl, string, count)


def re_sub(pattern, repl, string, count=0, flags=0):
    import re
    return re.compile(pattern, flags).sub(repl, string, count)


def re_subn(pattern, repl, string, count=0, flags=0):
    import re
    return re.compile(pattern, flags).subn(repl, string, count)


def _json_marked(markers, o):
    for m in markers:
        if m is o:
            raise ValueError("Circular reference detected")
    markers.append(o)


def _json_prepare(o, default, markers, sort_keys, skipkeys):
    # what the C encoder meets, in its order: default(o) called where it calls it, the
    # result encoded in place of o (json.dumps then encodes the prepared tree natively); a
    # container nothing changed in is kept as it is (shared parts stay shared)
    if o is None or o is True or o is False or isinstance(o, (str, int, float)):
        return o
    if isinstance(o, (list, tuple)):
        if markers is not None:
            _json_marked(markers, o)
        out = None
        i = 0
        for x in o:
            y = _json_prepare(x, default, markers, sort_keys, skipkeys)
            if out is None and y is not x:
                out = list(o[:i])
            if out is not None:
                out.append(y)
            i += 1
        if markers is not None:
            markers.pop()
        return o if out is None else out
    if isinstance(o, dict):
        if markers is not None:
            _json_marked(markers, o)
        items = sorted(o.items()) if sort_keys else list(o.items())
        out = None
        i = 0
        for k, v in items:
            if not (k is None or isinstance(k, (str, int, float))):
                if not skipkeys:
                    raise TypeError(f"keys must be str, int, float, bool or None, not "
                                    f"{type(k).__name__}")
                if out is None:
                    out = dict(items[:i])
            else:
                w = _json_prepare(v, default, markers, sort_keys, skipkeys)
                if out is None and w is not v:
                    out = dict(items[:i])
                if out is not None:
                    out[k] = w
            i += 1
        if markers is not None:
            markers.pop()
        return o if out is None else out
    if markers is not None:
        _json_marked(markers, o)
    out = _json_prepare(default(o), default, markers, sort_keys, skipkeys)
    if markers is not None:
        markers.pop()
    return out


def json_dumps(obj, *, skipkeys=False, ensure_ascii=True, check_circular=True,
               allow_nan=True, indent=None, separators=None, default=None, sort_keys=False):
    import json
    obj = _json_prepare(obj, default, [] if check_circular else None, sort_keys, skipkeys)
    return json.dumps(obj, skipkeys=skipkeys, ensure_ascii=ensure_ascii,
                      check_circular=check_circular, allow_nan=allow_nan, indent=indent,
                      separators=separators, sort_keys=sort_keys)


def _json_hooks(o, hook, pairs_hook):
    # the decoder calls the hook as each object closes: inner ones first, in document order
    if type(o) is list:
        for i in range(len(o)):
            o[i] = _json_hooks(o[i], hook, pairs_hook)
        return o
    if type(o) is tuple:
        pairs = [(k, _json_hooks(v, hook, pairs_hook)) for k, v in o]
        if pairs_hook is not None:
            return pairs_hook(pairs)
        d = dict(pairs)
        return d if hook is None else hook(d)
    return o


def json_loads(s, *, parse_float=None, parse_int=None, parse_constant=None, object_hook=None,
               object_pairs_hook=None):
    import json
    # (objects come back as tuples of pairs: a JSON array is a list, never a tuple)
    tree = json.loads(s, parse_float=parse_float, parse_int=parse_int,
                      parse_constant=parse_constant, object_pairs_hook=tuple)
    return _json_hooks(tree, object_hook, object_pairs_hook)


def json_dumps_cls(obj, *, skipkeys=False, ensure_ascii=True, check_circular=True,
                   allow_nan=True, cls=None, indent=None, separators=None, default=None,
                   sort_keys=False, **kw):
    # json.dumps(obj, cls=...), or with keywords only an encoder class takes
    import json
    if cls is None:
        cls = json.JSONEncoder
    return cls(skipkeys=skipkeys, ensure_ascii=ensure_ascii, check_circular=check_circular,
               allow_nan=allow_nan, indent=indent, separators=separators, default=default,
               sort_keys=sort_keys, **kw).encode(obj)


def json_loads_cls(s, *, cls=None, object_hook=None, parse_float=None, parse_int=None,
                   parse_constant=None, object_pairs_hook=None, **kw):
    # json.loads(s, cls=...), or with keywords only a decoder class takes (strict=)
    import json
    if isinstance(s, str):
        if s.startswith('\ufeff'):
            raise _b_json_error("Unexpected UTF-8 BOM (decode using utf-8-sig)", s, 0)
    else:
        if not isinstance(s, (bytes, bytearray)):
            raise TypeError(f'the JSON object must be str, bytes or bytearray, '
                            f'not {s.__class__.__name__}')
        s = _b_json_text(s)
    if cls is None:
        cls = json.JSONDecoder
    if object_hook is not None:
        kw['object_hook'] = object_hook
    if object_pairs_hook is not None:
        kw['object_pairs_hook'] = object_pairs_hook
    if parse_float is not None:
        kw['parse_float'] = parse_float
    if parse_int is not None:
        kw['parse_int'] = parse_int
    if parse_constant is not None:
        kw['parse_constant'] = parse_constant
    return cls(**kw).decode(s)


# ---- functools.singledispatchmethod: a descriptor whose bound function dispatches on the
# class of the first argument after self (the methods run as frames of the VM)

class singledispatchmethod:
    __module__ = 'functools'

    def __init__(self, func):
        if not callable(func) and not hasattr(func, '__get__'):
            raise TypeError(f"{func!r} is not callable or a descriptor")
        import functools
        self.dispatcher = functools.singledispatch(func)
        self.func = func

    def register(self, cls, method=None):
        return self.dispatcher.register(cls, func=method)

    def __get__(self, obj, cls=None):
        dispatcher = self.dispatcher

        def _method(*args, **kwargs):
            if not args:
                raise TypeError(f"{self.func.__name__} requires at least 1 positional argument")
            method = dispatcher.dispatch(type(args[0]))
            if obj is None:
                return method(*args, **kwargs)
            return method(obj, *args, **kwargs)
        _method.register = self.register
        _method.__name__ = _method.__qualname__ = self.func.__name__
        return _method


# ---- heapq.nsmallest/nlargest with a sandbox key or over a generator: CPython's results are
# sorted(iterable, key=key)[:n] (reverse=True for nlargest), its keys computed once per item
# in order

def heapq_nsmallest(n, iterable, key=None):
    items = [x for x in iterable]
    if n <= 0:
        return []
    _b_sort_by_keys(items, None if key is None else [key(x) for x in items], False)
    return items[:n]


def heapq_nlargest(n, iterable, key=None):
    items = [x for x in iterable]
    if n <= 0:
        return []
    _b_sort_by_keys(items, None if key is None else [key(x) for x in items], True)
    return items[:n]



# ---- heapq's in-place functions over sandbox objects (monty/modules/heapq.py routes them here
# when the moved item or the heap's top is one): CPython's C heapq step by step, each
# comparison a `<` of the loop (a sandbox __lt__ can pause)

def _heap_down(heap, startpos, pos):
    size = len(heap)
    if pos >= size:
        raise IndexError("index out of range")
    newitem = heap[pos]
    while pos > startpos:
        parentpos = (pos - 1) >> 1
        parent = heap[parentpos]
        less = True if newitem < parent else False
        if size != len(heap):
            raise RuntimeError("list changed size during iteration")
        if not less:
            break
        parent = heap[parentpos]
        newitem = heap[pos]
        heap[parentpos] = newitem
        heap[pos] = parent
        pos = parentpos


def _heap_up(heap, pos):
    endpos = len(heap)
    startpos = pos
    if pos >= endpos:
        raise IndexError("index out of range")
    limit = endpos >> 1
    while pos < limit:
        childpos = 2 * pos + 1
        if childpos + 1 < endpos:
            if not heap[childpos] < heap[childpos + 1]:
                childpos += 1
            if endpos != len(heap):
                raise RuntimeError("list changed size during iteration")
        tmp1 = heap[childpos]
        tmp2 = heap[pos]
        heap[childpos] = tmp2
        heap[pos] = tmp1
        pos = childpos
    _heap_down(heap, startpos, pos)


def heappush_(heap, item, /):
    heap.append(item)
    _heap_down(heap, 0, len(heap) - 1)


def heappop_(heap, /):
    if not heap:
        raise IndexError("index out of range")
    lastelt = heap.pop()
    if not heap:
        return lastelt
    returnitem = heap[0]
    heap[0] = lastelt
    _heap_up(heap, 0)
    return returnitem


def heapreplace_(heap, item, /):
    if not heap:
        raise IndexError("index out of range")
    returnitem = heap[0]
    heap[0] = item
    _heap_up(heap, 0)
    return returnitem


def heappushpop_(heap, item, /):
    if not heap:
        return item
    if not heap[0] < item:
        return item
    if not heap:
        raise IndexError("index out of range")
    returnitem = heap[0]
    heap[0] = item
    _heap_up(heap, 0)
    return returnitem


def heapify_(heap, /):
    # (CPython's order for up to 2,500 items; longer heaps are not routed here)
    for i in range((len(heap) >> 1) - 1, -1, -1):
        _heap_up(heap, i)


# ---- bisect with a sandbox key function, or a sandbox object to place (monty/modules/
# bisect.py routes them here): CPython's C bisect, the key called on each probed item

def _bisect_right(a, x, lo, hi, key):
    if lo < 0:
        raise ValueError("lo must be non-negative")
    if hi is None or hi == -1:
        hi = len(a)
    while lo < hi:
        mid = (lo + hi) // 2
        item = a[mid] if key is None else key(a[mid])
        if x < item:
            hi = mid
        else:
            lo = mid + 1
    return lo


def _bisect_left(a, x, lo, hi, key):
    if lo < 0:
        raise ValueError("lo must be non-negative")
    if hi is None or hi == -1:
        hi = len(a)
    while lo < hi:
        mid = (lo + hi) // 2
        item = a[mid] if key is None else key(a[mid])
        if item < x:
            lo = mid + 1
        else:
            hi = mid
    return lo


def bisect_right_(a, x, lo=0, hi=None, *, key=None):
    return _bisect_right(a, x, lo, hi, key)


def bisect_left_(a, x, lo=0, hi=None, *, key=None):
    return _bisect_left(a, x, lo, hi, key)


def insort_right_(a, x, lo=0, hi=None, *, key=None):
    a.insert(_bisect_right(a, x if key is None else key(x), lo, hi, key), x)


def insort_left_(a, x, lo=0, hi=None, *, key=None):
    a.insert(_bisect_left(a, x if key is None else key(x), lo, hi, key), x)


for _f in (heappush_, heappop_, heapreplace_, heappushpop_, heapify_, bisect_right_,
           bisect_left_, insort_right_, insort_left_):
    _f.__name__ = _f.__qualname__ = _f.__name__[:-1]


for _f in (accumulate_, dropwhile_, takewhile_, filterfalse_, starmap_, groupby_, _grouper_):
    _f.__name__ = _f.__qualname__ = _f.__name__[:-1]
for _f, _name in ((pattern_sub, "sub"), (pattern_subn, "subn"), (re_sub, "sub"),
                  (re_subn, "subn"), (json_dumps, "dumps"), (json_loads, "loads"),
                  (json_dumps_cls, "dumps"), (json_loads_cls, "loads"),
                  (heapq_nsmallest, "nsmallest"), (heapq_nlargest, "nlargest")):
    _f.__name__ = _f.__qualname__ = _name


# ---- dataclasses: the __init__ of a dataclass with __post_init__ or a default_factory
# (monty/modules/dataclasses.py), CPython's generated __init__ run as sandbox code: the
# arguments are bound by a host function with the generated signature (CPython's errors), and
# the factories and __post_init__ run as frames of the VM

_object_setattr = object.__setattr__


def dataclass_init(cls, plan, initvars, post_init, frozen, qualname):
    # plan: (name, kind, value) per field in order; kind 0: the argument, 1: the argument or
    # value() when none was given, 2: value(), 3: value (a slots class's default), 4: an
    # InitVar (not stored)
    def __init__(self, *args, **kwargs):
        bound = _b_dataclass_bind(cls, self, args, kwargs)
        for name, kind, value in plan:
            if kind == 0:
                value = bound[name]
            elif kind == 1:
                value = bound[name] if name in bound else value()
            elif kind == 2:
                value = value()
            elif kind == 4:
                continue
            if frozen:
                _object_setattr(self, name, value)
            else:
                setattr(self, name, value)
        if post_init:
            self.__post_init__(*[bound[name] for name in initvars])
    __init__.__qualname__ = qualname
    return __init__


def typing_typeddict(typename, fields=None, /, *, total=True, **kwargs):
    """typing.TypedDict('Name', {'key': type}, total=...): the class a class statement
    deriving from TypedDict makes."""
    import typing
    if fields is None:
        fields = kwargs
    elif kwargs:
        raise TypeError('TypedDict takes either a dict or keyword arguments, but not both')
    namespace = {'__annotations__': dict(fields)}
    return type(typename, (typing.TypedDict,), namespace, total=total)


def typing_namedtuple(typename, fields=None, /, **kwargs):
    """typing.NamedTuple('Name', [('field', type)]): the class a class statement deriving
    from NamedTuple makes."""
    import typing
    if fields is None:
        fields = kwargs.items()
    elif kwargs:
        raise TypeError('Either list of fields or keywords can be provided to NamedTuple, '
                        'not both')
    annotations = {}
    for item in fields:
        field, kind = item
        annotations[field] = kind
    return type(typename, (typing.NamedTuple,), {'__annotations__': annotations})
