# kind: dos
# expect: blocked
# desc: csv.reader over endless lines inside one quoted field, the field limit lifted
import csv, itertools
csv.field_size_limit(10**15)
next(csv.reader(itertools.chain(['"start'], itertools.repeat('x' * 1000))))
