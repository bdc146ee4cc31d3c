# kind: dos
# expect: blocked
# desc: base64.b64encode/b85encode of 150 MB
import base64
b = bytes(150 * 1024 * 1024)
x = base64.b85encode(b)
