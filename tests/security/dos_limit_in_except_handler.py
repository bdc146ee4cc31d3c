# kind: dos
# expect: blocked
# desc: loop inside an except handler that catches everything
try:
    1 / 0
except BaseException:
    while True:
        try:
            pass
        except BaseException:
            pass
