# kind: dos
# expect: blocked
# desc: json.dumps with a 10 MB indent string over 1000 items
import json
json.dumps([[1]] * 1000, indent=' ' * 10 ** 7)
