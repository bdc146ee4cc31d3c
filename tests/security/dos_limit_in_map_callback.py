# kind: dos
# expect: blocked
# desc: time limit inside a map() callback consumed by list()
def k(x):
    while True:
        pass
try:
    list(map(k, [1]))
except BaseException:
    'caught'
