"""`calendar` for sandbox code: CPython's Lib/calendar.py run as sandbox Python
(monty/modules/_sandbox/calendar.py), so its loops count against the limits and its values
dump and load like any sandbox value. The locale-switching calendars (LocaleTextCalendar,
LocaleHTMLCalendar) and the command line are left out; names are English as in the C locale."""

from ._support import sandbox_source

NAME = "calendar"
PREFIX = "calendar."
EXPORTS = """IllegalMonthError IllegalWeekdayError setfirstweekday firstweekday isleap leapdays
weekday monthrange monthcalendar prmonth month prcal calendar timegm month_name month_abbr
day_name day_abbr Calendar TextCalendar HTMLCalendar weekheader MONDAY TUESDAY WEDNESDAY
THURSDAY FRIDAY SATURDAY SUNDAY January February mdays error EPOCH prweek week format
formatstring""".split()

SOURCE = sandbox_source(NAME)


def build(vm):
    from .. import _core
    return _core.build_internal_module(vm, NAME, SOURCE, PREFIX, EXPORTS, {})
