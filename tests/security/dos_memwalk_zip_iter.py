# kind: dos
# expect: blocked
# desc: fresh lists held only by zip/map/enumerate iterators kept in a list
keep = []
while True:
    keep.append(zip([len(keep)] * 100000))
    keep.append(enumerate([len(keep)] * 100000))
