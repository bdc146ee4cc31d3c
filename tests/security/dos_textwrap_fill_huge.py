# kind: dos
# expect: blocked
# desc: textwrap.fill of ten million words at width 1
import textwrap
textwrap.fill('ab ' * 10 ** 7, width=1)
