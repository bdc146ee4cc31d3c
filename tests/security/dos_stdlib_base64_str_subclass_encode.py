# kind: dos
# expect: blocked
# desc: a str subclass's encode() swaps in 40 MB of data after base64's size check read 8 characters (CPython's _bytes_from_decode_data calls s.encode('ascii'))
import base64
big = b'A' * 40_000_000
class S(str):
    def encode(self, *a, **k):
        return big
r = base64.b32decode(S('AAAAAAAA'))
len(r)
