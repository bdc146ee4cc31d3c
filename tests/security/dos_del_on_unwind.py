# kind: dos
# expect: blocked
# desc: an object with a looping __del__ held by a frame the time limit unwinds (freed later: in the next run, or by the host)
class A:
    def __del__(self):
        while True:
            pass
def f():
    a = A()
    while True:
        pass
f()
