# kind: dos
# expect: blocked
# desc: a BytesIO written after seeking 10**15 bytes past its end
import io
b = io.BytesIO()
b.seek(10**15)
b.write(b'x')
