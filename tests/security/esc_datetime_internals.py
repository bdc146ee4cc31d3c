# kind: escape
# expect: blocked
# desc: datetime classes: __reduce__, module, tzinfo subclass callbacks, strftime with odd codes
import datetime
out = []
d = datetime.datetime(2020, 1, 1)
for call in (lambda: d.__reduce__(), lambda: d.__reduce_ex__(2), lambda: type(d).__module__,
             lambda: datetime.sys, lambda: datetime.datetime.now.__self__,
             lambda: d.strftime('%Z%z %c %U ' * 3)):
    try:
        out.append(repr(call())[:80])
    except Exception:
        pass
class TZ(datetime.tzinfo):
    def utcoffset(self, dt):
        out.append(repr(type(dt).__mro__))
        return datetime.timedelta(0)
try:
    datetime.datetime(2020, 1, 1, tzinfo=TZ()).isoformat()
except Exception:
    pass
s = ' '.join(out)
('ESC' + 'APED' + ':' + s) if "module 'sys'" in s or "module 'datetime'" in s else s
