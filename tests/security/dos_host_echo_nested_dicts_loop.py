# kind: dos
# expect: blocked
# desc: a wide dict of lists of strings round-tripped through a host function in a loop, results kept
d = {str(i): ['s' * 10] * 100 for i in range(10 ** 4)}
keep = []
while True:
    keep.append(echo(d))
