# kind: dos
# expect: blocked
# desc: json.loads of 10**6 nested brackets and json.dumps of a deep list
import json
try:
    json.loads('[' * 10 ** 6 + ']' * 10 ** 6)
except Exception:
    pass
x = []
for _ in range(10 ** 5):
    x = [x]
json.dumps(x)
