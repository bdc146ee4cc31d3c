# kind: dos
# expect: blocked
# desc: host_fail() raised and caught in a tight loop (host exception translated every time)
n = 0
while True:
    try:
        host_fail(n)
    except Exception:
        n += 1
