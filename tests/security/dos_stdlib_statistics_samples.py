# kind: dos
# expect: blocked
# desc: NormalDist.samples with a huge count, then many big sample lists
from statistics import NormalDist
n = NormalDist(0, 1)
try:
    n.samples(10**12)
except ValueError:
    pass
keep = []
while True:
    keep.append(n.samples(5_000_000))
