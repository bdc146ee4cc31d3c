# kind: escape
# expect: blocked
# desc: bound method of a sandbox class: __func__, __self__, __func__.__globals__, __closure__
class A:
    def m(self):
        return 1
a = A()
out = []
for call in (lambda: a.m.__func__.__globals__, lambda: a.m.__func__.__code__, lambda: a.m.__self__.__class__.__mro__[-1].__subclasses__(),
             lambda: A.m.__globals__, lambda: a.m.__reduce__(), lambda: a.__init__.__self__):
    try:
        out.append(repr(call())[:100])
    except Exception:
        pass
s = ' '.join(out)
('ESC' + 'APED' + ':' + s) if '__builtins__' in s or 'code object' in s or 'Popen' in s else s
