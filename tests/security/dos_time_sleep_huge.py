# kind: dos
# expect: blocked
# desc: time.sleep with a huge value (a real sleep would hang the host thread)
import time
time.sleep(10 ** 6)
