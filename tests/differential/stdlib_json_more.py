# json JSONEncoder subclass with default, through cls=
import json
class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y
class PointEncoder(json.JSONEncoder):
    def default(self, o):
        if isinstance(o, Point):
            return {'x': o.x, 'y': o.y}
        return super().default(o)
[json.dumps({'p': Point(1, 2)}, cls=PointEncoder), PointEncoder(indent=2).encode([Point(3, 4)]), json.JSONEncoder(sort_keys=True, separators=(',', ':')).encode({'b': 1, 'a': [1, 2]}), ''.join(json.JSONEncoder().iterencode({'k': None}))]
# ---
# json JSONEncoder default refuses unknown objects
import json
json.dumps({'s': {1, 2}}, cls=json.JSONEncoder)
# ---
# json JSONDecoder and raw_decode
import json
d = json.JSONDecoder(object_hook=lambda o: sorted(o.items()))
[d.decode('{"b": 1, "a": 2}'), json.JSONDecoder().raw_decode('[1, 2] tail'), json.loads('{"x": 1.5}', parse_float=str), json.loads('[1]', cls=json.JSONDecoder)]
# ---
# json load and dump over objects with read and write
import json
class Buf:
    def __init__(self, text=''):
        self.parts = [text]
    def write(self, s):
        self.parts.append(s)
        return len(s)
    def read(self):
        return ''.join(self.parts)
out = Buf()
json.dump({'a': [1, 2, {'b': None}]}, out, indent=1)
back = json.load(Buf(out.read()))
[out.read(), back, json.load(Buf('"x"'))]
# ---
# json decode error position
import json
try:
    json.loads('{"a": }')
except json.JSONDecodeError as e:
    r = [e.msg, e.pos, e.lineno, e.colno, isinstance(e, ValueError)]
r
