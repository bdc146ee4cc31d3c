"""The host side of the API for agent frameworks (design.md section 5): top-level `return`,
`Sandbox.execute` and `Outcome`/`Opaque`, the agent limits, `set_functions`, `capabilities()`
and `describe_functions()`, the typed API. Behaviours with a CPython reference are checked
against CPython."""

import contextlib
import io
import sys
import textwrap
import traceback

import pytest

import monty


def printed_run(code, **kwargs):
    chunks = []
    sb = monty.Sandbox(print_callback=chunks.append, **kwargs)
    return sb.run(code), "".join(chunks)


# ---------------------------------------------------------------------------------------------
# 3. top-level `return`

def cpython_as_function(code):
    """CPython's reference for a program ending in a top-level `return`: the same body as a
    function's (value returned, text printed)."""
    src = "def __program():\n" + textwrap.indent(code, "    ") + "\n    return None\n"
    ns = {}
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(compile(src, "<ref>", "exec"), ns)
        value = ns["__program"]()
    return value, out.getvalue()


RETURN_CASES = [
    "return 42\nprint('not reached')",
    "print('a')\nreturn\nprint('b')",
    "for i in range(10):\n    if i == 3:\n        return i * 10\nprint('no')",
    "i = 0\nwhile True:\n    i += 1\n    if i > 4:\n        return i\n",
    "for i in range(3):\n    for j in range(3):\n        if i * j == 2:\n            return (i, j)\n",
    "try:\n    return 'body'\nfinally:\n    print('finally ran')",
    "try:\n    1 / 0\nexcept ZeroDivisionError:\n    return 'handled'\nfinally:\n    print('f')",
    "try:\n    try:\n        return 1\n    finally:\n        print('inner')\nfinally:\n    print('outer')",
    "try:\n    return 1\nfinally:\n    return 2",
    textwrap.dedent("""\
        class CM:
            def __enter__(self):
                print('enter')
                return self
            def __exit__(self, *exc):
                print('exit', exc)
                return False
        with CM():
            return 'from with'
        print('after')
    """),
    "x = 3\nmatch x:\n    case 3:\n        return 'three'\n    case _:\n        return 'other'",
    "if True:\n    return [1, {'a': (2, 3)}]\nelse:\n    return None",
    "def f():\n    return 'inner'\nreturn f() + '!'",
    "for i in range(5):\n    try:\n        if i == 2:\n            return i\n    finally:\n        print('fin', i)",
]


@pytest.mark.parametrize("code", RETURN_CASES)
def test_top_level_return_matches_cpython_function_body(code):
    expected = cpython_as_function(code)
    assert printed_run(code) == expected


def test_top_level_return_in_class_body_stays_a_syntax_error_like_cpython():
    code = "class A:\n    return 1\n"
    with pytest.raises(SyntaxError) as ref:
        compile(code, "<string>", "exec")
    with pytest.raises(monty.MontySyntaxError) as info:
        monty.Sandbox().run(code)
    assert ref.value.msg in str(info.value) and "line 2" in str(info.value)
    # ... and inside a class body nested in a top-level block
    with pytest.raises(monty.MontySyntaxError):
        monty.Sandbox().run("if True:\n    class B:\n        return 2\n")


def test_top_level_return_keeps_globals_and_ends_only_that_run():
    sb = monty.Sandbox()
    assert sb.run("total = 0\nfor i in range(10):\n    total += i\n    if i == 4:\n        return total") == 10
    assert sb.run("total * 2") == 20


def test_top_level_return_under_start_resume():
    sb = monty.Sandbox(functions={"fetch": None})
    step = sb.start("xs = []\nfor i in range(5):\n    xs.append(fetch(i))\n    if len(xs) == 2:\n"
                    "        return xs\nprint('not reached')")
    assert isinstance(step, monty.Call) and step.args == (0,)
    step = step.resume("a")
    assert isinstance(step, monty.Call) and step.args == (1,)
    step = step.resume("b")
    assert isinstance(step, monty.Done) and step.value == ["a", "b"]


def test_top_level_return_after_a_dump_and_load():
    sb = monty.Sandbox(functions={"fetch": None})
    step = sb.start("try:\n    v = fetch(1)\n    return v + 1\nfinally:\n    print('cleanup')")
    chunks = []
    loaded = monty.load(step.dump(), functions={"fetch": None}, print_callback=chunks.append)
    done = loaded.resume(41)
    assert isinstance(done, monty.Done) and done.value == 42 and "".join(chunks) == "cleanup\n"


