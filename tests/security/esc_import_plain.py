# kind: escape
# expect: blocked
# desc: import os
import os
'ESC' + 'APED:' + os.getcwd()
