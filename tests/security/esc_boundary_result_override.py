# kind: escape
# expect: blocked
# desc: a list/dict/str subclass result whose overrides would run on the host while the result is converted after the run
class L(list):
    def __iter__(self):
        return iter(["ESC" + "APED"])
class D(dict):
    def items(self):
        return [("k", "ESC" + "APED")]
    def keys(self):
        return ["ESC" + "APED"]
    def __iter__(self):
        return iter(["ESC" + "APED"])
class S(str):
    def __str__(self):
        return "ESC" + "APED"
class I(int):
    def __int__(self):
        return 7
    def __index__(self):
        return 7
[L([1]), D(a=1), S("plain"), I(3)]
