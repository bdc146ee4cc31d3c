# kind: dos
# expect: blocked
# desc: bytes.hex with a separator over 100 MB (3x output)
b = b'x' * (100 * 1024 * 1024)
h = b.hex(':', 1)
