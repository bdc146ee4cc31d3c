# kind: escape
# expect: blocked
# desc: exec() of a string that imports os
exec('import os')
'ESC' + 'APED:' + 'exec'
