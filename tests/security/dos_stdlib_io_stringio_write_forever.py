# kind: dos
# expect: blocked
# desc: a StringIO written to forever
import io
s = io.StringIO()
while True:
    s.write('x' * 10000)
