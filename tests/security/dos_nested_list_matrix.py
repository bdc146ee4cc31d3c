# kind: dos
# expect: blocked
# desc: [[0]*10**4 for _ in range(10**5)] : 8 GB of row pointers
m = [[0] * 10 ** 4 for _ in range(10 ** 5)]
