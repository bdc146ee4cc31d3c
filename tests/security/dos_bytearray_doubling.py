# kind: dos
# expect: blocked
# desc: bytearray b += bytes(b) doubling forever (b += b itself is a BufferError in CPython)
b = bytearray(b'x')
while True:
    b += bytes(b)
