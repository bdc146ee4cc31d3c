# kind: dos
# expect: blocked
# desc: time.sleep(1.99) then a busy loop to the deadline, so the two overlap
import time
time.sleep(1.99)
x = 0
while True:
    x += 1
