# kind: escape
# expect: blocked
# desc: attributes of inherited slot methods (__objclass__, __self__, __func__, __globals__) from a subclass
class S(str):
    pass
out = []
for get in (lambda: S.__mul__.__objclass__, lambda: S('a').__add__.__self__.__class__.__mro__,
            lambda: object.__setattr__.__self__, lambda: S.__init_subclass__.__func__,
            lambda: S.__new__.__self__, lambda: object.__init__.__globals__,
            lambda: super(S, S('a')).__repr__.__objclass__, lambda: S.mro):
    try:
        v = get()
        out.append('ESC' + 'APED:' + repr(v)[:40])
    except AttributeError:
        out.append('blocked')
out
