# kind: dos
# expect: blocked
# desc: hashlib.new with a str subclass whose lower() answers 'sha256' to the check and 'pbkdf2_hmac' to the lookup: a billion PBKDF2 rounds in C
import hashlib
class S(str):
    calls = [0]
    def lower(self):
        self.calls[0] += 1
        return 'sha256' if self.calls[0] == 1 else 'pbkdf2_hmac'
hashlib.new(S('x'), 'sha256', password=b'p', salt=b's', iterations=10 ** 9)
