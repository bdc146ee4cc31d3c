# kind: dos
# expect: blocked
# desc: pow(3, 10**100000, big modulus): three-argument pow with a huge exponent
m = 10 ** 20000 + 7
x = pow(3, 10 ** 4000, m)
