# kind: dos
# expect: blocked
# desc: millions of tiny prints (callback overhead per line)
for i in range(10 ** 9):
    print(i)
