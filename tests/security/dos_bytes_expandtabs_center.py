# kind: dos
# expect: blocked
# desc: bytes.expandtabs / center / zfill with huge arguments
a = b'\t' * 100
try:
    a.expandtabs(10 ** 7)
except MemoryError:
    pass
try:
    b'x'.center(10 ** 10)
except MemoryError:
    pass
bytearray(b'1').zfill(10 ** 10)
