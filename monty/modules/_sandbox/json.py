"""json's classes and file functions for sandbox code, in sandbox Python (see
monty/modules/json.py): JSONEncoder/JSONDecoder (subclassable, `cls=` honoured), load/dump over
any object with read()/write() methods. The encoding and decoding themselves are the host's
checked dumps/loads (bound below when the module is built)."""

_host_dumps = None
_host_loads = None
_host_raw_decode = None


class JSONEncoder:
    item_separator = ', '
    key_separator = ': '

    def __init__(self, *, skipkeys=False, ensure_ascii=True, check_circular=True,
                 allow_nan=True, sort_keys=False, indent=None, separators=None, default=None):
        self.skipkeys = skipkeys
        self.ensure_ascii = ensure_ascii
        self.check_circular = check_circular
        self.allow_nan = allow_nan
        self.sort_keys = sort_keys
        self.indent = indent
        if separators is not None:
            self.item_separator, self.key_separator = separators
        elif indent is not None:
            self.item_separator = ','
        if default is not None:
            self.default = default

    def default(self, o):
        raise TypeError(f'Object of type {o.__class__.__name__} '
                        f'is not JSON serializable')

    def encode(self, o):
        default = self.default
        return _host_dumps(o, skipkeys=self.skipkeys, ensure_ascii=self.ensure_ascii,
                           check_circular=self.check_circular, allow_nan=self.allow_nan,
                           indent=self.indent,
                           separators=(self.item_separator, self.key_separator),
                           default=lambda obj: default(obj), sort_keys=self.sort_keys)

    def iterencode(self, o, _one_shot=False):
        return iter([self.encode(o)])


class JSONDecoder:
    def __init__(self, *, object_hook=None, parse_float=None, parse_int=None,
                 parse_constant=None, strict=True, object_pairs_hook=None):
        self.object_hook = object_hook
        self.parse_float = parse_float
        self.parse_int = parse_int
        self.parse_constant = parse_constant
        self.strict = strict
        self.object_pairs_hook = object_pairs_hook

    def decode(self, s):
        return _host_loads(s, object_hook=self.object_hook, parse_float=self.parse_float,
                           parse_int=self.parse_int, parse_constant=self.parse_constant,
                           strict=self.strict, object_pairs_hook=self.object_pairs_hook)

    def raw_decode(self, s, idx=0):
        return _host_raw_decode(s, idx, object_hook=self.object_hook,
                                parse_float=self.parse_float, parse_int=self.parse_int,
                                parse_constant=self.parse_constant, strict=self.strict,
                                object_pairs_hook=self.object_pairs_hook)


def dumps(obj, *, skipkeys=False, ensure_ascii=True, check_circular=True, allow_nan=True,
          cls=None, indent=None, separators=None, default=None, sort_keys=False, **kw):
    if cls is None and not kw:
        return _host_dumps(obj, skipkeys=skipkeys, ensure_ascii=ensure_ascii,
                           check_circular=check_circular, allow_nan=allow_nan, indent=indent,
                           separators=separators, default=default, sort_keys=sort_keys)
    if cls is None:
        cls = JSONEncoder
    return cls(skipkeys=skipkeys, ensure_ascii=ensure_ascii, check_circular=check_circular,
               allow_nan=allow_nan, indent=indent, separators=separators, default=default,
               sort_keys=sort_keys, **kw).encode(obj)


def loads(s, *, cls=None, object_hook=None, parse_float=None, parse_int=None,
          parse_constant=None, object_pairs_hook=None, **kw):
    if cls is None and not kw:
        return _host_loads(s, object_hook=object_hook, parse_float=parse_float,
                           parse_int=parse_int, parse_constant=parse_constant,
                           object_pairs_hook=object_pairs_hook)
    if cls is None:
        cls = JSONDecoder
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
    if isinstance(s, (bytes, bytearray)):
        s = s.decode('utf-8')
    elif not isinstance(s, str):
        raise TypeError(f'the JSON object must be str, bytes or bytearray, '
                        f'not {s.__class__.__name__}')
    return cls(**kw).decode(s)


def load(fp, *, cls=None, object_hook=None, parse_float=None, parse_int=None,
         parse_constant=None, object_pairs_hook=None, **kw):
    return loads(fp.read(), cls=cls, object_hook=object_hook, parse_float=parse_float,
                 parse_int=parse_int, parse_constant=parse_constant,
                 object_pairs_hook=object_pairs_hook, **kw)


def dump(obj, fp, *, skipkeys=False, ensure_ascii=True, check_circular=True, allow_nan=True,
         cls=None, indent=None, separators=None, default=None, sort_keys=False, **kw):
    text = dumps(obj, skipkeys=skipkeys, ensure_ascii=ensure_ascii,
                 check_circular=check_circular, allow_nan=allow_nan, cls=cls, indent=indent,
                 separators=separators, default=default, sort_keys=sort_keys, **kw)
    fp.write(text)
