# kind: dos
# expect: blocked
# desc: f-string with a computed huge width
w = 10 ** 10
s = f'{1:{w}}'
