# kind: dos
# expect: blocked
# desc: data grown in a list held by a closure cell
def make():
    acc = []
    def add():
        acc.append([1] * 10000)
    return add
add = make()
while True:
    add()
