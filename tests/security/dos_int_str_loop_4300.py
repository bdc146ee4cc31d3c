# kind: dos
# expect: blocked
# desc: str() of a 4299-digit int in an endless loop (within the digit limit)
x = 10 ** 4298
n = 0
while True:
    n += len(str(x))
