# kind: escape
# expect: blocked
# desc: __context__/__cause__ of an exception raised by a builtin, looking for a host exception
found = []
try:
    sorted([1, 'a'])
except TypeError as e:
    c = e
    while c is not None:
        found.append(type(c).__name__)
        c = c.__context__
[x for x in found if x not in ('TypeError',)] and ('ESC' + 'APED:' + str(found)) or 'clean'
