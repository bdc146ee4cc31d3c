# kind: dos
# expect: blocked
# desc: time limit inside a sorted() key (a nested C-level loop)
def k(x):
    while True:
        pass
try:
    sorted([3, 1, 2], key=k)
except BaseException:
    pass
