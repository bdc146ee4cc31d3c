# kind: dos
# expect: blocked
# desc: json.dump into a writer that keeps every chunk, in a loop
import json
class Keep:
    def __init__(self):
        self.parts = []
    def write(self, s):
        self.parts.append(s)
k = Keep()
data = list(range(100000))
while True:
    json.dump(data, k)
