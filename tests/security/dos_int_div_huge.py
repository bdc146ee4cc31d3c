# kind: dos
# expect: blocked
# desc: huge int floor division (quadratic)
a = 7 ** 3000000
b = 3 ** 1500000
c = a // b
