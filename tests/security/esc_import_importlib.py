# kind: escape
# expect: blocked
# desc: import importlib then import_module
import importlib
'ESC' + 'APED:' + str(importlib.import_module('os'))
