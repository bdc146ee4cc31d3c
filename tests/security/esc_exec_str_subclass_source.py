# kind: escape
# expect: blocked
# desc: exec/eval/compile of str and bytes subclasses whose methods lie: the compiled text is the object's own data, and no method of it runs in the host
ran = []
class S(str):
    def __str__(self):
        ran.append("str")
        return "ESC" + "APED_1"
    def __iter__(self):
        ran.append("iter")
        return iter("x")
    def encode(self, *a):
        ran.append("encode")
        return b"x"
    def __getitem__(self, i):
        ran.append("getitem")
        return "x"
    def __len__(self):
        ran.append("len")
        return 0
    def lstrip(self, *a):
        ran.append("lstrip")
        return self
    def __contains__(self, x):
        ran.append("contains")
        return False
class B(bytes):
    def decode(self, *a):
        ran.append("decode")
        return "x"
res = [eval(S("'safe' + '1'")), eval(B(b"'safe' + '2'"))]
exec(S("r3 = 'safe3'"))
res.append(r3)
c = compile(S("'safe4'"), S("file"), "eval")
res.append(eval(c))
s = repr(res) + repr(ran)
("ESC" + "APED:" + s) if ran or "ESCAPED" in s else s
