# kind: dos
# expect: blocked
# desc: exceptions with 200 MB messages raised and kept
keep = []
while True:
    try:
        raise ValueError('m' * (200 * 1024 * 1024))
    except ValueError as e:
        keep.append(e)
