# kind: dos
# expect: blocked
# desc: base64.a85encode(wrapcol=1) peaks at ~114 bytes of host memory per input byte (lists of ints and chunks) while the size check assumed 3x
import base64
x = base64.a85encode(b'\x01\x02\x03\x04' * 1_000_000, wrapcol=1)
len(x)
