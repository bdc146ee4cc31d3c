# kind: escape
# expect: blocked
# desc: pass a sandbox function to a host function so the host calls it back with its own objects
def cb(*a):
    return a
r = echo(cb)
'ESC' + 'APED:' + str(r)
