# kind: dos
# expect: blocked
# desc: enum.EnumType called with 60000 unhashable member values: each new member is compared with every earlier one in host code (1.8e9 comparisons, uncounted)
import enum
ns = {f'k{i}': [i] for i in range(60000)}
ns['__monty_class__'] = True
E = enum.EnumType('E', (enum.Enum,), ns)
len(E)
