# kind: dos
# expect: blocked
# desc: print(*range(10**6), sep=<1 KB string>): a gigabyte joined in C
print(*range(10 ** 6), sep='-' * 1024)
