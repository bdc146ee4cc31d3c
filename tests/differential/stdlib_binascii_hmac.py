# binascii hex round trip
import binascii
h = binascii.hexlify(b'\x01\xffab')
[h, binascii.unhexlify(h), binascii.hexlify(b'abc', '-'), binascii.b2a_hex(b'\x10'), binascii.a2b_hex('0aFF')]
# ---
# binascii base64 and crc32
import binascii
b = binascii.b2a_base64(b'hello world')
[b, binascii.a2b_base64(b), binascii.b2a_base64(b'x', newline=False), binascii.crc32(b'hello'), binascii.crc32(b' world', binascii.crc32(b'hello')), binascii.crc_hqx(b'abc', 0)]
# ---
# binascii odd-length hex is an error
import binascii
binascii.unhexlify(b'abc')
# ---
# hmac new and digest
import hmac, hashlib
m = hmac.new(b'secret', b'message', hashlib.sha256)
m2 = hmac.new(b'secret', digestmod='sha1')
m2.update(b'part1')
m2.update(b'part2')
[m.hexdigest(), m.name, m.digest_size, m2.hexdigest(), hmac.digest(b'k', b'msg', 'md5'), m.copy().hexdigest() == m.hexdigest()]
# ---
# hmac compare_digest
import hmac
[hmac.compare_digest(b'abc', b'abc'), hmac.compare_digest('abc', 'abd'), hmac.compare_digest(b'a', b'ab')]
# ---
# hmac without digestmod
import hmac
hmac.new(b'key', b'msg')
