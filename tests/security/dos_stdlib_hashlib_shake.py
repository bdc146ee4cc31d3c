# kind: dos
# expect: blocked
# desc: a shake digest of a gigabyte, then many of 16 MB
import hashlib
h = hashlib.shake_256(b'x')
try:
    h.digest(10**9)
except ValueError:
    pass
out = []
while True:
    out.append(h.hexdigest(1 << 24))
