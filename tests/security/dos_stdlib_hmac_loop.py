# kind: dos
# expect: blocked
# desc: hmac over growing keys in a loop
import hmac
k = b'k'
while True:
    k = k + k
    hmac.new(k, k, 'sha256').digest()
