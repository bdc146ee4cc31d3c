# kind: dos
# expect: blocked
# desc: a dataclass's generated __init__ is a host function read unbound on the class; called with a compiled pattern as self (field _vm) it set the pattern's sandbox reference to None, and the regex engine ran with no timeout (hung for hours)
import dataclasses, re
@dataclasses.dataclass(frozen=True)
class D:
    _vm: object
p = re.compile('(a|aa)+$')
D.__init__(p, None)
p.match('a' * 60 + 'b')
