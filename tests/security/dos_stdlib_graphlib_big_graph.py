# kind: dos
# expect: blocked
# desc: graphlib.TopologicalSorter over big chains, again and again
import graphlib
while True:
    ts = graphlib.TopologicalSorter({i: [i + 1] for i in range(2 * 10**5)})
    order = list(ts.static_order())
