# pathlib: construction, joining and normalisation
from pathlib import Path, PurePath, PurePosixPath
[str(Path('/usr', 'local', 'bin')), str(Path('start', '/absolute', 'end')), str(Path()),
 str(Path('/a/./b/../c')), str(Path('/a///b')), str(Path('./a')), repr(Path('/usr/bin')),
 repr(PurePath('x/y')), repr(PurePosixPath('/')), str(Path('/usr') / 'local' / Path('bin')),
 str('/usr' / Path('bin')), str('rel' / PurePosixPath('x')), str(Path('/usr') / '/etc'),
 str(Path('/usr').joinpath('local', 'bin')), Path('/usr/bin').as_posix(),
 Path('/usr/bin').__fspath__(), bytes(Path('/a/b'))]
# ---
# pathlib: name, stem, suffix, suffixes, parent, parents, parts, anchor
from pathlib import Path
p = Path('/path/to/file.tar.gz')
[p.name, p.stem, p.suffix, p.suffixes, str(p.parent), [str(x) for x in p.parents],
 len(p.parents), str(p.parents[0]), str(p.parents[-1]), [str(x) for x in p.parents[1:3]],
 p.parts, p.anchor, p.root, p.drive, Path('.bashrc').suffix, Path('/').name,
 str(Path('/').parent), Path('rel/x').parts, Path('rel/x').anchor]
# ---
# pathlib: with_name, with_stem, with_suffix, relative_to, is_relative_to, match
from pathlib import Path
p = Path('/home/user/notes.txt')
[str(p.with_name('todo.md')), str(p.with_stem('draft')), str(p.with_suffix('.py')),
 str(p.with_suffix('')), str(p.relative_to('/home')), str(p.relative_to('/home', 'user')),
 p.is_relative_to('/home'), p.is_relative_to('/etc'), p.match('*.txt'),
 p.match('user/*.txt'), p.match('/home/*/*.txt'), p.match('*.py'), p.is_absolute(),
 Path('a/b').is_absolute(), p.as_uri(), p.is_reserved()]
# ---
# pathlib: equality, hashing, ordering, isinstance
from pathlib import Path, PurePath, PurePosixPath, PureWindowsPath, PosixPath
a, b = Path('/a/b'), PurePosixPath('/a/b')
[a == b, a == '/a/b', hash(a) == hash(b), Path('a') < Path('b'), Path('a/b') > Path('a'),
 [str(x) for x in sorted([Path('c'), Path('a'), Path('b/a')])], len({Path('x'), Path('x/')}),
 isinstance(a, PurePath), isinstance(a, Path), isinstance(a, PosixPath),
 isinstance(b, Path), type(a).__name__, type(PurePath('x')).__name__,
 PureWindowsPath('a') == PurePosixPath('a')]
# ---
# pathlib: Windows pure paths
from pathlib import PureWindowsPath
w = PureWindowsPath('C:/Users/Me/file.TXT')
[str(w), repr(w), w.drive, w.root, w.anchor, w.parts, w.name, w.suffix, str(w.parent),
 w.as_posix(), w == PureWindowsPath('c:\\users\\me\\FILE.txt'), w.is_absolute(),
 str(PureWindowsPath('//server/share/x')), PureWindowsPath('nul').is_reserved()]
# ---
# pathlib: / with an unsupported operand
from pathlib import Path
Path('/usr') / 1
# ---
# pathlib: unsupported left operand
from pathlib import Path
b'/usr' / Path('bin')
# ---
# pathlib: a bad constructor argument
from pathlib import Path
Path('a', 3)
# ---
# pathlib: bytes are refused
from pathlib import PurePath
PurePath(b'a')
# ---
# pathlib: relative_to outside the path
from pathlib import Path
Path('/a/b').relative_to('/c')
# ---
# pathlib: an invalid suffix
from pathlib import Path
Path('a.txt').with_suffix('txt')
# ---
# pathlib: with_name on a path without a name
from pathlib import Path
Path('/').with_name('x')
# ---
# pathlib: the file system is not reachable
from pathlib import Path
Path('/etc/hostname').read_text() if False else hasattr(Path, 'zzz')
# ---
# pathlib: WindowsPath cannot be instantiated here
import pathlib
pathlib.WindowsPath('a')
# ---
# pathlib: str subclasses are used as their text, copies are equal paths
import copy
from pathlib import Path
class S(str):
    pass
p = Path(S('a/b')) / S('c')
out = [str(p), str(p.with_suffix(S('.x'))), str(p.with_stem(S('y'))), str(p.relative_to(S('a'))),
       p.match(S('b/c')), copy.copy(p) == p, copy.deepcopy(p) == p]
for name in (S('d'), S('/d'), S('.'), S('')):
    try:
        p.with_name(name)
    except (TypeError, ValueError) as e:
        out.append((type(e).__name__, str(e)))
try:
    p.match(S('c'))
except TypeError as e:
    out.append(str(e))
out
# ---
# pathlib: attrgetter on paths
from operator import attrgetter
from pathlib import Path
[attrgetter('name')(Path('/tmp/a.txt')), attrgetter('suffix', 'stem')(Path('/tmp/a.txt'))]
