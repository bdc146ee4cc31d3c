# kind: dos
# expect: blocked
# desc: hashlib.pbkdf2_hmac with 10**9 iterations (one C call)
import hashlib
hashlib.pbkdf2_hmac('sha256', b'pw', b'salt', 10 ** 9)
