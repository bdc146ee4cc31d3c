# kind: dos
# expect: blocked
# desc: set operations on two 10**7 sets in a loop
a = set(range(10 ** 7))
b = set(range(5, 10 ** 7 + 5))
while True:
    c = a ^ b
