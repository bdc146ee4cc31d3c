# kind: escape
# expect: blocked
# desc: a dataclass __init__ called with a module's host function as self: a field named __defaults__ rewrote the process-wide function's defaults (every sandbox and the host saw textwrap.wrap wrap at width 4)
import dataclasses, textwrap
@dataclasses.dataclass
class D:
    __defaults__: object
try:
    D.__init__(textwrap.wrap, (4,))
except TypeError:
    pass
r = textwrap.wrap('aaa bbb ccc ddd')
('ESC' + 'APED: shared function defaults rewritten') if len(r) > 1 else 'blocked'
