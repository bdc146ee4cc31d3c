# kind: dos
# expect: blocked
# desc: readline on a StringIO whose contents keep doubling
import io
s = io.StringIO('a\n')
while True:
    s.seek(0, 2)
    s.write(s.getvalue())
