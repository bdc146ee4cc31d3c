# kind: dos
# expect: blocked
# desc: formatting every year in a loop
import calendar
y = 1
while True:
    calendar.calendar(y)
    y += 1
