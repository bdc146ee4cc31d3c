# kind: escape
# expect: blocked
# desc: import subprocess as sp
import subprocess as sp
'ESC' + 'APED:' + str(sp)
