# kind: dos
# expect: blocked
# desc: data grown in a list held by an instance attribute (live walk through instances)
class Box:
    pass
b = Box()
b.items = []
while True:
    b.items.append([len(b.items)] * 10000)
