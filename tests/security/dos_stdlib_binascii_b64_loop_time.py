# kind: dos
# expect: blocked
# desc: binascii.a2b_base64 on 150 MB of text runs ~4 s natively; the charge (4 ns a byte) let it start 1 s before the deadline
import binascii
d = b'QUJD' * 37_000_000
x = 0
for i in range(100):
    x += len(binascii.a2b_base64(d))
x
