# kind: dos
# expect: blocked
# desc: ''.join(iter(str, 1))
''.join(iter(str, 1))
