# kind: dos
# expect: blocked
# desc: OSError shows its filename outside its args: a list DAG as the file name, escaping and printed inside
x = [1]
for _ in range(60):
    x = [x, x]
e = OSError(2, 'gone', x)
try:
    s = str(e)
except Exception:
    pass
raise e
