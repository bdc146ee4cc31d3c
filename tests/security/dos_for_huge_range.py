# kind: dos
# expect: blocked
# desc: for over range(10**18)
n = 0
for i in range(10 ** 18):
    n += i
n
