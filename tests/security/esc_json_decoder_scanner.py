# kind: escape
# expect: blocked
# desc: json.JSONDecoder internals: scan_once, parse_object, memo, and its module globals
import json
out = []
try:
    dec = json.JSONDecoder()
except Exception:
    dec = json
for n in ('scan_once', 'parse_object', 'parse_array', 'parse_string', 'memo', 'raw_decode'):
    try:
        v = getattr(dec, n)
        out.append(repr(getattr(v, '__globals__', v))[:80])
    except Exception:
        pass
s = ' '.join(out)
('ESC' + 'APED' + ':' + s) if 'builtins' in s or 'sys' in s else s
