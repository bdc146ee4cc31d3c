# from math import * binds the module's public names
from math import *
[sqrt(16.0), floor(2.5), pi > 3, 'fsum' in dir()]
# ---
# from json import * binds only json.__all__
from json import *
r = [dumps([1]), loads('2'), JSONDecodeError.__name__]
try:
    decoder
except NameError as e:
    r.append(str(e))
r
# ---
# from collections import * with __all__
from collections import *
[Counter('abca').most_common(1), deque([1, 2]).pop(), namedtuple('P', 'x')(1).x]
# ---
# a star import overrides builtins as CPython's does
from math import *
pow(2, 3)
# ---
# a star import after other globals keeps them unless the module has the name
x = 1
e = 'mine'
from math import *
[x, e > 2]
