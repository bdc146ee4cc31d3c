# kind: escape
# expect: blocked
# desc: a base class docstring in the builtin text-signature format: dataclass() builds the subclass's docstring with inspect.signature, which resolves dotted names against host modules (sys.executable: any str constant of any host module)
import dataclasses
out = []
try:
    class B:
        "B(a=sys.executable, b=os.sep, c=posixpath.curdir)\n--\n\n"
    class C(B):
        pass
    C = dataclasses.dataclass(init=False)(C)
    out.append(str(C.__doc__))
except Exception as e:
    out.append(type(e).__name__)
s = ' '.join(out)
('ESC' + 'APED' + ':' + s) if '/' in s else s