def test_top_level_return_with_top_level_await():
    code = "import asyncio\nawait asyncio.sleep(0)\nfor i in range(3):\n    return i + 100\n"
    assert monty.Sandbox().run(code) == 100


def test_top_level_return_in_execute():
    out = monty.Sandbox().execute("print('x')\nreturn {'answer': 42}\nprint('y')")
    assert out.ok and out.value == {"answer": 42} and out.stdout == "x\n"


# ---------------------------------------------------------------------------------------------
# 2. execute() -> Outcome

def cpython_streams(code):
    """(stdout, stderr) of `code` run by CPython."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        exec(compile(code, "<ref>", "exec"), {})
    return out.getvalue(), err.getvalue()


STREAM_CASES = [
    "import sys\nprint('out')\nprint('err', 1, sep='-', file=sys.stderr)\nprint('out2')",
    "import sys\nsys.stderr.write('a')\nsys.stdout.write('b')\nsys.stderr.write('c\\n')\nsys.stdout.flush()\nsys.stderr.flush()",
    "import sys\nprint('x', file=sys.stdout, end='')\nprint(file=sys.stderr)\nprint('é', file=sys.stderr)",
    "import sys\nfor i in range(3):\n    print(i, file=sys.stderr if i % 2 else sys.stdout)",
    "import sys\nn = sys.stderr.write('four')\nprint(n)",
]


@pytest.mark.parametrize("code", STREAM_CASES)
def test_execute_keeps_stdout_and_stderr_apart_like_cpython(code):
    out = monty.Sandbox().execute(code)
    assert out.ok, out.error
    assert (out.stdout, out.stderr) == cpython_streams(code)


def test_stderr_without_callback_goes_to_host_stderr(capsys):
    monty.Sandbox().run("import sys\nprint('to out')\nprint('to err', file=sys.stderr)")
    captured = capsys.readouterr()
    assert captured.out == "to out\n" and captured.err == "to err\n"


def test_stderr_with_a_print_callback_reaches_the_callback():
    value, printed = printed_run("import sys\nprint('a')\nsys.stderr.write('b\\n')\n7")
    assert value == 7 and printed == "a\nb\n"


def test_execute_value_stdout_and_ok():
    sb = monty.Sandbox()
    out = sb.execute("print('hello')\nx = 6 * 7\nx", inputs={"unused": 1})
    assert isinstance(out, monty.Outcome)
    assert out.ok and out.error is None and out.value == 42
    assert out.stdout == "hello\n" and out.stderr == ""
    assert sb.run("x") == 42        # globals persist as with run()


def test_execute_never_raises_for_runtime_errors():
    sb = monty.Sandbox()
    out = sb.execute("print('before')\nd = {}\nd['missing']")
    assert not out.ok and out.value is None and out.stdout == "before\n"
    assert isinstance(out.error, monty.MontyRuntimeError) and out.error.exc_type == "KeyError"
    assert str(out.error) == "KeyError: 'missing' (line 3)"
    assert sb.execute("1 + 1").value == 2      # the sandbox keeps working


def test_execute_never_raises_for_syntax_errors():
    out = monty.Sandbox().execute("def f(:\n    pass")
    assert not out.ok and isinstance(out.error, monty.MontySyntaxError)
    assert out.stdout == "" and out.value is None


def test_execute_never_raises_for_limits():
    sb = monty.Sandbox(limits=monty.Limits(max_duration=0.2))
    out = sb.execute("print('start')\nwhile True:\n    pass")
    assert isinstance(out.error, monty.MontyTimeLimitError) and out.stdout == "start\n"
    sb = monty.Sandbox(limits=monty.Limits(max_memory=10_000_000))
    out = sb.execute("x = []\nwhile True:\n    x.append('a' * 100000)")
    assert isinstance(out.error, monty.MontyMemoryLimitError)
    assert sb.execute("'still usable'").value == "still usable"


def test_execute_host_function_errors_land_in_error():
    def boom():
        raise ValueError("bad tool")
    out = monty.Sandbox(functions={"boom": boom}).execute("print(1)\nboom()")
    assert out.stdout == "1\n" and out.error.exc_type == "ValueError"
    assert str(out.error) == "ValueError: bad tool (line 2)"


def test_execute_opaque_value_instead_of_an_error_after_side_effects():
    calls = []
    sb = monty.Sandbox(functions={"record": calls.append})
    code = ("class Point:\n    def __init__(self, x, y):\n        self.x, self.y = x, y\n"
            "    def __repr__(self):\n        return f'Point({self.x}, {self.y})'\n"
            "record('side effect')\nPoint(1, 2)")
    out = sb.execute(code)
    assert out.ok and calls == ["side effect"]
    assert out.value == monty.Opaque("Point", "Point(1, 2)")
    assert out.value.type_name == "Point" and out.value.repr == "Point(1, 2)"
    # run() keeps refusing such a result, as design.md section 1 says
    with pytest.raises(monty.MontyTypeError):
        sb.run("Point(3, 4)")


@pytest.mark.parametrize("code, type_name, repr_text", [
    ("def f():\n    pass\nf", "function", None),
    ("(i for i in range(3))", "generator", None),
    ("[1, object()]", "list", None),
    ("class A:\n    pass\nA", "type", "<class '__main__.A'>"),
    ("range(3)", "range", "range(0, 3)"),
    ("bytearray(b'ab')", "bytearray", "bytearray(b'ab')"),
    ("1j", "complex", "1j"),
])
def test_execute_opaque_values(code, type_name, repr_text):
    out = monty.Sandbox().execute(code)
    assert out.ok and type(out.value) is monty.Opaque
    assert out.value.type_name == type_name
    if repr_text is not None:
        assert out.value.repr == repr_text
    assert type(out.value.repr) is str and type(out.value.type_name) is str


def test_opaque_repr_that_raises_is_a_stand_in():
    out = monty.Sandbox().execute("class B:\n    def __repr__(self):\n        raise ValueError('no')\nB()")
    assert out.ok and out.value == monty.Opaque("B", "<B object>")


def test_opaque_repr_runs_under_the_limits():
    sb = monty.Sandbox(limits=monty.Limits(max_duration=0.3))
    out = sb.execute("class C:\n    def __repr__(self):\n        while True:\n            pass\nC()")
    assert isinstance(out.error, monty.MontyTimeLimitError) and out.value is None


def test_opaque_repr_of_a_str_subclass_result_is_exact():
    out = monty.Sandbox().execute(
        "class S(str):\n    def __repr__(self):\n        return S('sneaky')\nclass T:\n"
        "    def __repr__(self):\n        return S('t')\nT()")
    assert out.ok and type(out.value.repr) is str and out.value.repr == "t"


def test_execute_leaves_print_callback_alone():
    chunks = []
    sb = monty.Sandbox(print_callback=chunks.append)
    out = sb.execute("print('captured')")
    assert out.stdout == "captured\n" and chunks == []
    sb.run("print('streamed')")
    assert chunks == ["streamed\n"]


def test_runtime_error_str_names_the_line():
    code = "def f(x):\n    return 1 / x\n\nf(0)\n"
    with pytest.raises(monty.MontyRuntimeError) as info:
        monty.Sandbox().run(code)
    assert str(info.value) == "ZeroDivisionError: division by zero (line 2)"
    assert info.value.message == "division by zero"


SYNTAX_ERRORS = [
    "x = (1 +\n",
    "if x:\nfoo()\n",
    "def f(:\n    pass\n",
    "a = 1\nb = a +* 2\n",
    "print 'hello'\n",
    "x = 1\n  y = 2\n",
    "for x in range(3):\n    break\ncontinue\n",
    "f(**x, *y)\n",
    "'abc\n",
]


@pytest.mark.parametrize("code", SYNTAX_ERRORS)
def test_syntax_error_display_is_cpythons(code, tmp_path):
    # CPython compiling a script file: errors its compiler stage finds show their line too
    path = tmp_path / "script.py"
    path.write_text(code)
    with pytest.raises(SyntaxError) as ref:
        compile(code, str(path), "exec")
    expected = "".join(traceback.format_exception_only(ref.type, ref.value)).rstrip("\n")
    expected = expected.replace(str(path), "<string>")
    out = monty.Sandbox().execute(code)
    err = out.error
    assert isinstance(err, monty.MontySyntaxError)
    assert err.display() == expected
    # str(): the message and line, then the offending line and its caret as CPython shows them
    shown = expected.split("\n")[1:-1]
    assert str(err).split("\n") == [f"{err.message} (line {ref.value.lineno})"] + shown


def test_unsupported_construct_syntax_error_shows_its_line():
    code = "x = 1\nclass C(*bases): pass\n"
    with pytest.raises(monty.MontySyntaxError) as info:
        monty.Sandbox().run(code)
    assert str(info.value).split("\n")[1].strip() == "class C(*bases): pass"
    assert 'File "<string>", line 2' in info.value.display()


# ---------------------------------------------------------------------------------------------
# 4. agent limits: max_wall_time, max_host_calls, max_output

def test_max_wall_time_counts_host_time():
    import time
    calls = []

    def slow_tool():
        calls.append(1)
        time.sleep(0.01)
        return 1

    sb = monty.Sandbox(functions={"slow_tool": slow_tool},
                       limits=monty.Limits(max_duration=5.0, max_wall_time=0.2))
    t0 = time.perf_counter()
    with pytest.raises(monty.MontyTimeLimitError, match="wall time limit of 0.2 s"):
        sb.run("n = 0\nwhile True:\n    n += slow_tool()")
    elapsed = time.perf_counter() - t0
    assert 0.19 <= elapsed < 0.2 + 0.01 + 0.08, elapsed     # the limit plus one call (and slack)
    assert 10 <= len(calls) <= 21
    assert sb.run("'usable'") == "usable"


def test_max_duration_alone_still_excludes_host_time():
    import time
    sb = monty.Sandbox(functions={"nap": lambda: time.sleep(0.05)},
                       limits=monty.Limits(max_duration=0.1))
    assert sb.run("for i in range(6):\n    nap()\n'done'") == "done"


def test_max_wall_time_under_start_resume_counts_from_the_first_start():
    import time
    sb = monty.Sandbox(functions={"fetch": None},
                       limits=monty.Limits(max_duration=5.0, max_wall_time=0.2))
    t0 = time.perf_counter()
    step = sb.start("while True:\n    fetch()")
    resumes = 0
    with pytest.raises(monty.MontyTimeLimitError):
        while True:
            time.sleep(0.03)           # the host's own time between resumes counts
            step = step.resume(None)
            resumes += 1
    assert 0.19 <= time.perf_counter() - t0 < 0.3
    assert 4 <= resumes <= 7


def test_max_host_calls_stops_at_exactly_n_calls():
    calls = []
    sb = monty.Sandbox(functions={"tool": calls.append},
                       limits=monty.Limits(max_host_calls=5))
    code = ("done = []\ntry:\n    for i in range(100):\n        tool(i)\n        done.append(i)\n"
            "except Exception:\n    done.append('caught')\nfinally:\n    done.append('finally')")
    with pytest.raises(monty.MontyHostCallLimitError, match="host call limit of 5"):
        sb.run(code)
    assert calls == [0, 1, 2, 3, 4]
    assert sb.run("done") == [0, 1, 2, 3, 4]     # neither except nor finally ran
    assert isinstance(monty.MontyHostCallLimitError("x"), monty.MontyLimitError)
    # the count is per run
    calls.clear()
    assert sb.run("for i in range(5):\n    tool(i)\n'ok'") == "ok" and len(calls) == 5


def test_max_host_calls_counts_every_way_of_calling():
    calls = []

    def tool(*args, **kwargs):
        calls.append(args)
        return 0

    sb = monty.Sandbox(functions={"tool": tool}, limits=monty.Limits(max_host_calls=3))
    with pytest.raises(monty.MontyHostCallLimitError):
        sb.run("tool(1)\ntool(*[2], **{})\ntool([3])\ntool([4])")
    assert calls == [(1,), (2,), ([3],)]
    calls.clear()
    sb = monty.Sandbox(functions={"tool": tool}, limits=monty.Limits(max_host_calls=0))
    with pytest.raises(monty.MontyHostCallLimitError):
        sb.run("tool()")
    assert calls == []


def test_max_host_calls_across_resumes():
    sb = monty.Sandbox(functions={"fetch": None}, limits=monty.Limits(max_host_calls=3))
    step = sb.start("for i in range(10):\n    fetch(i)")
    seen = []
    with pytest.raises(monty.MontyHostCallLimitError):
        while isinstance(step, monty.Call):
            seen.append(step.args[0])
            step = step.resume(None)
    assert seen == [0, 1, 2]


def test_max_output_cuts_96_mb_of_prints_and_the_run_goes_on():
    import time
    got = []
    sb = monty.Sandbox(print_callback=got.append, limits=monty.Limits(max_duration=20.0))
    t0 = time.perf_counter()
    value = sb.run("line = 'x' * (1024 * 1024 - 1)\nfor i in range(96):\n    print(line)\n"
                   "'finished'")
    elapsed = time.perf_counter() - t0
    text = "".join(got)
    assert value == "finished"
    marker = "\n[output cut: more than max_output=1048576 bytes printed]\n"
    assert text.endswith(marker)
    assert len(text) == (1 << 20) + len(marker)
    assert text[:-len(marker)] == ("x" * (1024 * 1024 - 1) + "\n")
    assert elapsed < 10, elapsed


def test_max_output_per_run_and_in_execute():
    sb = monty.Sandbox(limits=monty.Limits(max_output=10))
    out = sb.execute("import sys\nprint('12345')\nsys.stderr.write('678901234')\nprint('more')\n5")
    assert out.ok and out.value == 5
    marker = "\n[output cut: more than max_output=10 bytes printed]\n"
    assert out.stdout == "12345\n"
    assert out.stderr == "6789" + marker
    out = sb.execute("print('again')")             # a fresh budget for each run
    assert out.stdout == "again\n"


def test_max_output_counts_utf8_bytes_and_never_splits_a_character():
    sb = monty.Sandbox(limits=monty.Limits(max_output=5))
    out = sb.execute("print('ééé')")                # 6 bytes of UTF-8, then a newline
    assert out.stdout.startswith("éé\n[output cut") and out.stdout.count("é") == 2


def test_max_output_none_is_no_cap():
    sb = monty.Sandbox(limits=monty.Limits(max_output=None))
    out = sb.execute("print('y' * 3_000_000)")
    assert out.stdout == "y" * 3_000_000 + "\n"


def test_max_output_across_resumes():
    got = []
    sb = monty.Sandbox(functions={"fetch": None}, print_callback=got.append,
                       limits=monty.Limits(max_output=8))
    step = sb.start("print('abcd')\nfetch()\nprint('efgh')\n'end'")
    step = step.resume(None)
    assert step.value == "end"
    assert "".join(got) == "abcd\nefg\n[output cut: more than max_output=8 bytes printed]\n"


@pytest.mark.parametrize("kwargs, exc", [
    ({"max_wall_time": 0}, ValueError), ({"max_wall_time": -1.0}, ValueError),
    ({"max_host_calls": -1}, ValueError), ({"max_output": -5}, ValueError),
    ({"max_host_calls": True}, TypeError), ({"max_output": 1.5}, TypeError),
    ({"max_wall_time": "1"}, TypeError),
])
def test_new_limits_are_validated(kwargs, exc):
    with pytest.raises(exc):
        monty.Limits(**kwargs)


def test_new_limit_defaults():
    limits = monty.Limits()
    assert limits.max_wall_time is None and limits.max_host_calls is None
    assert limits.max_output == 1 << 20
    assert "max_output=1048576" in repr(limits)


# ---------------------------------------------------------------------------------------------
# 5. set_functions

def test_set_functions_replaces_tools_and_keeps_globals():
    sb = monty.Sandbox(functions={"search": lambda q: f"old:{q}", "extra": lambda: 1})
    assert sb.run("notes = [search('a')]\ndef helper(x):\n    return x * 2\nnotes") == ["old:a"]
    sb.set_functions({"search": lambda q: f"new:{q}", "lookup": lambda k: {"k": k}})
    assert sb.run("notes.append(search('b'))\n(notes, helper(3), lookup(1))") == \
        (["old:a", "new:b"], 6, {"k": 1})
    out = sb.execute("extra()")
    assert out.error.exc_type == "NameError" and "extra" in str(out.error)


def test_set_functions_reaches_references_sandbox_code_kept():
    sb = monty.Sandbox(functions={"tool": lambda: "v1", "gone": lambda: "g"})
    sb.run("alias = tool\nkeep = gone\ntools = {'t': tool}")
    sb.set_functions({"tool": lambda: "v2"})
    assert sb.run("(tool(), alias(), tools['t']())") == ("v2", "v2", "v2")
    out = sb.execute("keep()")
    assert out.error.exc_type == "RuntimeError" and "'gone' was removed" in str(out.error)
    # ... also under start(): a removed function never pauses as a Call
    step = sb.start("tools['t']()")
    assert isinstance(step, monty.Call) and step.function_name == "tool"
    with pytest.raises(monty.MontyRuntimeError, match="removed"):
        sb.start("keep()")


def test_set_functions_names_only_and_start():
    sb = monty.Sandbox()
    sb.run("x = 10")
    sb.set_functions({"ask": None})
    step = sb.start("ask(x) + 1")
    assert isinstance(step, monty.Call) and step.function_name == "ask" and step.args == (10,)
    assert step.resume(5).value == 6


def test_set_functions_validates_like_the_constructor():
    sb = monty.Sandbox(functions={"a": len})
    for bad, exc in (([("a", len)], TypeError), ({"not an id": len}, TypeError),
                     ({"f": 3}, TypeError), ({1: len}, TypeError)):
        with pytest.raises(exc):
            sb.set_functions(bad)
    assert sb.run("a('abc')") == 3          # a refused call changes nothing


def test_set_functions_from_inside_a_run_is_refused():
    sb = monty.Sandbox()
    errors = []

    def swap():
        try:
            sb.set_functions({})
        except monty.MontyError as e:
            errors.append(str(e))
        return 1

    sb.set_functions({"swap": swap})
    assert sb.run("swap()") == 1 and errors and "already running" in errors[0]


# ---------------------------------------------------------------------------------------------
# 8. capabilities() and describe_functions()

def test_capabilities_lists_the_real_module_registry():
    from monty.modules import available
    caps = monty.capabilities()
    assert set(caps) == {"modules", "builtins", "syntax"}
    assert sorted(caps["modules"]) == available()
    assert {"dumps", "loads"} <= set(caps["modules"]["json"])
    assert "sqrt" in caps["modules"]["math"] and "gather" in caps["modules"]["asyncio"]
    sb = monty.Sandbox()
    for name, names in caps["modules"].items():
        assert names == sorted(names) and all(not n.startswith("_") for n in names)
        # every listed name is really there for sandbox code
        missing = sb.run(f"import {name} as m\n[n for n in names if not hasattr(m, n)]",
                         inputs={"names": names})
        assert missing == [], (name, missing)


def test_capabilities_builtins_are_the_sandbox_builtins():
    import builtins
    caps = monty.capabilities()
    names = caps["builtins"]
    assert {"print", "len", "sorted", "isinstance", "ValueError"} <= set(names)
    assert "open" not in names and "__import__" not in names and "input" not in names
    # eval/exec/compile are the sandbox's own (they compile through monty's front end)
    assert {"eval", "exec", "compile", "globals", "locals"} <= set(names)
    sb = monty.Sandbox()
    # each one is bound in the sandbox, and is the CPython builtin's namesake
    assert sb.run("[" + ", ".join(f"type({n}).__name__" for n in names) + "]") is not None
    assert all(hasattr(builtins, n) for n in names)


def test_capabilities_syntax_comes_from_the_compiler():
    syntax = monty.capabilities()["syntax"]
    assert syntax["top_level_return"] is True and syntax["top_level_await"] is True
    assert "starred base classes (class C(*bases))" in syntax["unsupported_forms"]
    for kind, prefix in (("unsupported_statements", "stmt_"), ("unsupported_expressions", "expr_")):
        from monty.compiler import Compiler
        assert all(not hasattr(Compiler, prefix + n) for n in syntax[kind])
    with pytest.raises(monty.MontySyntaxError):
        monty.Sandbox().run("class C(*bases): pass")


def test_capabilities_is_a_fresh_copy():
    caps = monty.capabilities()
    caps["modules"]["json"].clear()
    caps["builtins"].append("open")
    again = monty.capabilities()
    assert "dumps" in again["modules"]["json"] and "open" not in again["builtins"]


def weather(city: str, units: str = "metric") -> dict[str, float]:
    """Current weather for a city."""
    return {}


async def search(query: str, *, limit: int = 5) -> list[str]:
    """Search the web.

    Returns the titles of the results."""
    return []


class Tool:
    def __call__(self, x: int) -> int:
        return x


def test_describe_functions_stub_text():
    sb = monty.Sandbox(functions={"get_weather": weather, "search": search, "ask": None,
                                  "length": len, "tool": Tool()})
    text = sb.describe_functions()
    assert text == (
        'def get_weather(city: str, units: str = \'metric\') -> dict[str, float]:\n'
        '    """Current weather for a city."""\n'
        '\n\n'
        'async def search(query: str, *, limit: int = 5) -> list[str]:\n'
        '    """Search the web.\n'
        '\n'
        '    Returns the titles of the results.\n'
        '    """\n'
        '\n\n'
        'def ask(*args, **kwargs):\n'
        '    """Host function (its arguments are handled by the host)."""\n'
        '\n\n'
        'def length(obj, /):\n'
        '    """Return the number of items in a container."""\n'
        '\n\n'
        'def tool(x: int) -> int: ...\n'
    )
    compile(text, "<stubs>", "exec")       # valid Python
    sb.set_functions({"only": weather})
    assert sb.describe_functions().startswith("def only(city: str")


