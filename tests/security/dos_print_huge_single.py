# kind: dos
# expect: blocked
# desc: one print of a 200 MB string
print('x' * (200 * 1024 * 1024))
