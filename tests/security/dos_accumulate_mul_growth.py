# kind: dos
# expect: blocked
# desc: itertools.accumulate(repeat(3), operator.mul): a big int growing every step
import itertools, operator
for x in itertools.accumulate(itertools.repeat(3), operator.mul):
    pass
