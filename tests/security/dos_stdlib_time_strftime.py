# kind: dos
# expect: blocked
# desc: strftime with a long format of expanding directives
import time
while True:
    time.strftime('%c' * 1000)
