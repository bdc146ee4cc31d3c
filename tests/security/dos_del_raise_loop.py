# kind: dos
# expect: blocked
# desc: __del__ that raises, in a loop (exceptions in finalisers are swallowed by CPython)
class A:
    def __del__(self):
        raise ValueError('boom')
while True:
    A()
