# string literals in all quote styles
['single', "double", '''triple single''', """triple double""", 'it\'s', "say \"hi\""]
# ---
# escape sequences
['a\tb', 'a\nb', 'back\\slash', '\x41\u00e9\U0001F600', '\101', 'nul\0end', len('\n\t\\')]
# ---
# raw strings keep backslashes
[r'a\nb', len(r'\n'), r'C:\path\to', rb'\d+']
# ---
# adjacent literals concatenate at compile time
('abc' 'def'
 "ghi")
# ---
# multi-line triple-quoted string keeps newlines
s = """line one
line two
  indented"""
[s, s.count('\n'), len(s)]
# ---
# concatenation and repetition
['ab' + 'cd', 'ab' * 3, 3 * 'x', 'ab' * 0, 'ab' * -2, '' + '']
# ---
# indexing and negative indexing
s = 'python'
[s[0], s[-1], s[2], s[-6], s[len(s) - 1]]
# ---
# non-ASCII strings index by code point
s = 'héllo wörld ✓'
[len(s), s[1], s[-1], s[6:11], s.upper()]
# ---
# str() and repr() of strings choose quotes
[str('a'), repr('a'), repr("it's"), repr('say "hi"'), repr('both \' and "'), repr('tab\there'), repr('é\x00\x7f')]
# ---
# str() and repr() of numbers and containers
[str(1), str(-2.5), str(True), str(None), repr([1, 'a', None]), str((1,)), repr({'k': (1, 2.0)}), str({1}), repr(set()), str(frozenset())]
# ---
# repr of floats is the shortest round-tripping form
[repr(0.1), repr(1e22), repr(1e16), repr(1.5e-7), repr(123456789.0), repr(-0.0), str(float('inf')), str(float('nan')), repr(2.0 ** 60)]
# ---
# bytes literals, indexing gives ints, slicing gives bytes
b = b'hello'
[b, b[0], b[-1], b[1:3], len(b), b + b'!', b * 2, b'\x00\xff', bytes([65, 66])]
# ---
# repr of bytes
[repr(b'abc'), repr(b"it's"), repr(b'\n\x00\xff'), str(b'x')]
# ---
# iterating a string gives one-character strings
out = []
for ch in 'abc':
    out.append(ch * 2)
out
# ---
# strings are immutable, build new ones
s = 'abc'
t = s
s += 'd'
[s, t]
# ---
# str() conversion in concatenation
n = 42
'value: ' + str(n) + ', half: ' + str(n / 2)
# ---
# percent formatting
['%d items' % 5, '%s and %s' % ('a', 'b'), '%5.2f|' % 3.14159, '%-4d|' % 7, '%x %o %X' % (255, 8, 255), '%r' % 'q', '100%%' % (), '%c' % 65, '%(a)s-%(b)d' % {'a': 'x', 'b': 2}]
# ---
# str.format
['{} {}'.format(1, 2), '{1} {0}'.format('a', 'b'), '{x}-{y}'.format(x=1, y=2), '{:>5}|'.format('ab'), '{0[1]}'.format([7, 8]), '{:.3}'.format(3.14159), '{!r}'.format('z'), '{{}}'.format()]
# ---
# indexing past the end raises IndexError
'abc'[3]
# ---
# assigning into a string raises TypeError
s = 'abc'
s[0] = 'x'
# ---
# multiplying two strings raises TypeError
'a' * 'b'
# ---
# concatenating str and bytes raises TypeError
'a' + b'b'
# ---
# string index must be an int: raises TypeError
i = '1'
'abc'[i]
# ---
# too few arguments for percent formatting raises TypeError
'%s %s' % ('a',)
# ---
# missing positional field in str.format raises IndexError
'{} {}'.format(1)
# ---
# missing named field in str.format raises KeyError
'{name}'.format(x=1)
# ---
# bytes item must be in range: raises ValueError
bytes([256])
# ---
# deleting from a string raises TypeError
s = 'abc'
del s[0]