# ---------------------------------------------------------------------------------------------
# 9. the typed API

import ast as _ast
import os
import subprocess

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
STUB = os.path.join(ROOT, "monty", "__init__.pyi")


def _stub_tree():
    with open(STUB, encoding="utf-8") as f:
        return _ast.parse(f.read())


def test_the_stub_declares_everything_in_all():
    tree = _stub_tree()
    declared = set()
    for node in tree.body:
        if isinstance(node, (_ast.ClassDef, _ast.FunctionDef)):
            declared.add(node.name)
        elif isinstance(node, (_ast.AnnAssign, _ast.Assign)):
            for t in ([node.target] if isinstance(node, _ast.AnnAssign) else node.targets):
                if isinstance(t, _ast.Name):
                    declared.add(t.id)
    assert set(monty.__all__) <= declared, set(monty.__all__) - declared
    assert os.path.exists(os.path.join(ROOT, "monty", "py.typed"))


def test_the_stub_declares_the_public_members_of_each_class():
    classes = {n.name: n for n in _stub_tree().body if isinstance(n, _ast.ClassDef)}
    for name in monty.__all__:
        obj = getattr(monty, name)
        if not isinstance(obj, type) or issubclass(obj, BaseException):
            continue
        members = set()
        for node in classes[name].body:
            if isinstance(node, _ast.FunctionDef):
                members.add(node.name)
            elif isinstance(node, _ast.AnnAssign) and isinstance(node.target, _ast.Name):
                members.add(node.target.id)
        public = {m for m in dir(obj) if not m.startswith("_")}
        assert public <= members, (name, public - members)


