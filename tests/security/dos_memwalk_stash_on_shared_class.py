# kind: dos
# expect: blocked
# desc: data stored as attributes of process-wide host classes (through contextlib methods and dataclass __init__ called with a foreign self) is invisible to the live-memory walk: 80 MB at a time, freed from the sandbox's view, stacks past the memory limit
import contextlib, dataclasses, struct, json, textwrap, decimal, fractions, statistics
@dataclasses.dataclass
class D:
    a: object
    b: object
    c: object
targets = [struct.Struct, json.JSONDecodeError, textwrap.wrap, textwrap.fill, json.dumps]
n = 0
for t in targets:
    v = b'x' * 80_000_000
    for setter in (lambda t, v: contextlib.closing.__init__(t, v),
                   lambda t, v: contextlib.nullcontext.__init__(t, v),
                   lambda t, v: D.__init__(t, v, v, v)):
        try:
            setter(t, v)
            n += 1
        except (TypeError, AttributeError):
            pass
    del v
n
