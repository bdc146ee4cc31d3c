# kind: dos
# expect: blocked
# desc: a StringIO written after seeking 10**12 characters past its end
import io
s = io.StringIO()
s.seek(10**12)
s.write('x')
