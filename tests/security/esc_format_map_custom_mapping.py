# kind: escape
# expect: blocked
# desc: format_map with a custom mapping whose __getitem__ returns functions, then attribute traversal
def target():
    pass
class M:
    def __getitem__(self, k):
        return target
out = []
for fmt in ('{x.__globals__}', '{x.__code__.co_filename}', '{x.__builtins__}', '{x.__class__.__mro__[1].__subclasses__}'):
    try:
        out.append(fmt.format_map(M()))
    except Exception:
        out.append('-')
s = '|'.join(out)
('ESC' + 'APED' + ':' + s) if '__builtins__' in s or '.py' in s or 'built-in' in s else s
