# kind: dos
# expect: blocked
# desc: csv.writer writing ever longer rows
import csv, io
s = io.StringIO()
w = csv.writer(s)
row = ['a,b' * 1000]
while True:
    w.writerow(row)
    row = row + row
