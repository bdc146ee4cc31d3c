# zoneinfo with datetime
from zoneinfo import ZoneInfo
from datetime import datetime, timedelta
ny = ZoneInfo('America/New_York')
d = datetime(2024, 3, 10, 1, 30, tzinfo=ny)
later = d + timedelta(hours=1)
[str(d), d.tzname(), str(d.utcoffset()), str((d + timedelta(days=1)).utcoffset()), str(ny), ny.key, repr(ny), d.isoformat()]
# ---
# zoneinfo conversions between zones
from zoneinfo import ZoneInfo
from datetime import datetime, timezone
utc = datetime(2024, 7, 1, 12, 0, tzinfo=timezone.utc)
[str(utc.astimezone(ZoneInfo('Europe/Paris'))), str(utc.astimezone(ZoneInfo('Asia/Tokyo'))), utc.astimezone(ZoneInfo('Australia/Sydney')).tzname(), str(datetime(2024, 1, 1, tzinfo=ZoneInfo('UTC')).utcoffset())]
# ---
# zoneinfo caching and equality
from zoneinfo import ZoneInfo
import zoneinfo
[ZoneInfo('Europe/London') is ZoneInfo('Europe/London'), ZoneInfo.no_cache('Europe/London') is ZoneInfo('Europe/London'), 'Europe/Berlin' in zoneinfo.available_timezones(), isinstance(ZoneInfo('UTC'), ZoneInfo)]
# ---
# zoneinfo unknown key
from zoneinfo import ZoneInfo
ZoneInfo('Mars/Olympus_Mons')
# ---
# zoneinfo key that tries to leave the data
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError
out = []
for key in ['../../etc/passwd', '/etc/passwd', 'Nowhere']:
    try:
        ZoneInfo(key)
    except (ZoneInfoNotFoundError, ValueError) as e:
        out.append(type(e).__name__)
out
