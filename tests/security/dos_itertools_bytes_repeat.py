# kind: dos
# expect: blocked
# desc: bytes(itertools.repeat(1)) and bytearray().extend(repeat(1))
import itertools
try:
    bytes(itertools.repeat(1))
except MemoryError:
    pass
b = bytearray()
b.extend(itertools.repeat(1))
