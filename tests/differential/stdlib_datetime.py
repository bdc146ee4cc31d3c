# date basics
from datetime import date
d = date(2024, 2, 29)
[d.year, d.month, d.day, d.weekday(), d.isoweekday(), d.isoformat(), str(d), repr(d)]
# ---
# date arithmetic and comparison
from datetime import date, timedelta
d = date(2023, 12, 31)
[(d + timedelta(days=1)).isoformat(), (date(2024, 3, 1) - date(2024, 2, 1)).days, d < date(2024, 1, 1), d == date(2023, 12, 31)]
# ---
# datetime isoformat and strftime
from datetime import datetime
dt = datetime(2021, 7, 4, 9, 5, 3, 120)
[dt.isoformat(), dt.isoformat(sep=' ', timespec='seconds'), dt.strftime('%Y/%m/%d %H:%M:%S %j %a %b'), str(dt)]
# ---
# strptime
from datetime import datetime
dt = datetime.strptime('03/15/2022 14:30', '%m/%d/%Y %H:%M')
[dt.year, dt.month, dt.day, dt.hour, dt.minute, dt.isoformat()]
# ---
# strptime mismatch raises ValueError
from datetime import datetime
datetime.strptime('2022-13-01', '%Y-%m-%d')
# ---
# fromisoformat for date, time, datetime
from datetime import date, time, datetime
[date.fromisoformat('2020-05-06').isoformat(), time.fromisoformat('12:34:56').isoformat(), datetime.fromisoformat('2020-05-06T07:08:09+02:00').isoformat()]
# ---
# invalid fromisoformat
from datetime import date
date.fromisoformat('2020-5-6x')
# ---
# replace
from datetime import datetime
dt = datetime(2020, 1, 31, 10)
[dt.replace(month=3).isoformat(), dt.replace(hour=0, minute=30).isoformat()]
# ---
# replace with an invalid day
from datetime import date
date(2021, 1, 31).replace(month=2)
# ---
# invalid date arguments
from datetime import date
date(2021, 13, 1)
# ---
# timedelta normalisation and total_seconds
from datetime import timedelta
td = timedelta(days=1, hours=25, minutes=-30, seconds=90.5)
[td.days, td.seconds, td.microseconds, td.total_seconds(), str(td), repr(td)]
# ---
# timedelta arithmetic
from datetime import timedelta
a = timedelta(hours=3)
b = timedelta(minutes=45)
[str(a + b), str(a - b), str(a * 2), str(a / 4), a // b, str(a % b), str(-b), abs(-a) == a, a > b]
# ---
# negative timedelta string
from datetime import timedelta
[str(timedelta(seconds=-1)), str(timedelta(days=-2, hours=3))]
# ---
# timezone utc and offsets
from datetime import datetime, timezone, timedelta
dt = datetime(2022, 1, 1, 12, tzinfo=timezone.utc)
tz = timezone(timedelta(hours=-5), 'EST')
[dt.isoformat(), dt.astimezone(tz).isoformat(), str(tz), dt.astimezone(tz).tzname(), str(timezone.utc), dt.utcoffset().total_seconds()]
# ---
# timestamp of an aware datetime
from datetime import datetime, timezone
[datetime(2000, 1, 1, tzinfo=timezone.utc).timestamp(), datetime.fromtimestamp(86400, timezone.utc).isoformat()]
# ---
# combine, date() and time()
from datetime import datetime, date, time
dt = datetime.combine(date(2019, 6, 1), time(8, 15))
[dt.isoformat(), dt.date().isoformat(), dt.time().isoformat(), dt.time().hour]
# ---
# comparing naive and aware datetimes
from datetime import datetime, timezone
datetime(2020, 1, 1) < datetime(2020, 1, 1, tzinfo=timezone.utc)
# ---
# datetime difference
from datetime import datetime
d = datetime(2024, 1, 1, 0, 0) - datetime(2023, 12, 25, 12, 0)
[d.days, d.seconds, str(d)]
# ---
# sorting dates and using them as dict keys
from datetime import date
ds = [date(2020, 5, 1), date(2019, 1, 1), date(2020, 1, 1)]
counts = {d: i for i, d in enumerate(sorted(ds))}
[[d.isoformat() for d in sorted(ds)], counts[date(2020, 1, 1)]]
# ---
# isocalendar and timetuple
from datetime import date
d = date(2021, 1, 3)
ic = d.isocalendar()
[tuple(ic), ic.week, ic.weekday, d.timetuple().tm_yday, d.toordinal(), date.fromordinal(738000).isoformat()]
# ---
# format with a strftime spec
from datetime import date, datetime
[f'{date(2020, 2, 3):%d.%m.%Y}', '{:%H:%M}'.format(datetime(2020, 1, 1, 7, 5)), format(date(2020, 1, 1), '')]
# ---
# min, max and resolution
from datetime import date, datetime, timedelta
[str(date.min), str(datetime.max), str(timedelta.resolution), str(timedelta.max)]
# ---
# adding to a date past its max overflows
from datetime import date, timedelta
date.max + timedelta(days=1)
# ---
# time objects
from datetime import time
t = time(23, 59, 59, 999999)
[t.isoformat(), t.isoformat('minutes'), t.strftime('%I %p'), t < time(0, 0), str(time())]
# ---
# isinstance with datetime types
from datetime import date, datetime
[isinstance(datetime(2020, 1, 1), date), isinstance(date(2020, 1, 1), datetime), type(date(2020, 1, 1)).__name__]
# ---
# unsupported operand
from datetime import date
date(2020, 1, 1) + 1
# ---
# timedelta division by zero
from datetime import timedelta
timedelta(1) / 0
