# kind: dos
# expect: blocked
# desc: len(list(permutations(range(20)))) and sum over combinations
import itertools
n = sum(1 for _ in itertools.combinations(range(1000), 5))
list(itertools.permutations(range(20)))
