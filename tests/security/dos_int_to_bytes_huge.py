# kind: dos
# expect: blocked
# desc: (1).to_bytes(10**10) and int.from_bytes of 200 MB then bin()
try:
    a = (1).to_bytes(10 ** 10, 'big')
except OverflowError:
    pass
x = int.from_bytes(b'\xff' * (40 * 1024 * 1024), 'big')
s = bin(x)
