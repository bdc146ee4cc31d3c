# kind: dos
# expect: blocked
# desc: f-string and repr of a 4299-digit int in a loop (quadratic conversion per iteration)
x = 7 ** 5080
while True:
    s = f'{x}' + repr(x)
