# kind: dos
# expect: blocked
# desc: [str(i) * 1000 for i in range(10**6)]: many mid-size strings built by repetition
x = [str(i) * 1000 for i in range(10 ** 6)]
