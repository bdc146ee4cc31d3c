# case conversion
s = 'hello World ß'
[s.upper(), s.lower(), s.title(), s.capitalize(), s.swapcase(), s.casefold(), 'ǅ'.lower()]
# ---
# strip family
s = '  \t padded \n'
[s.strip(), s.lstrip(), s.rstrip(), 'xxhixx'.strip('x'), '-=a=-'.strip('-='), 'www.example.com'.lstrip('w.'), 'abc'.rstrip('')]
# ---
# removeprefix and removesuffix
['test_case'.removeprefix('test_'), 'test_case'.removeprefix('x'), 'file.py'.removesuffix('.py'), 'file.py'.removesuffix('.txt')]
# ---
# split with and without a separator and maxsplit
['a b  c'.split(), 'a b  c'.split(' '), 'a,b,,c'.split(','), 'a,b,c'.split(',', 1), 'a,b,c'.rsplit(',', 1), ''.split(), ''.split(','), '  x  '.split(), 'a1b1c'.split('1', maxsplit=0)]
# ---
# splitlines and partition
['l1\nl2\r\nl3\n'.splitlines(), 'l1\nl2\n'.splitlines(True), 'k=v=w'.partition('='), 'k=v=w'.rpartition('='), 'none'.partition('='), 'none'.rpartition('=')]
# ---
# join
[', '.join(['a', 'b', 'c']), ''.join('xyz'), '-'.join([]), '/'.join(('usr', 'bin')), ' '.join(str(n) for n in range(3)), ':'.join({'k': 1, 'j': 2})]
# ---
# joining non-strings raises TypeError
', '.join(['a', 1])
# ---
# find, rfind, index, rindex and count
s = 'abracadabra'
[s.find('bra'), s.rfind('bra'), s.find('z'), s.index('c'), s.rindex('a'), s.count('a'), s.count('abra'), s.find('a', 1), s.find('a', 1, 3), s.count(''), s.find('')]
# ---
# index of a missing substring raises ValueError
'abc'.index('z')
# ---
# startswith and endswith, with tuples and ranges
s = 'filename.tar.gz'
[s.startswith('file'), s.endswith('.gz'), s.endswith(('.zip', '.gz')), s.startswith('name', 4), s.startswith(('a', 'b')), s.endswith('tar', 0, 12)]
# ---
# replace with and without a count
['aaa'.replace('a', 'b'), 'aaa'.replace('a', 'b', 2), 'abc'.replace('', '-'), 'hello'.replace('l', ''), 'x'.replace('y', 'z')]
# ---
# character class tests
vals = ['123', '12.3', 'abc', 'aBc', 'ABC', 'abc123', '   ', '', 'Title Case', '½', '٣']
[[v.isdigit(), v.isalpha(), v.isalnum(), v.isspace(), v.isupper(), v.islower(), v.istitle(), v.isnumeric(), v.isdecimal()] for v in vals]
# ---
# isidentifier and isascii and isprintable
[['x1', '1x', '_', 'a b', 'é', ''][i].isidentifier() for i in range(6)] + ['abc'.isascii(), 'é'.isascii(), 'a\tb'.isprintable(), 'ab'.isprintable()]
# ---
# padding: center, ljust, rjust, zfill
['ab'.center(6), 'ab'.center(7, '*'), 'ab'.ljust(5, '.'), 'ab'.rjust(5), '42'.zfill(5), '-42'.zfill(6), '+7'.zfill(4), 'long'.center(2), 'x'.ljust(0)]
# ---
# fill character must be one character: raises TypeError
'ab'.center(6, '--')
# ---
# expandtabs
['a\tb'.expandtabs(), 'a\tb'.expandtabs(4), '\t\t'.expandtabs(2), 'ab\tc\td'.expandtabs(3)]
# ---
# str.format with methods and nested fields
['{0}{1}{0}'.format('a', 'b'), '{:*^9}'.format('mid'), '{:,.2f}'.format(1234.5), '{name:>{w}}'.format(name='x', w=4), '{0[k]}'.format({'k': 'v'}), '{:b}'.format(10)]
# ---
# format_map with a dict
'{a} and {b}'.format_map({'a': 1, 'b': 2})
# ---
# maketrans and translate
t = str.maketrans('abc', 'xyz', 'd')
['abcdabcd'.translate(t), 'hello'.translate({ord('l'): 'L', ord('o'): None}), str.maketrans({'a': 'b'}) == {97: 'b'}]
# ---
# encode to bytes
['héllo'.encode(), 'abc'.encode('ascii'), 'é'.encode('latin-1'), 'é'.encode('ascii', 'replace'), 'é'.encode('ascii', 'ignore')]
# ---
# encoding a non-ascii character to ascii raises UnicodeEncodeError
'é'.encode('ascii')
# ---
# methods chain
'  Hello, World  '.strip().lower().replace(',', '').split()
# ---
# string methods never mutate
s = 'abc'
t = s.upper()
[s, t]
# ---
# bytes methods mirror str methods
b = b'Hello, World'
[b.upper(), b.lower(), b.split(b', '), b.replace(b'l', b'L'), b.find(b'o'), b.count(b'l'), b.startswith(b'He'), b.strip(b'Hd'), b'-'.join([b'a', b'b']), b.isalpha(), b'123'.isdigit()]
# ---
# bytes hex, fromhex and decode
[b'\x00\xffab'.hex(), bytes.fromhex('48 69'), b'caf\xc3\xa9'.decode(), b'abc'.decode('ascii'), b'\xff'.decode('utf-8', 'replace'), b'a:b'.hex(':'), bytes(3), bytes('hi', 'utf-8')]
# ---
# decoding invalid utf-8 raises UnicodeDecodeError
b'\xff\xfe'.decode('utf-8')
# ---
# bytes iterate as ints
[list(b'AB'), [c for c in b'\x01\x02'], sum(b'\x01\x02\x03'), 65 in b'ABC', b'B' in b'ABC']
# ---
# mixing str and bytes in a bytes method raises TypeError
b'abc'.split('b')
# ---
# startswith with a list prefix raises TypeError
'abc'.startswith(['a'])
# ---
# count with a non-string raises TypeError
'abc'.count(1)
# ---
# replace called with too few arguments raises TypeError
'abc'.replace('a')
