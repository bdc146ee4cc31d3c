# kind: dos
# expect: blocked
# desc: __init_subclass__ creating a further subclass each time
class A:
    def __init_subclass__(cls, **kw):
        class B(cls):
            pass
class C(A):
    pass
