# kind: escape
# expect: blocked
# desc: pathlib: cwd/home/absolute/resolve/expanduser/read_text/open/glob to reach the host file system
import pathlib
out = []
P = pathlib.Path
for call in (lambda: P.cwd(), lambda: P.home(), lambda: P('.').absolute(), lambda: P('.').resolve(),
             lambda: P('~').expanduser(), lambda: P('/etc/hostname').read_text(), lambda: P('/etc').iterdir(),
             lambda: list(P('/').glob('*')), lambda: P('/etc/passwd').open().read(), lambda: P('x').touch(),
             lambda: P('y').write_text('ESC' + 'APED'), lambda: pathlib.PurePath('~').expanduser(),
             lambda: pathlib.os, lambda: P('/').stat()):
    try:
        out.append(repr(call())[:80])
    except Exception:
        pass
s = ' '.join(out)
('ESC' + 'APED' + ':' + s) if 'home' in s or '/tmp' in s or 'root' in s or 'module' in s else s
