# kind: dos
# expect: blocked
# desc: csv.reader over an endless iterator of lines
# margin: 0.3
import csv, itertools
rows = list(csv.reader(itertools.repeat('a,b,c\n')))
