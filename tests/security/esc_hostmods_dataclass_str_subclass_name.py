# kind: escape
# expect: blocked
# desc: a str subclass whose isidentifier() says yes as a dataclass field name: its text becomes the body of the generated __eq__, run on the host
import dataclasses
class S(str):
    def isidentifier(self):
        return True
out = []
try:
    class A:
        __annotations__ = {S("x,)==(0,)or __import__('os').getcwd()#"): int}
        x = 1
    A = dataclasses.dataclass(init=False, repr=False)(A)
    a = A()
    out.append(str(a == a))
except Exception as e:
    out.append(type(e).__name__)
s = ' '.join(out)
('ESC' + 'APED' + ':' + s) if '/' in s or 'SyntaxError' in s else s
