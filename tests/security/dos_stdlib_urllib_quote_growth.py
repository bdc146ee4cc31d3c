# kind: dos
# expect: blocked
# desc: urllib.parse.quote of ever longer text
from urllib.parse import quote
s = 'é ' * 1000
while True:
    s = quote(s) + s
