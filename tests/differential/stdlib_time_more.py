# time.gmtime and strftime
import time
t = time.gmtime(86400 * 365)
[t.tm_year, t.tm_mon, t.tm_mday, t.tm_wday, t.tm_yday, tuple(t), time.strftime('%Y-%m-%d %H:%M:%S', t), time.strftime('%a %b %d', time.gmtime(0))]
# ---
# time.struct_time, mktime round trip and asctime
import time
st = time.struct_time((2024, 2, 29, 12, 30, 0, 3, 60, 0))
lt = time.localtime(time.mktime(time.localtime(1_700_000_000)))
[st.tm_year, st[1], len(st), time.asctime(st), lt.tm_year, time.mktime(time.localtime(1_700_000_000)), time.strftime('%j', st)]
# ---
# time.strptime
import time
p = time.strptime('2023-07-04 10:11:12', '%Y-%m-%d %H:%M:%S')
[p.tm_year, p.tm_mon, p.tm_mday, p.tm_hour, p.tm_wday, p.tm_yday]
# ---
# time.strptime mismatch
import time
time.strptime('2023/07/04', '%Y-%m-%d')
