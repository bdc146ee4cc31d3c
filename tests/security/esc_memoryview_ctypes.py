# kind: escape
# expect: blocked
# desc: memoryview/bytearray to poke memory
m = memoryview(b'abc')
'ESC' + 'APED:' + str(m.obj)
