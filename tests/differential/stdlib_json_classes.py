# JSONEncoder subclass with default, dumps(cls=...)
import json
class Enc(json.JSONEncoder):
    def default(self, o):
        if isinstance(o, set):
            return sorted(o)
        return super().default(o)
[json.dumps({'a': {3, 1, 2}}, cls=Enc), json.dumps([{1}], cls=Enc, indent=2),
 Enc(sort_keys=True).encode({'b': 1, 'a': {2}})]
# ---
# JSONEncoder default error and the base class's default
import json
class Thing:
    pass
try:
    json.dumps([Thing()], cls=json.JSONEncoder)
except TypeError as e:
    r = str(e)
r
# ---
# JSONEncoder: encode overridden, iterencode joined, separators and indent
import json
class Upper(json.JSONEncoder):
    def encode(self, o):
        return super().encode(o).upper()
enc = json.JSONEncoder(separators=(',', ':'))
[json.dumps({'k': 'v'}, cls=Upper), ''.join(enc.iterencode({'a': [1, 2]})),
 json.JSONEncoder(indent=1).encode([1, {'x': None}]), json.JSONEncoder().encode('é'),
 json.JSONEncoder(ensure_ascii=False).encode('é'), enc.item_separator, enc.key_separator,
 json.JSONEncoder(indent=2).item_separator]
# ---
# JSONEncoder default= keyword, skipkeys, allow_nan
import json
e = json.JSONEncoder(default=lambda o: repr(o), skipkeys=True)
r = [e.encode({(1, 2): 1, 'a': object.__name__}), e.encode([frozenset()])]
try:
    json.JSONEncoder(allow_nan=False).encode(float('nan'))
except ValueError as err:
    r.append(str(err))
r
# ---
# JSONEncoder with a default that returns a container with more unknowns
import json
class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y
class PE(json.JSONEncoder):
    def default(self, o):
        if isinstance(o, Point):
            return {'x': o.x, 'y': o.y, 'next': None}
        return json.JSONEncoder.default(self, o)
json.dumps([Point(1, 2), {'p': Point(3, Point(4, 5))}], cls=PE, sort_keys=True)
# ---
# JSONDecoder: decode, raw_decode, hooks
import json
d = json.JSONDecoder()
r = [d.decode(' {"a": [1, 2.5, null]} '), d.raw_decode('[1, 2] tail'), d.raw_decode('xx 7', 3)]
h = json.JSONDecoder(object_hook=lambda o: sorted(o.items()))
r.append(h.decode('{"b": 1, "a": {"c": 2}}'))
p = json.JSONDecoder(object_pairs_hook=lambda pairs: pairs)
r.append(p.decode('{"b": 1, "a": 2, "b": 3}'))
f = json.JSONDecoder(parse_float=lambda s: 'F' + s, parse_int=lambda s: int(s) * 2,
                     parse_constant=lambda s: 'C' + s)
r.append(f.decode('[1.5, 2, NaN, -Infinity]'))
r
# ---
# JSONDecoder subclass, loads(cls=...), strict
import json
class D(json.JSONDecoder):
    def __init__(self, **kw):
        super().__init__(object_hook=self.hook, **kw)
    def hook(self, o):
        return {k.upper(): v for k, v in o.items()}
r = [json.loads('{"a": {"b": 1}}', cls=D), json.loads('"a\tb"', strict=False)]
try:
    json.loads('"a\tb"')
except json.JSONDecodeError as e:
    r.append([e.msg, e.pos, e.lineno, e.colno])
r
# ---
# JSONDecodeError attributes from decode and raw_decode
import json
r = []
for doc in ['{"a": 1} x', '', '[1,\n 2,,]', ' 1']:
    try:
        json.JSONDecoder().decode(doc) if doc != ' 1' else json.JSONDecoder().raw_decode(doc)
    except json.JSONDecodeError as e:
        r.append([type(e).__name__, e.msg, e.doc, e.pos, e.lineno, e.colno, str(e)])
r.append(issubclass(json.JSONDecodeError, ValueError))
r
# ---
# dump and load over io.StringIO
import io, json
buf = io.StringIO()
json.dump({'a': [1, 2, {'b': None}], 'c': 'é'}, buf, indent=2, sort_keys=True)
text = buf.getvalue()
buf.seek(0)
[text, json.load(buf), json.load(io.StringIO('[1, 2]'), object_hook=dict),
 json.load(io.StringIO('{"x": 1.25}'), parse_float=str)]
# ---
# dump and load over any object with write / read
import json
class Sink:
    def __init__(self):
        self.parts = []
    def write(self, s):
        self.parts.append(s)
class Source:
    def read(self):
        return '{"k": [true, false]}'
s = Sink()
json.dump([1, {'z': 2}], s, separators=(',', ':'))
[''.join(s.parts), json.load(Source())]
# ---
# dump with cls and default; load with cls
import io, json
class Enc(json.JSONEncoder):
    def default(self, o):
        return list(o)
class Dec(json.JSONDecoder):
    def decode(self, s):
        return ['decoded', super().decode(s)]
buf = io.StringIO()
json.dump({'s': frozenset([1])}, buf, cls=Enc)
json.dump([range(2)], buf, default=list)
[buf.getvalue(), json.load(io.StringIO('[1]'), cls=Dec)]
# ---
# loads of bytes and bad types through cls
import json
r = [json.loads(b'{"a": 1}', cls=json.JSONDecoder), json.loads(bytearray(b'[2]'))]
try:
    json.loads(5, cls=json.JSONDecoder)
except TypeError as e:
    r.append(str(e))
try:
    json.loads('\ufeff1', cls=json.JSONDecoder)
except json.JSONDecodeError as e:
    r.append(e.msg)
r
# ---
# unknown keyword arguments reach the class
import json
r = []
try:
    json.dumps(1, bogus=True)
except TypeError as e:
    r.append('dumps')
try:
    json.loads('1', bogus=True)
except TypeError as e:
    r.append('loads')
r
# ---
# JSONEncoder and JSONDecoder class facts
import json
[json.JSONEncoder.__name__, json.JSONDecoder.__name__, json.JSONEncoder.__module__,
 json.JSONDecoder.__module__, isinstance(json.JSONEncoder(), json.JSONEncoder),
 json.JSONEncoder().indent, json.JSONDecoder().strict, json.JSONDecoder().object_hook]
