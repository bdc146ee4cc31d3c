# kind: dos
# expect: blocked
# desc: busy wait until time.time() passes a far deadline
import time
end = time.time() + 3600
while time.time() < end:
    pass
