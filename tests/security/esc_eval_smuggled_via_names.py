# kind: escape
# expect: blocked
# desc: looking up eval/exec/open through dict.get on vars(), dir() and the builtins module
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
('ESC' + 'APED' + ':' + s) if '/' in s or 'eval' in s.split() else s
