"""decimal, struct and time values: crossing the boundary, sandbox-local decimal contexts, and
snapshots of paused programs that hold them."""

import decimal

import pytest

import monty


def test_decimal_crosses_as_the_exact_host_value():
    sb = monty.Sandbox()
    value = sb.run("import decimal\nd * 2", inputs={"d": decimal.Decimal("1.25")})
    assert type(value) is decimal.Decimal and value == decimal.Decimal("2.50")
    assert str(value) == "2.50"
    assert sb.run("type(d).__name__", inputs={"d": decimal.Decimal("1")}) == "Decimal"


def test_decimal_context_is_the_sandbox_s_own():
    host = decimal.getcontext()
    prec, flags = host.prec, dict(host.flags)
    a, b = monty.Sandbox(), monty.Sandbox()
    a.run("import decimal\ndecimal.getcontext().prec = 5\ndecimal.getcontext().rounding = decimal.ROUND_DOWN")
    assert a.run("str(decimal.Decimal(2) / 3)") == "0.66666"
    assert b.run("import decimal\nstr(decimal.Decimal(2) / 3)") == "0.6666666666666666666666666667"
    assert decimal.getcontext() is host and host.prec == prec and dict(host.flags) == flags


def test_decimal_context_bounds():
    sb = monty.Sandbox()
    for code in ("decimal.getcontext().prec = 10**9", "decimal.Context(Emax=10**9)",
                 "decimal.getcontext().Emin = -10**9"):
        with pytest.raises(monty.MontyRuntimeError) as info:
            sb.run("import decimal\n" + code)
        assert info.value.exc_type == "ValueError"


@pytest.mark.parametrize("code, expected", [
    ("import decimal\ny = decimal.Decimal('2.50')\nv = f(y)\n[str(y * v), str(decimal.Decimal(1) / 3)]",
     ["17.8", "0.333"]),
    ("import decimal\nc = decimal.Context(prec=4, traps=[decimal.Inexact])\nv = f(1)\n"
     "[c.prec, str(c.divide(1, 8)), c.traps[decimal.Inexact], str(decimal.Decimal(1) / 3)]",
     [4, "0.125", True, "0.333"]),
    ("import struct\ns = struct.Struct('<iH')\nv = f(1)\n[s.pack(1, 2), s.size, s.format]",
     [b"\x01\x00\x00\x00\x02\x00", 6, "<iH"]),
    ("import time\ntm = time.gmtime(0)\nv = f(1)\n[tm.tm_year, tuple(tm)[:3]]", [1970, (1970, 1, 1)]),
])
def test_paused_program_holding_values_dumps_and_loads(code, expected):
    sb = monty.Sandbox(functions={"f": None})
    setup = "import decimal\ndecimal.getcontext().prec = 3\n"
    step = sb.start(setup + code)
    blob = step.dump()
    step2 = monty.load(blob, functions={"f": None})
    done = step2.resume(decimal.Decimal("7.1"))
    assert done.value == expected


def test_snapshot_of_a_localcontext_manager_is_refused_by_name():
    sb = monty.Sandbox(functions={"f": None})
    step = sb.start("import decimal\nwith decimal.localcontext() as c:\n    f(1)")
    with pytest.raises(monty.MontyError):
        step.dump()


def test_paused_inside_a_diff_dumps_and_loads():
    code = ("import difflib\nout = []\n"
            "for line in difflib.unified_diff(['a\\n', 'b\\n', 'c\\n'], ['a\\n', 'B\\n', 'c\\n']):\n"
            "    out.append(f(line))\nout")
    step = monty.Sandbox(functions={"f": None}).start(code)
    seen = []
    while isinstance(step, monty.Call):
        seen.append(step.args[0])
        step = monty.load(step.dump(), functions={"f": None}).resume(step.args[0].upper())
    assert seen == ["--- \n", "+++ \n", "@@ -1,3 +1,3 @@\n", " a\n", "-b\n", "+B\n", " c\n"]
    assert step.value == [line.upper() for line in seen]


def test_calendar_values_survive_a_snapshot():
    code = "import calendar\nc = calendar.TextCalendar(6)\nv = f(1)\nc.formatmonth(2024, 2)"
    step = monty.Sandbox(functions={"f": None}).start(code)
    done = monty.load(step.dump(), functions={"f": None}).resume(1)
    import calendar
    assert done.value == calendar.TextCalendar(6).formatmonth(2024, 2)


