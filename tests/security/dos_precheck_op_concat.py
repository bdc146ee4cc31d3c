# kind: dos
# expect: blocked
# desc: operator.concat doubling a str
import operator
s = 'x' * 1000
while True:
    s = operator.concat(s, s)
