# kind: dos
# expect: blocked
# desc: string.Formatter with a huge field width
import string
string.Formatter().format('{:>{w}}', 'x', w=10**12)
