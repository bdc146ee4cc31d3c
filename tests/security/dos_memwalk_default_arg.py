# kind: dos
# expect: blocked
# desc: data grown in a list held as a default argument
def f(acc=[]):
    acc.append([1] * 10000)
while True:
    f()
