# kind: dos
# expect: blocked
# desc: sorted key recursing into sorted, RecursionError caught and retried forever
def k(x):
    return sorted([x], key=k)
while True:
    try:
        sorted([1], key=k)
    except RecursionError:
        pass
