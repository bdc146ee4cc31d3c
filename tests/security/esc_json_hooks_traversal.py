# kind: escape
# expect: blocked
# desc: json object_hook / object_pairs_hook / default / cls receiving or returning internals
import json
out = []
def hook(d):
    return d.__class__.__mro__
try:
    out.append(repr(json.loads('{"a": 1}', object_hook=hook)))
except Exception:
    pass
try:
    class Enc(json.JSONEncoder):
        def default(self, o):
            return repr(self.__class__.__mro__) + repr(type(self).__dict__)
    out.append(json.dumps(object(), cls=Enc))
except Exception:
    pass
try:
    out.append(json.dumps(print, default=lambda o: repr(o.__self__)))
except Exception:
    pass
try:
    out.append(repr(json.JSONEncoder().iterencode.__func__.__globals__))
except Exception:
    pass
s = ' '.join(out)
# (JSONEncoder is a sandbox class: its MRO and a subclass's own __dict__ are sandbox data; the
# host's json.encoder module, its globals and C encoder must stay out of reach)
leaks = ("module 'builtins'", '__builtins__', 'c_make_encoder', '_make_iterencode', 'encode_basestring')
('ESC' + 'APED' + ':' + s[:200]) if any(x in s for x in leaks) else s
