# kind: escape
# expect: blocked
# desc: relative import from .
from . import x
'ESC' + 'APED:' + str(x)
