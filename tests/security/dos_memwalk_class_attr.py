# kind: dos
# expect: blocked
# desc: data grown in a list held by a class attribute
class Box:
    items = []
while True:
    Box.items.append([len(Box.items)] * 10000)
