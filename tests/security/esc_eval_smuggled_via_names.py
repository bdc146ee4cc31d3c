# kind: escape
# expect: blocked
# desc: looking up eval/exec/open through dict.get on vars(), dir() and the builtins module (eval/exec/compile/globals are the sandbox's own: nothing host-side through them)
import builtins
out = []
for src in (vars(), vars(builtins)):
    for n in ('eval', 'exec', 'open', '__import__', 'compile', 'globals', 'breakpoint', 'input', 'help', 'exit', 'quit', 'copyright', 'license'):
        v = src.get(n)
        if v is not None:
            out.append(n)
            try:
                out.append(repr(v('__import__("os").getcwd()')) if n == 'eval' else repr(v)[:40])
            except Exception:
                pass
s = ' '.join(out)
host_only = ('open', '__import__', 'breakpoint', 'input', 'help', 'exit', 'quit', 'copyright', 'license')
('ESC' + 'APED' + ':' + s) if '/' in s or any(n in s.split() for n in host_only) else s
