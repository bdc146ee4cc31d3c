# kind: escape
# expect: blocked
# desc: host functions handed sandbox objects with malicious __str__/__eq__/__hash__/__len__
hits = []
class Evil:
    def __str__(self):
        hits.append('str')
        return 'x'
    def __eq__(self, o):
        hits.append(('eq', type(o).__name__))
        return True
    def __hash__(self):
        hits.append('hash')
        return 1
    def __len__(self):
        hits.append('len')
        return 1
    def __index__(self):
        return 0
e1, e2, e3 = Evil(), [Evil()], {Evil(): 1}
hits.clear()
for call in (lambda: echo(e1), lambda: echo(e2), lambda: echo(e3),
             lambda: echo(x=e1), lambda: host_fail(e1), lambda: echo(*e2), lambda: echo(**{'k': e1})):
    try:
        call()
    except Exception:
        pass
('ESC' + 'APED' + ':' + repr(hits)) if hits else 'clean'
