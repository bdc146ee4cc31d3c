# kind: dos
# expect: blocked
# desc: print(*generator) of 100-char strings forever (star args drain an infinite generator)
def g():
    while True:
        yield 'q' * 100
print(*g())
