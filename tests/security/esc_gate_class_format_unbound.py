# kind: escape
# expect: blocked
# desc: str subclass: S.format(S(fmt), x) read from the class, unbound
class S(str):
    pass
def f():
    pass
s = S.format(S('{0.__code__.co_consts}'), f)
('ESC' + 'APED:' + s) if '(' in s else s
