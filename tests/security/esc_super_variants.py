# kind: escape
# expect: blocked
# desc: super(type, obj) / super(int, 1) / super(object) proxies asking for dunders
class A:
    def m(self):
        return super()
out = []
for call in (lambda: super(int, 1).__reduce_ex__(2), lambda: super(object).__self_class__,
             lambda: A().m().__thisclass__.__base__.__subclasses__(), lambda: super(type, int).__subclasses__(),
             lambda: super(A, A()).__init__.__globals__):
    try:
        out.append(repr(call())[:100])
    except Exception:
        pass
s = ' '.join(out)
('ESC' + 'APED' + ':' + s) if 'Popen' in s or 'copyreg' in s or '__builtins__' in s else s
