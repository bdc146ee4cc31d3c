# kind: escape
# expect: blocked
# desc: print(file=...) with a host-like object or a sandbox object with write
class_like = [1]
print('x', file=class_like)
'ESC' + 'APED:' + 'printed'
