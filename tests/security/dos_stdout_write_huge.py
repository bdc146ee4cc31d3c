# kind: dos
# expect: blocked
# desc: sys.stderr.write of a 250 MB string after a 10 MB write loop
import sys
for _ in range(10):
    sys.stdout.write('a' * 10 ** 6)
sys.stderr.write('b' * (250 * 1024 * 1024))
