# kind: escape
# expect: blocked
# desc: import builtins then builtins.open
import builtins
'ESC' + 'APED:' + builtins.open('/etc/hostname').read()
