# kind: escape
# expect: blocked
# desc: import os.path
import os.path
'ESC' + 'APED:' + os.path.abspath('.')
