# kind: dos
# expect: blocked
# desc: a Struct subclass lying about its size
import struct
class S(struct.Struct):
    size = 1
S('900000000x').pack()
