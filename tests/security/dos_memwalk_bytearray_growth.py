# kind: dos
# expect: blocked
# desc: a bytearray grown in place by native extend
b = bytearray()
while True:
    b.extend(b"x" * 4096)
