# kind: dos
# expect: blocked
# desc: memoryview slices copied to bytes and collected in a list
try:
    m = memoryview(b'x' * (64 * 1024 * 1024))
except NameError:
    m = bytearray(b'x' * (64 * 1024 * 1024))
keep = []
while True:
    keep.append(bytes(m))
