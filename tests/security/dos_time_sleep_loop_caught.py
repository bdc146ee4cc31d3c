# kind: dos
# expect: blocked
# desc: time.sleep(1) in a loop, each wrapped in try/except Exception
import time
n = 0
while True:
    try:
        time.sleep(1)
        n += 1
    except Exception:
        pass
