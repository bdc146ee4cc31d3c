# kind: dos
# expect: blocked
# desc: a JSONEncoder subclass whose default() keeps returning bigger objects
import json
class Grow:
    def __init__(self, n):
        self.n = n
class Enc(json.JSONEncoder):
    def default(self, o):
        return [Grow(o.n + 1)] * 4
json.dumps(Grow(0), cls=Enc)
