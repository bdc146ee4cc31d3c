# kind: escape
# expect: blocked
# desc: from os import *
from os import *
'ESC' + 'APED:' + getcwd()
