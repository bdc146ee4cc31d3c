# kind: dos
# expect: blocked
# desc: SystemExit raised inside a generator consumed by list(), and KeyboardInterrupt from an except handler
def g():
    yield 1
    raise SystemExit(1)
try:
    list(g())
except ValueError:
    pass
try:
    1 / 0
except ZeroDivisionError:
    raise KeyboardInterrupt
