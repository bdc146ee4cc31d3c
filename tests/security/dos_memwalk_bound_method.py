# kind: dos
# expect: blocked
# desc: data grown in a list reached only through a bound method
class Box:
    def __init__(self):
        self.items = []
    def add(self):
        self.items.append([1] * 10000)
add = Box().add
while True:
    add()
