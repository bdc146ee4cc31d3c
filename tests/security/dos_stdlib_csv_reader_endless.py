# kind: dos
# expect: blocked
# desc: csv.reader over an endless iterator of lines
import csv, itertools
rows = list(csv.reader(itertools.repeat('a,b,c\n')))
