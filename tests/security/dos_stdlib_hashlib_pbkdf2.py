# kind: dos
# expect: blocked
# desc: pbkdf2_hmac with a billion iterations
import hashlib
hashlib.pbkdf2_hmac('sha512', b'p', b's', 10**9)
