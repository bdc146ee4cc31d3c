# re.match returns a span and groups
import re
m = re.match(r'(\w+) (\w+)', 'hello world again')
[m.group(), m.group(1), m.group(2), m.groups(), m.span(), m.start(2), m.end(1)]
# ---
# re.search with named groups and groupdict
import re
m = re.search(r'(?P<key>\w+)=(?P<val>\d+)', 'x: a=12; b=3')
[m['key'], m.group('val'), m.groupdict(), m.lastindex, m.lastgroup, m.span('val')]
# ---
# no match gives None
import re
[re.match('b', 'abc'), re.fullmatch('a', 'ab'), re.search('z', 'abc')]
# ---
# fullmatch
import re
[bool(re.fullmatch(r'\d{3}-\d{4}', '555-1234')), re.fullmatch(r'\d+', '12a')]
# ---
# findall with and without groups
import re
[re.findall(r'\d+', 'a1b22c333'), re.findall(r'(\w)(\d)', 'a1 b2 c'), re.findall(r'(a)|b', 'ab')]
# ---
# finditer spans
import re
[(m.group(), m.start()) for m in re.finditer(r'[aeiou]', 'education')]
# ---
# sub with a string template and backreferences
import re
[re.sub(r'(\w+)@(\w+)', r'\2 at \1', 'joe@example'), re.sub(r'(?P<n>\d)', r'<\g<n>>', 'a1b2'), re.sub('a', 'b', 'aaa', count=2)]
# ---
# sub with a function replacement
import re
def double(m):
    return str(int(m.group()) * 2)
re.sub(r'\d+', double, 'a1 b22 c333')
# ---
# sub with a lambda and subn counts
import re
[re.subn(r'\s+', ' ', 'a   b \t c'), re.sub('x', lambda m: m.group().upper(), 'xaxbx')]
# ---
# split with groups, maxsplit and empty matches
import re
[re.split(r'[,;]\s*', 'a, b;c'), re.split(r'(-)', 'a-b-c'), re.split(r'\s', 'a b c d', maxsplit=2), re.split(r'x*', 'axbc')]
# ---
# flags: IGNORECASE, MULTILINE, DOTALL, VERBOSE
import re
[re.findall('^a', 'a\nA\na', re.M | re.I), re.match('a.b', 'a\nb', re.S).group(), re.match(r'''
  \d+   # digits
  \s*   # space
  [a-z]+''', '12 ab', re.X).group(), re.findall(r'\w', 'é1', re.A)]
# ---
# compiled pattern attributes
import re
p = re.compile(r'(?P<a>x)(y)', re.I)
[p.pattern, p.flags, p.groups, dict(p.groupindex), repr(p), p.match('XY').group(2)]
# ---
# pattern methods take pos and endpos
import re
p = re.compile(r'\d')
m = p.search('a1b2', 2)
[m.group(), m.pos, m.endpos, p.match('12', 1).group(), p.findall('1234', 1, 3), p.fullmatch('a5b', 1, 2).group()]
# ---
# match repr and string/re attributes
import re
p = re.compile('b+')
m = p.search('abbc')
[repr(m), m.string, m.re is p, m.re.pattern]
# ---
# escape
import re
[re.escape('a.b*c'), re.escape('hello world'), re.match(re.escape('1+1'), '1+1').group()]
# ---
# groups with defaults and optional groups
import re
m = re.match(r'(a)(b)?(c)?', 'ac')
[m.groups(), m.groups('-'), m.group(2), m.span(2), m.groupdict()]
# ---
# lookahead, lookbehind and non-greedy
import re
[re.findall(r'\w+(?=!)', 'hi! yo! no'), re.findall(r'(?<=\$)\d+', '$10 $20 30'), re.match(r'<.*?>', '<a><b>').group()]
# ---
# backreference in the pattern
import re
[re.findall(r'(\w)\1', 'aabbcd'), bool(re.match(r'(\w+) \1', 'the the'))]
# ---
# bytes patterns
import re
[re.findall(rb'\d+', b'a12b3'), re.sub(rb'a', b'X', b'banana')]
# ---
# error: unbalanced parenthesis
import re
re.compile('(ab')
# ---
# error: nothing to repeat
import re
re.compile('*a')
# ---
# error: bad escape
import re
re.compile(r'\q')
# ---
# error attributes
import re
try:
    re.compile('a)')
except re.error as e:
    r = [e.msg, e.pos, str(e)]
r
# ---
# error: no such group
import re
re.match('(a)', 'a').group(3)
# ---
# error: invalid group reference in the template
import re
re.sub('(a)', r'\2', 'a')
# ---
# error: str pattern on bytes
import re
re.match('a', b'a')
# ---
# error: non-string argument
import re
re.match('a', 5)
# ---
# flags with a compiled pattern
import re
re.compile(re.compile('a'), re.I)
# ---
# compile returns a usable pattern again
import re
p = re.compile('a')
[re.compile(p) is p, re.match(p, 'abc').group()]
# ---
# Match.expand and indexing
import re
m = re.match(r'(?P<first>\w+) (\w+)', 'Jane Doe')
[m.expand(r'\2, \g<first>'), m[0], m[2]]
# ---
# replacement function returning a non-string
import re
re.sub('a', lambda m: 1, 'abc')
# ---
# isinstance and type names of pattern and match
import re
p = re.compile('a')
m = p.match('a')
[isinstance(p, re.Pattern), isinstance(m, re.Match), type(p).__name__, type(m).__name__]
# ---
# exception raised inside the replacement function propagates
import re
def bad(m):
    raise KeyError('boom')
try:
    re.sub('a', bad, 'aa')
except KeyError as e:
    r = repr(e)
r
# ---
# flag values are ints that combine
import re
[int(re.I | re.M), re.IGNORECASE == re.I, int(re.S), int(re.X), int(re.A)]
# ---
# replacement function returning None inserts nothing; a later bad item is numbered
import re
re.sub('a', lambda m: None if m.start() == 0 else 5, 'abca')
# ---
# a Pattern method called on another object
import re
re.Pattern.match('a', 'a')
# ---
# Match methods take a bool group number as the int it is
import re
m = re.match(r'(\w+) (\w+)', 'hello world')
[m.group(True), m.group(False), m.start(True), m.end(True), m.span(True), m.span(False), m[True]]
# ---
# counted repeats, nested, within the sandbox's expansion bound
import re
[bool(re.fullmatch('(?:a{10}){100}', 'a' * 1000)), re.match('(?:ab{2,3}){3}c', 'abbabbbabbc').group(),
 re.findall(rb'(?:x{2}){2,}', b'xxxxxxxxx'), re.sub('a{3}', '-', 'aaaaaaa'), bool(re.match('a{1000}', 'a' * 999)),
 re.compile('(?:(?:a{5}){5}){5}').pattern, re.search('{', 'a{b').start(), re.findall('x{,2}y', 'xxxy')]
# ---
# sub whose result could be large is built with its size checked as it grows: same results
import re
r1 = re.sub('a', 'b' * 2000, 'a' * 700 + 'c')
r2 = re.sub(r'(a)(?P<k>b)?', r'\1<\g<k>>' * 400, 'ab' * 500 + 'a', count=300)
r3 = re.subn(rb'x', b'yz' * 1000, b'x-' * 800)
r4 = re.compile(r'\d').sub(r'[\g<0>]' * 300, '1a2b3' * 500)
[len(r1), r1[:5], r1[-3:], len(r2), r2[:40], r3[1], len(r3[0]), len(r4), r4[:20]]
