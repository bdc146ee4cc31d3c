# hashlib shake digests of chosen lengths
import hashlib
s = hashlib.shake_128(b'data')
s.update(b'more')
[s.hexdigest(8), s.digest(4).hex(), hashlib.shake_256(b'x').hexdigest(16), s.name, hashlib.new('shake_128', b'a').hexdigest(2)]
# ---
# hashlib pbkdf2_hmac and blake2 options
import hashlib
[hashlib.pbkdf2_hmac('sha256', b'password', b'salt', 1000).hex(), hashlib.pbkdf2_hmac('sha1', b'pw', b'salt', 10, dklen=8).hex(), hashlib.blake2b(b'abc', digest_size=16, key=b'k').hexdigest(), hashlib.blake2s(b'abc', person=b'me').hexdigest()]
# ---
# hashlib unknown pbkdf2 hash
import hashlib
hashlib.pbkdf2_hmac('nope', b'p', b's', 1)