def test_datetime_and_fraction_values_survive_a_snapshot():
    code = ("import datetime, fractions\n"
            "d = datetime.datetime(2024, 5, 6, 7, 8, 9, 10, tzinfo=datetime.timezone(datetime.timedelta(hours=2), 'X'))\n"
            "t = datetime.timedelta(days=3, microseconds=5)\nfr = fractions.Fraction(22, 7)\n"
            "day = datetime.date(2020, 2, 29)\nv = f(1)\n"
            "[str(d), d.tzname(), str(t), str(fr * 2), day.isoformat(), str(datetime.time(1, 2, 3))]")
    step = monty.Sandbox(functions={"f": None}).start(code)
    done = monty.load(step.dump(), functions={"f": None}).resume(1)
    assert done.value == ["2024-05-06 07:08:09.000010+02:00", "X", "3 days, 0:00:00.000005",
                          "44/7", "2020-02-29", "01:02:03"]


def test_executor_host_calls_pause_and_survive_snapshots():
    code = ("from concurrent.futures import ThreadPoolExecutor, as_completed\n"
            "with ThreadPoolExecutor(max_workers=3) as ex:\n"
            "    fs = [ex.submit(fetch, u) for u in ['a', 'b', 'c']]\n"
            "    out = [f.result() for f in as_completed(fs)]\n"
            "    mapped = list(ex.map(fetch, ['d']))\n"
            "out + mapped")
    step = monty.Sandbox(functions={"fetch": None}).start(code)
    calls = []
    while isinstance(step, monty.Call):
        calls.append(step.args[0])
        step = monty.load(step.dump(), functions={"fetch": None}).resume(step.args[0] * 2)
    assert calls == ["a", "b", "c", "d"]
    assert step.value == ["aa", "bb", "cc", "dd"]


def test_zoneinfo_values_survive_a_snapshot():
    code = ("from zoneinfo import ZoneInfo\nfrom datetime import datetime\n"
            "z = ZoneInfo('Europe/Paris')\nd = datetime(2024, 7, 1, 12, tzinfo=z)\nv = f(1)\n"
            "[str(d), d.tzname(), z is ZoneInfo('Europe/Paris'), str(d.astimezone(ZoneInfo('UTC')))]")
    step = monty.Sandbox(functions={"f": None}).start(code)
    done = monty.load(step.dump(), functions={"f": None}).resume(1)
    assert done.value == ["2024-07-01 12:00:00+02:00", "CEST", True, "2024-07-01 10:00:00+00:00"]


def test_zoneinfo_never_opens_files_for_sandbox_code(monkeypatch):
    import builtins
    import io
    sb = monty.Sandbox()
    sb.run("import zoneinfo")         # the zone data is read here, once per process, at most
    opened = []
    real_open = builtins.open
    monkeypatch.setattr(builtins, "open", lambda *a, **k: opened.append(a) or real_open(*a, **k))
    monkeypatch.setattr(io, "open", lambda *a, **k: opened.append(a) or real_open(*a, **k))
    assert sb.run("import datetime\nstr(datetime.datetime(2024, 1, 1, tzinfo=zoneinfo.ZoneInfo('Asia/Kolkata')).utcoffset())") == "5:30:00"
    with pytest.raises(monty.MontyRuntimeError) as info:
        sb.run("zoneinfo.ZoneInfo('../../../etc/passwd')")
    assert info.value.exc_type == "ValueError"
    assert opened == []


def test_function_attributes_survive_a_snapshot():
    code = ("def counted(fn):\n"
            "    def wrapper(*a):\n"
            "        wrapper.calls += 1\n"
            "        return fn(*a)\n"
            "    wrapper.calls = 0\n"
            "    wrapper.me = wrapper\n"
            "    return wrapper\n"
            "@counted\ndef get(x):\n    return fetch(x)\n"
            "out = [get(1), get(2)]\n[out, get.calls, get.me is get]")
    step = monty.Sandbox(functions={"fetch": None}).start(code)
    while isinstance(step, monty.Call):
        step = monty.load(step.dump(), functions={"fetch": None}).resume(step.args[0] * 10)
    assert step.value == [[10, 20], 2, True]
