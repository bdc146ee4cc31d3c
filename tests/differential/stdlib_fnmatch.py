# fnmatch, fnmatchcase, filter
import fnmatch
names = ['a.py', 'b.txt', 'C.PY', '.hidden', 'dir/x.py', 'data[1].csv', 'a-b']
[fnmatch.fnmatch('a.py', '*.py'), fnmatch.fnmatch('C.PY', '*.py'), fnmatch.fnmatchcase('C.PY', '*.PY'),
 fnmatch.filter(names, '*.py'), fnmatch.filter(names, '?.*'), fnmatch.filter(names, '[ab]*'),
 fnmatch.filter(names, '[!ab]*'), fnmatch.filter(names, 'data[[]1].csv'), fnmatch.filter(names, '*[-]*'),
 fnmatch.fnmatch('.hidden', '*'), fnmatch.fnmatch('dir/x.py', '*.py')]
# ---
# fnmatch.translate
import fnmatch
[fnmatch.translate('*.py'), fnmatch.translate('a?[!b-d]*x'), fnmatch.translate('[z-a]'),
 fnmatch.translate('[!]'), fnmatch.translate('**a*b'), fnmatch.translate('[a&&b]')]
# ---
# fnmatch on bytes and bad types
import fnmatch
r = [fnmatch.fnmatch(b'x.py', b'*.py'), fnmatch.filter([b'a', b'b'], b'a')]
try:
    fnmatch.fnmatch(1, '*')
except TypeError as e:
    r.append(str(e))
r
