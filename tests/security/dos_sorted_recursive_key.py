# kind: dos
# expect: blocked
# desc: sorted with a key that recurses through sorted again
def k(x):
    return sorted([x, x], key=k)
sorted([1, 2], key=k)
