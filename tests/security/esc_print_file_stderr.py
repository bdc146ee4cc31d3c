# kind: escape
# expect: blocked
# desc: print to sys.stderr after importing sys
import sys
print('x', file=sys.stderr)
'ESC' + 'APED:' + 'stderr'
