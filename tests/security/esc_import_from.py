# kind: escape
# expect: blocked
# desc: from os import system
from os import system
'ESC' + 'APED:' + str(system('true'))
