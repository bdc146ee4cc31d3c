# kind: dos
# expect: blocked
# desc: a function attribute holding an ever-growing list (the live-memory walk must see it)
def f():
    pass
f.data = []
chunk = [0] * 100000
while True:
    f.data.append(list(chunk))
