# kind: escape
# expect: blocked
# desc: print() of objects whose __str__/__repr__ return host-ish text, end/sep as objects, file=sys.stdout
import sys
class S:
    def __str__(self):
        return repr(self.__class__.__mro__)
out = []
for call in (lambda: print(S()), lambda: print(1, sep=S()), lambda: print(1, end=S()), lambda: print(1, file=sys.stdout, flush=True),
             lambda: print(sys.stdout), lambda: print(print), lambda: print(echo)):
    try:
        call()
    except Exception as e:
        out.append(type(e).__name__)
repr(out)
