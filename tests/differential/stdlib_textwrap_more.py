# textwrap.TextWrapper objects
import textwrap
w = textwrap.TextWrapper(width=20, initial_indent='* ', subsequent_indent='  ')
text = 'The quick brown fox jumps over the lazy dog and keeps on running far away.'
lines = w.wrap(text)
w.width = 30
w.max_lines = 2
[lines, w.fill(text), w.width, w.placeholder, textwrap.TextWrapper().width]
# ---
# textwrap.shorten and TextWrapper options
import textwrap
w = textwrap.TextWrapper(width=10, break_long_words=False, break_on_hyphens=False)
[textwrap.shorten('Hello  world, this is a test', width=15), textwrap.shorten('Hello world', width=11, placeholder='..'), w.wrap('supercalifragilistic well-known words')]
