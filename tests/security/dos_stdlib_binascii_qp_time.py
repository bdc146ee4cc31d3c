# kind: dos
# expect: blocked
# desc: binascii.b2a_qp with header and quotetabs takes ~100 ns a byte while the charge assumed ~4: 48 MB ran 4 s past a 2 s limit
import binascii
d = b'=\xff\x00 ' * 12_000_000
x = binascii.b2a_qp(d, True, False, True)
len(x)
