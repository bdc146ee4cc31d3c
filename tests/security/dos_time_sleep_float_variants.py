# kind: dos
# expect: blocked
# desc: time.sleep(inf / 1e300 / 2**63): each rejected or cut at the deadline
import time
for v in (float('inf'), 1e300, 2 ** 63, 86400.0 * 365):
    try:
        time.sleep(v)
    except (ValueError, OverflowError):
        pass
