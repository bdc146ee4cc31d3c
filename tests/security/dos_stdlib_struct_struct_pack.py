# kind: dos
# expect: blocked
# desc: a Struct of a billion-byte string
import struct
struct.Struct('1000000000s').pack(b'x')
