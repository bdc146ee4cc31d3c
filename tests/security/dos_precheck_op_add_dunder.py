# kind: dos
# expect: blocked
# desc: operator.__add__ doubling a list
import operator
s = [0] * 1000
while True:
    s = operator.__add__(s, s)
