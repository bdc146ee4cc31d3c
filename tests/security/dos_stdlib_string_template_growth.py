# kind: dos
# expect: blocked
# desc: string.Template substitution growing without end
import string
t = '$x$x'
while True:
    t = string.Template(t).substitute(x='$x$x')
