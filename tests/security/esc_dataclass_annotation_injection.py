# kind: escape
# expect: blocked
# desc: dataclass field names from a hand-written __annotations__ that inject code into the generated __init__
import dataclasses
out = []
try:
    ns = {'__annotations__': {"x=__import__('os').getcwd()": int}}
    class A:
        __annotations__ = {"y=open('/etc/hostname').read()": int, 'z': 'int'}
    A = dataclasses.dataclass(A)
    out.append(repr(A.__init__.__defaults__))
    out.append(repr(A()))
except Exception as e:
    out.append(type(e).__name__)
try:
    B = dataclasses.make_dataclass('B', [("q=__import__('os').getcwd()", int)])
    out.append(repr(B()))
except Exception as e:
    out.append(type(e).__name__)
s = ' '.join(out)
('ESC' + 'APED' + ':' + s) if '/' in s else s
