# kind: dos
# expect: blocked
# desc: hashlib.scrypt with n=2**20, r=8 (1 GiB of scratch memory) and shake output of 10**10
import hashlib
try:
    hashlib.scrypt(b'pw', salt=b's', n=2 ** 20, r=8, p=1, maxmem=2 ** 31)
except Exception:
    pass
hashlib.shake_256(b'x').digest(10 ** 10)
