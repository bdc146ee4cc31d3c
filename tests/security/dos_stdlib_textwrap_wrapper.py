# kind: dos
# expect: blocked
# desc: a TextWrapper whose indent is set huge after construction, on a long text
import textwrap
w = textwrap.TextWrapper(width=5)
w.initial_indent = ' ' * 100000
w.subsequent_indent = ' ' * 100000
w.wrap('ab ' * 1000000)
