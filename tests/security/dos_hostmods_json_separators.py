# kind: dos
# expect: blocked
# desc: json.dumps with a 10 MB item separator over 3000 items: 30 GB built by CPython's encoder in one call
import json
json.dumps(list(range(3000)), separators=('x' * 10_000_000, ':'))
