# kind: dos
# expect: blocked
# desc: ''.join(iter(str, 1))
# margin: 1.0
''.join(iter(str, 1))
