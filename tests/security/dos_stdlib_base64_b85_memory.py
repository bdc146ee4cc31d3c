# kind: dos
# expect: blocked
# desc: base64.b85encode/b85decode build a list of words and chunks in the host: ~44 bytes a byte of input, past the memory limit before any check
import base64
x = base64.b85encode(bytes(range(256)) * 40_000)
y = base64.b85decode(x * 8)
len(y)
