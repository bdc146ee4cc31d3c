# kind: dos
# expect: blocked
# desc: shlex.split of a huge command line
import shlex
shlex.split('a "b c" ' * 10**6)
