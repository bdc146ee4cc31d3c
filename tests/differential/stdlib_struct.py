# struct pack and unpack
import struct
data = struct.pack('<IhB', 1, -2, 255)
[data, struct.unpack('<IhB', data), struct.calcsize('<IhB'), struct.calcsize('@IhB'), struct.pack('>d', 1.5), struct.unpack('!f', struct.pack('!f', 0.25))]
# ---
# struct strings, pad bytes and booleans
import struct
packed = struct.pack('4s2x?', b'ab', True)
[packed, struct.unpack('4s2x?', packed), struct.pack('3p', b'hello'), struct.calcsize('10s')]
# ---
# struct.Struct objects
import struct
s = struct.Struct('<hhl')
b = s.pack(1, 2, 3)
[s.size, s.format, b, s.unpack(b), list(s.iter_unpack(b + b)), s.unpack_from(b'\x00' + b, 1)]
# ---
# struct.iter_unpack and pack_into
import struct
buf = bytearray(8)
struct.pack_into('<HH', buf, 2, 7, 9)
[bytes(buf), [t for t in struct.iter_unpack('<H', bytes(buf))]]
# ---
# struct errors
import struct
out = []
for fmt, args in [('<h', (70000,)), ('<I', (-1,)), ('<2h', (1,)), ('<q', ('x',))]:
    try:
        struct.pack(fmt, *args)
    except struct.error as e:
        out.append(('error', str(e)))
try:
    struct.unpack('<I', b'ab')
except struct.error as e:
    out.append(str(e))
out
# ---
# struct bad format
import struct
struct.calcsize('<Z')
