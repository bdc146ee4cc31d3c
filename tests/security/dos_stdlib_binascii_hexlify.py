# kind: dos
# expect: blocked
# desc: hexlify of a buffer near the memory limit
import binascii
b = b'a' * 120_000_000
binascii.hexlify(b, '-')
