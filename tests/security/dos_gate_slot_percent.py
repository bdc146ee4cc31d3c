# kind: dos
# expect: blocked
# desc: str subclass: __mod__ with a huge * width
class S(str):
    pass
S('%*s').__mod__((10 ** 9, 'a'))
