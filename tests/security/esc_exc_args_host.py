# kind: escape
# expect: blocked
# desc: exception args of a host-function error carrying a host object
try:
    host_fail()
except Exception as e:
    a = e.args
[x for x in a if type(x).__name__ not in ('str', 'int')] and ('ESC' + 'APED:' + repr(a)) or 'clean'
