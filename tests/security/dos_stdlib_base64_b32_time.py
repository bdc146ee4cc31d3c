# kind: dos
# expect: blocked
# desc: base64.b32encode/b32decode are Python code in CPython (about 0.5 us a byte): a 30 MB input ran 30 s in the host past a 2 s limit with no charge
import base64
x = base64.b32encode(b'ab' * 15_000_000)
len(base64.b32decode(x))
