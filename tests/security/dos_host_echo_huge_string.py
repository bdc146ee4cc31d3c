# kind: dos
# expect: blocked
# desc: a 200 MB string handed to a host function and the copy kept (boundary copy not accounted?)
s = 'h' * (200 * 1024 * 1024)
t = echo(s)
u = echo(s + 'x')
