# kind: dos
# expect: blocked
# desc: sys.stdout.write loop of 64 KB chunks
import sys
chunk = 'z' * 65536
while True:
    sys.stdout.write(chunk)
