# kind: dos
# expect: blocked
# desc: ''.join of a generator of 10 MB strings
''.join('x' * 10 ** 7 for _ in range(1000))
