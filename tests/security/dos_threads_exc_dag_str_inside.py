# kind: dos
# expect: blocked
# desc: str(), repr(), format and print of an exception whose arg is a list DAG, inside sandbox code
x = [1]
for _ in range(60):
    x = [x, x]
e = ValueError(x, 2)
out = []
for f in (str, repr, lambda v: f"{v}", lambda v: "%s" % (v,), lambda v: "{}".format(v), print, lambda v: str([v])):
    try:
        out.append(len(f(e) or ""))
    except Exception as err:
        out.append(type(err).__name__)
out
