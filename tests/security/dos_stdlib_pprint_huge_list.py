# kind: dos
# expect: blocked
# desc: pprint.pformat of a huge list
import pprint
pprint.pformat(list(range(10**7)), width=10)
