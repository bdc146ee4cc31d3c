"""json's classes and stream functions for sandbox code, in sandbox Python: JSONEncoder,
JSONDecoder, dump and load (monty/modules/json.py gives dumps, loads and JSONDecodeError, the
host's encoder and decoder on plain data). A subclass's default(), encode(), iterencode(),
decode() and hooks run here, as frames of the VM: a host call inside them pauses."""


class JSONEncoder:
    __module__ = 'json.encoder'
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
        raise TypeError(f'Object of type {o.__class__.__name__} is not JSON serializable')

    def encode(self, o):
        if isinstance(o, str):
            return _b_json_dumps(o, ensure_ascii=self.ensure_ascii)
        chunks = self.iterencode(o, _one_shot=True)
        if not isinstance(chunks, (list, tuple)):
            chunks = list(chunks)
        return ''.join(chunks)

    def iterencode(self, o, _one_shot=False):
        default = self.default
        if getattr(default, '__func__', None) is JSONEncoder.default:
            default = None      # (the encoder's own error, without a call back here)
        import json     # (json.dumps, called as sandbox code calls it: a sandbox default
        # runs as a frame of the VM, see monty/modules/_loops.py)
        text = json.dumps(o, skipkeys=self.skipkeys, ensure_ascii=self.ensure_ascii,
                          check_circular=self.check_circular, allow_nan=self.allow_nan,
                          indent=self.indent,
                          separators=(self.item_separator, self.key_separator),
                          default=default, sort_keys=self.sort_keys)
        return iter([text])


def _pairs_hooks(o, hook, pairs_hook):
    # the decoder calls the hook as each object closes: inner ones first, in document order
    # (objects came back as tuples of pairs: a JSON array is a list, never a tuple)
    if type(o) is list:
        for i in range(len(o)):
            o[i] = _pairs_hooks(o[i], hook, pairs_hook)
        return o
    if type(o) is tuple:
        pairs = [(k, _pairs_hooks(v, hook, pairs_hook)) for k, v in o]
        if pairs_hook is not None:
            return pairs_hook(pairs)
        d = dict(pairs)
        return d if hook is None else hook(d)
    return o


class JSONDecoder:
    __module__ = 'json.decoder'

    def __init__(self, *, object_hook=None, parse_float=None, parse_int=None,
                 parse_constant=None, strict=True, object_pairs_hook=None):
        self.object_hook = object_hook
        self.parse_float = parse_float or float
        self.parse_int = parse_int or int
        self.parse_constant = parse_constant
        self.strict = strict
        self.object_pairs_hook = object_pairs_hook

    def decode(self, s):
        obj, end = self.raw_decode(s, idx=_b_json_skip_space(s, 0))
        end = _b_json_skip_space(s, end)
        if end != len(s):
            raise _b_json_error("Extra data", s, end)
        return obj

    def raw_decode(self, s, idx=0):
        hooks = self.object_hook is not None or self.object_pairs_hook is not None
        obj, end = _b_json_scan(s, idx, self.strict, self.parse_float, self.parse_int,
                                self.parse_constant, hooks)
        if hooks:
            obj = _pairs_hooks(obj, self.object_hook, self.object_pairs_hook)
        return obj, end


def dump(obj, fp, *, skipkeys=False, ensure_ascii=True, check_circular=True, allow_nan=True,
         cls=None, indent=None, separators=None, default=None, sort_keys=False, **kw):
    if cls is None:
        cls = JSONEncoder
    iterable = cls(skipkeys=skipkeys, ensure_ascii=ensure_ascii,
                   check_circular=check_circular, allow_nan=allow_nan, indent=indent,
                   separators=separators, default=default, sort_keys=sort_keys,
                   **kw).iterencode(obj)
    for chunk in iterable:
        fp.write(chunk)


def load(fp, *, cls=None, object_hook=None, parse_float=None, parse_int=None,
         parse_constant=None, object_pairs_hook=None, **kw):
    import json
    return json.loads(fp.read(), cls=cls, object_hook=object_hook, parse_float=parse_float,
                      parse_int=parse_int, parse_constant=parse_constant,
                      object_pairs_hook=object_pairs_hook, **kw)

