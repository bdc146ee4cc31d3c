"""MontyRuntimeError.display() against CPython running the same program as a script file: the
frames, their lines and the carets under the part of a line that raised."""
import traceback

import pytest

import monty

PROGRAMS = [
    "d = {}\nd['k']",
    "x = [1]\ny = x[5] + 1",
    "def f(a):\n    return a / 0\nprint(f(2))",
    "n = None\nn.attr",
    "s = 'a'\nt = s + 1",
    "obj = 3\nobj.v = 1",
    "def deco(f):\n    raise ValueError('no')\n\n@deco\ndef g():\n    pass",
    "def ok(f):\n    return f\n\ndef bad(c):\n    raise TypeError(c.__name__)\n\n@ok\n@bad\n@ok\nclass K:\n    pass",
    "a, b = [1]",
    "total = int('x')",
    "import math\nr = math.sqrt(-1) * 2",
    "items = [1, 2]\nfor i in range(3):\n    print(items[i])",
    "def outer():\n    return inner()\n\ndef inner():\n    return undefined_name\n\nouter()",
    "rows = [{'a': 1}]\nvalue = rows[0]['b']",
    "x = 1\nif x > 0 and (x / 0):\n    pass",
    "data = {'a': [1, 2]}\nprint(len(data['a'][7:]) + data['a'][9])",
    "raise ValueError('plain')",
    "s = 'abc'\ns.upper().nothing()",
    "del undefined_thing",
    "class P:\n    def __init__(self):\n        self.x = 1 / 0\n\np = P()",
    "lst = []\nlst.pop()",
    "x = (1,\n     2)[5]",
    "é = 'ü'\nv = é + 1",
    "class F:\n    __slots__ = ('a',)\n\nf = F()\nf.b += 1",
    "counts = {}\ncounts['k'] += 1",
    "t = (1, 2)\nt[0] += 1",
]


def cpython_display(code, tmp_path):
    path = tmp_path / "prog.py"
    path.write_text(code, encoding="utf-8")
    try:
        exec(compile(code, str(path), "exec"), {"__name__": "__main__"})
    except Exception as e:      # noqa: BLE001 - the program's own exception
        tb = e.__traceback__.tb_next            # (this harness's frame)
        text = "".join(traceback.format_exception(type(e), e, tb)).rstrip("\n")
        return text.replace(str(path), "<string>")
    raise AssertionError("no exception")


@pytest.mark.parametrize("code", PROGRAMS)
def test_display_is_cpythons_traceback(code, tmp_path):
    expected = cpython_display(code, tmp_path)
    with pytest.raises(monty.MontyRuntimeError) as info:
        monty.Sandbox(print_callback=lambda s: None).run(code)
    assert info.value.display() == expected


def test_positions_are_kept_per_frame():
    with pytest.raises(monty.MontyRuntimeError) as info:
        monty.Sandbox().run("def f(x):\n    return x['k']\n\nf({})")
    e = info.value
    assert e.traceback == [("<module>", 4), ("f", 2)]
    assert e.positions == [(4, 4, 0, 5), (2, 2, 11, 17)]


def test_carets_survive_a_snapshot():
    sb = monty.Sandbox(functions={"fetch": None})
    step = sb.start("def g(v):\n    return v['missing'] + 1\n\ndata = fetch()\ng(data)")
    step = monty.load(step.dump(), functions={"fetch": None})
    with pytest.raises(monty.MontyRuntimeError) as info:
        step.resume({})
    assert "    return v['missing'] + 1\n           ~^^^^^^^^^^^" in info.value.display()


def test_frames_of_sandbox_modules_and_the_await_wrapper_are_left_out():
    # (CPython shows asyncio's own files there; monty's modules have no file to show)
    code = "async def boom():\n    raise KeyError('x')\n\nawait boom()"
    with pytest.raises(monty.MontyRuntimeError) as info:
        monty.Sandbox().run(code)
    assert info.value.traceback == [("<module>", 4), ("boom", 2)]
    assert info.value.display() == (
        "Traceback (most recent call last):\n"
        '  File "<string>", line 4, in <module>\n'
        "    await boom()\n"
        '  File "<string>", line 2, in boom\n'
        "    raise KeyError('x')\n"
        "KeyError: 'x'")
