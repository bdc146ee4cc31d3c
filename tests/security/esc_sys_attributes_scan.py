# kind: escape
# expect: blocked
# desc: sys attributes that real sandboxes forget: modules, _getframe, exc_info, settrace, argv, path, executable, __dict__
import sys
out = []
for n in ('modules', '_getframe', 'exc_info', 'settrace', 'setprofile', 'argv', 'path', 'executable', '__dict__',
          '__stdout__', 'displayhook', 'excepthook', 'meta_path', 'path_hooks', 'addaudithook', 'orig_argv',
          'prefix', 'base_prefix', 'flags', '_xoptions', 'getrefcount', 'stdin', '__loader__', '_current_frames'):
    try:
        out.append((n, repr(getattr(sys, n))[:80]))
    except Exception:
        pass
try:
    out.append(repr(sys.stdout.write.__self__))
except Exception:
    pass
s = repr(out)
('ESC' + 'APED' + ':' + s) if '/' in s or 'frame' in s or 'module' in s else s
