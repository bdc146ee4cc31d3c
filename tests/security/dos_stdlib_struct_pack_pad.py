# kind: dos
# expect: blocked
# desc: struct.pack of a billion pad bytes
import struct
struct.pack('1000000000x')
