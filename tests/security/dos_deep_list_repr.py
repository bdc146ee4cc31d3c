# kind: dos
# expect: blocked
# desc: repr of a 10**5 deep nested list built in a loop
x = []
for _ in range(10 ** 5):
    x = [x]
repr(x)
