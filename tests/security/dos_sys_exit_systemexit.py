# kind: dos
# expect: blocked
# desc: sys.exit / raise SystemExit / KeyboardInterrupt must not stop the host
import sys
try:
    sys.exit(3)
except BaseException:
    pass
raise KeyboardInterrupt
