# kind: dos
# expect: blocked
# desc: building every time zone again and again, uncached
import zoneinfo
keys = sorted(zoneinfo.available_timezones())
zones = []
while True:
    for k in keys:
        zones.append(zoneinfo.ZoneInfo.no_cache(k))
