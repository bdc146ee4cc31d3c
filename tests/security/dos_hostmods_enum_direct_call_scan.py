# kind: dos
# expect: blocked
# desc: enum.EnumType called directly (no class statement) with 60000 hashable members: the host-side alias scan is quadratic
import enum
E = enum.EnumType('E', (enum.Enum,), {f'k{i}': i for i in range(60000)})
len(E)
