# kind: dos
# expect: blocked
# desc: json.dumps with a str subclass indent whose __len__ says 1 (and an int subclass whose > says no): the size check passes, CPython's encoder writes the real 10 MB indent on every line
import json
class S(str):
    def __len__(self):
        return 1
class I(int):
    def __gt__(self, other):
        return False
data = [[i] for i in range(3000)]
try:
    json.dumps(data, indent=I(10 ** 8))
except (ValueError, TypeError, MemoryError, OverflowError):
    pass
json.dumps(data, indent=S('x' * 10_000_000))
