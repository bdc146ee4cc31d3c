# with statements on values that are not context managers (CPython's TypeError)
with 1:
    pass
# ---
with None as x:
    pass
# ---
def f():
    pass
with f:
    pass
# ---
with [1], [2]:
    pass
# ---
with {}:
    pass
# ---
with range(3) as r:
    pass
# ---
with iter([1]):
    pass
# ---
with ValueError("v"):
    pass
# ---
with len:
    pass
# ---
with print:
    pass
# ---
with "a" as a, 1 as b:
    pass
# ---
with (1 as a, 2 as b):
    pass
# ---
with 1:
    with 2:
        pass
# ---
with (1) as (a, b):
    pass
# ---
log = []
def make():
    log.append("make")
    return 5
try:
    with make() as x:
        log.append("body")
except TypeError as e:
    log.append(str(e))
try:
    x
except NameError as e:
    log.append(str(e))
log
# ---
def f():
    with 3:
        return 1
f()
# ---
log = []
def f():
    try:
        with 3.5:
            return "body"
    finally:
        log.append("finally")
try:
    f()
except TypeError as e:
    log.append(str(e))
log
# ---
out = []
for m in [1, "s", b"b", (), 2.5]:
    try:
        with m:
            out.append("body")
    except TypeError as e:
        out.append(str(e))
        continue
out
# ---
try:
    raise KeyError("k")
except KeyError:
    try:
        with 0:
            pass
    except TypeError as e:
        r = (str(e), type(e.__context__).__name__)
r
