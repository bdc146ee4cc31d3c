# kind: dos
# expect: blocked
# desc: list(zip(range(10**8))): a hundred million 1-tuples
x = list(zip(range(10 ** 8)))
