# kind: escape
# expect: blocked
# desc: breakpoint()/help()/input() to reach the host terminal
input('x')
'ESC' + 'APED:' + 'input'
