# kind: dos
# expect: blocked
# desc: heapq.heapify on a list subclass holding two equal 2**40-node list DAGs: the comparison estimate only looked at exact lists, CPython's heapify compares the DAGs in C
import heapq
class L(list):
    pass
def dag():
    d = [0]
    for _ in range(40):
        d = [d, d]
    return d
h = L([dag(), dag()])
heapq.heapify(h)
