# kind: dos
# expect: blocked
# desc: data grown in lists held by __slots__ attributes
class P:
    __slots__ = ("a",)
ps = P()
ps.a = []
while True:
    ps.a.append([1] * 10000)
