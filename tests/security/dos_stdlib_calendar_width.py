# kind: dos
# expect: blocked
# desc: TextCalendar.formatmonth with a huge column width
import calendar
calendar.TextCalendar().formatmonth(2024, 1, w=10**9)