def _mypy(tmp_path, *paths):
    return subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--cache-dir", str(tmp_path / "cache"),
         *paths], cwd=ROOT, capture_output=True, text=True, timeout=300)


def test_mypy_strict_passes_on_the_examples_and_catches_misuse(tmp_path):
    result = _mypy(tmp_path, "examples")
    assert result.returncode == 0, result.stdout + result.stderr
    bad = tmp_path / "misuse.py"
    bad.write_text("import monty\n"
                   "out: monty.Outcome = monty.Sandbox().execute(42)\n"
                   "n: int = out.stdout\n"
                   "monty.Limits(max_output='big')\n")
    result = _mypy(tmp_path, str(bad))
    assert result.returncode == 1
    assert result.stdout.count("error:") == 3, result.stdout


def test_call_and_pending_name_their_sandbox():
    import monty
    sb = monty.Sandbox(functions={"f": None})
    step = sb.start("x = 1\ny = f()\nz = y + 1")
    assert step.sandbox is sb
    loaded = monty.load(step.dump(), functions={"f": None})
    assert loaded.sandbox is not sb
    assert isinstance(loaded.resume(5), monty.Done)
    assert loaded.sandbox.run("(x, y, z)") == (1, 5, 6)

    async def g(n):
        return n

    sb = monty.Sandbox(functions={"g": g})
    pending = sb.start("import asyncio\nawait asyncio.gather(g(1), g(2))")
    assert isinstance(pending, monty.Pending) and pending.sandbox is sb
    assert all(c.sandbox is sb for c in pending.calls)
