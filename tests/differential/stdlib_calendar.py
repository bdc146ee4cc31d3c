# calendar basics
import calendar
[calendar.isleap(2024), calendar.isleap(1900), calendar.leapdays(2000, 2025), calendar.weekday(2024, 7, 4), calendar.monthrange(2024, 2), calendar.monthrange(2023, 12), calendar.MONDAY, calendar.SUNDAY]
# ---
# calendar names
import calendar
[list(calendar.month_name), list(calendar.month_abbr)[1:4], list(calendar.day_name), calendar.day_abbr[0], len(calendar.month_name), calendar.month_name[-1]]
# ---
# calendar monthcalendar and iterators
import calendar
c = calendar.Calendar(firstweekday=6)
[calendar.monthcalendar(2024, 2), list(c.iterweekdays()), [d.isoformat() for d in list(c.itermonthdates(2024, 2))[:3]], c.monthdays2calendar(2024, 2)[0], calendar.timegm((2024, 1, 1, 0, 0, 0))]
# ---
# calendar TextCalendar
import calendar
print(calendar.TextCalendar().formatmonth(2024, 2))
print(calendar.TextCalendar(calendar.SUNDAY).formatmonth(2023, 12, w=3))
print(calendar.month(2025, 1))
calendar.weekheader(3)
# ---
# calendar year and prmonth
import calendar
calendar.prmonth(2024, 5)
print(calendar.calendar(2024)[:300])
# ---
# calendar HTML
import calendar
calendar.HTMLCalendar().formatmonth(2024, 3)[:400]
# ---
# calendar bad month
import calendar
calendar.monthrange(2024, 13)
