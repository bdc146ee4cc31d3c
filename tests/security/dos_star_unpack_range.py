# kind: dos
# expect: blocked
# desc: [*range(10**10)] and (*range(10**10),)
try:
    a = [*range(10 ** 10)]
except MemoryError:
    pass
b = (*range(10 ** 10),)
