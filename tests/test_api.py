"""The public API: Sandbox.run, errors raised to the host, the boundary, policy refusals."""

import time

import pytest

import monty


def run(code, **kwargs):
    return monty.Sandbox(**kwargs).run(code)


def runtime_error(code, **kwargs):
    with pytest.raises(monty.MontyRuntimeError) as info:
        run(code, **kwargs)
    return info.value


# ---------------------------------------------------------------- syntax

@pytest.mark.parametrize("code, construct", [
    ("class C:\n    g = (x async for x in xs)", "asynchronous generator expressions"),
    ("f = lambda xs: (x async for x in xs)", "asynchronous generator expressions"),
    ("async def f(xs):\n    g = lambda: [x async for x in xs]", "asynchronous comprehension"),
])
def test_unsupported_syntax_names_construct_and_line(code, construct):
    with pytest.raises(monty.MontySyntaxError) as info:
        run(code)
    assert construct in str(info.value)
    assert info.value.lineno >= 1


def test_unsupported_syntax_line_number():
    with pytest.raises(monty.MontySyntaxError) as info:
        run("x = 1\ny = 2\nf = lambda xs: (x async for x in xs)")
    assert info.value.lineno == 3
    assert "(line 3)" in str(info.value)


def test_parse_error_is_syntax_error():
    with pytest.raises(monty.MontySyntaxError) as info:
        run("x = (1,")
    assert "SyntaxError" in str(info.value)


def test_compile_time_errors_are_syntax_errors():
    for code in ("class C:\n    return 1", "break", "def f():\n    nonlocal q"):
        with pytest.raises(monty.MontySyntaxError):
            run(code)


# ---------------------------------------------------------------- runtime errors

def test_runtime_error_fields():
    e = runtime_error("d = {}\nd['missing']")
    assert e.exc_type == "KeyError"
    assert e.message == "'missing'"
    assert "KeyError" in str(e) and "'missing'" in str(e)
    assert e.traceback == [("<module>", 2)]


def test_traceback_lists_sandbox_frames():
    code = "def inner(x):\n    return 1 / x\ndef outer():\n    return inner(0)\nouter()"
    e = runtime_error(code)
    assert e.exc_type == "ZeroDivisionError"
    assert e.traceback == [("<module>", 5), ("outer", 4), ("inner", 2)]
    shown = e.display()
    assert shown.startswith("Traceback (most recent call last):")
    assert '  File "<string>", line 2, in inner\n    return 1 / x' in shown
    assert shown.endswith("ZeroDivisionError: division by zero")


def test_display_shows_exception_chain():
    code = "try:\n    1 / 0\nexcept ZeroDivisionError as e:\n    raise ValueError('bad') from e"
    shown = runtime_error(code).display()
    assert "ZeroDivisionError: division by zero" in shown
    assert "The above exception was the direct cause of the following exception:" in shown
    assert shown.endswith("ValueError: bad")


def test_errors_share_a_base_class():
    for cls in (monty.MontySyntaxError, monty.MontyRuntimeError, monty.MontyLimitError,
                monty.MontyTimeLimitError, monty.MontyTypeError):
        assert issubclass(cls, monty.MontyError)


# ---------------------------------------------------------------- state and boundary

def test_globals_persist_across_runs():
    sb = monty.Sandbox()
    sb.run("def add(a, b):\n    return a + b\ntotal = 10")
    assert sb.run("total = add(total, 5)\ntotal") == 15
    assert sb.run("total") == 15


def test_inputs_are_copied_in():
    data = {"items": [1, 2, 3]}
    sb = monty.Sandbox()
    assert sb.run("data['items'].append(4)\nlen(data['items'])", inputs={"data": data}) == 4
    assert data == {"items": [1, 2, 3]}


def test_results_are_copied_out_with_identity():
    value = run("a = [1, 2]\n[a, a, {'k': (a,)}]")
    assert value == [[1, 2], [1, 2], {"k": ([1, 2],)}]
    assert value[0] is value[1] is value[2]["k"][0]


def test_cycles_cross_the_boundary():
    value = run("a = []\na.append(a)\na")
    assert value[0] is value


def test_non_plain_result_is_a_type_error():
    with pytest.raises(monty.MontyTypeError) as info:
        run("def f():\n    pass\nf")
    assert isinstance(info.value, TypeError)
    assert "function" in str(info.value)


def test_non_plain_input_is_refused():
    sb = monty.Sandbox()
    with pytest.raises(TypeError):
        sb.run("x", inputs={"x": object()})
    assert sb.run("1 + 1") == 2


def test_bad_arguments_are_type_errors():
    with pytest.raises(TypeError):
        monty.Sandbox().run(b"1 + 1")
    with pytest.raises(TypeError):
        monty.Sandbox(functions=[print])
    with pytest.raises(TypeError):
        monty.Sandbox(limits={"max_duration": 1})
    with pytest.raises(TypeError):
        monty.Sandbox().run("1", inputs={"not an identifier": 1})


def test_print_callback_receives_text():
    chunks = []
    run("print('a', 1, sep='-', end='!')\nprint()", print_callback=chunks.append)
    assert chunks == ["a-1!", "\n"]


def test_print_to_an_object_without_write_fails_as_in_cpython():
    e = runtime_error("print('x', file=None)\nprint('x', file=1)")
    assert e.exc_type == "AttributeError"
    assert e.message == "'int' object has no attribute 'write'"


# ---------------------------------------------------------------- host functions

def test_host_function_called_with_plain_copies():
    seen = []

    def record(items, *, tag):
        seen.append((items, tag))
        items.append("host")
        return {"n": len(items)}

    sb = monty.Sandbox(functions={"record": record})
    assert sb.run("xs = [1]\nr = record(xs, tag='t')\n(r, xs)") == ({"n": 2}, [1])
    assert seen == [([1, "host"], "t")]


@pytest.mark.parametrize("exc, exc_type, message", [
    (KeyError("k"), "KeyError", "'k'"),
    (ValueError("bad value"), "ValueError", "bad value"),
    (ConnectionError("down"), "ConnectionError", "down"),
    (TimeoutError("slow"), "TimeoutError", "slow"),
])
def test_host_builtin_exceptions_keep_type_and_message(exc, exc_type, message):
    def fail():
        raise exc

    sb = monty.Sandbox(functions={"fail": fail})
    code = f"try:\n    fail()\nexcept {exc_type} as e:\n    r = ('caught', str(e))\nr"
    assert sb.run(code) == ("caught", message)


def test_host_custom_exception_becomes_runtime_error():
    class HostError(Exception):
        pass

    def fail():
        raise HostError("secret detail")

    sb = monty.Sandbox(functions={"fail": fail})
    assert sb.run("try:\n    fail()\nexcept RuntimeError as e:\n    r = str(e)\nr") == "secret detail"
    assert sb.run("try:\n    fail()\nexcept RuntimeError as e:\n    r = e.__traceback__\nr") is None


def test_host_function_returning_non_plain_value():
    sb = monty.Sandbox(functions={"leak": lambda: object()})
    e = None
    with pytest.raises(monty.MontyRuntimeError) as info:
        sb.run("leak()")
    e = info.value
    assert e.exc_type == "TypeError"
    assert sb.run("1") == 1


def test_host_function_attributes_are_not_reachable():
    sb = monty.Sandbox(functions={"f": len})
    for attr in ("__self__", "__globals__", "func", "__call__", "__module__"):
        with pytest.raises(monty.MontyRuntimeError) as info:
            sb.run(f"f.{attr}")
        assert info.value.exc_type == "AttributeError"


# ---------------------------------------------------------------- policy

@pytest.mark.parametrize("code", [
    "open('/etc/passwd')", "eval('open')", "exec('__import__(\"os\")')",
    "__import__('os')", "input()", "breakpoint()",
])
def test_dangerous_builtins_are_absent(code):
    assert runtime_error(code).exc_type == "NameError"


def test_vars_gives_sandbox_names_only():
    sb = monty.Sandbox(functions={"f": lambda: 1})
    assert sb.run("x = 1\nsorted(k for k in vars() if not k.startswith('_'))") == ["f", "x"]
    # a function's locals, cells included; no frame, code or host object among the values
    assert sb.run("def g(a):\n    b = a + 1\n    def h():\n        return b\n    return vars()\n"
                  "sorted(g(1))") == ["a", "b", "h"]
    assert sb.run("class C:\n    pass\nc = C()\nc.y = 2\nvars(c)") == {"y": 2}
    assert sb.run("vars(g)") == {}       # a sandbox function's own attributes, as in CPython
    for code in ("vars(1)", "vars(len)", "vars(print)", "vars(vars)"):
        with pytest.raises(monty.MontyRuntimeError) as info:
            sb.run(code)
        assert info.value.exc_type in ("TypeError", "KeyError"), code
    ns = sb.run("import math\nsorted(vars(math))")
    assert "pi" in ns and "sqrt" in ns and not any(n.startswith("__") for n in ns)


@pytest.mark.parametrize("code", ["import os", "from os import path", "import subprocess as s", "import socket"])
def test_import_is_refused(code):
    e = runtime_error(code)
    assert e.exc_type == "ModuleNotFoundError"
    assert "No module named" in e.message


@pytest.mark.parametrize("code", [
    "().__class__.__bases__",
    "(1).__class__.__subclasses__()",
    "getattr(int, '__subclasses__')",
    "getattr((), '__cl' + 'ass__').__base__",
    "def f():\n    pass\nf.__globals__",
    "def f():\n    pass\nf.__code__",
    "(lambda: 0).__closure__",
    "[].append.__self__",
    "try:\n    1/0\nexcept Exception as e:\n    e.__traceback__.tb_frame",
    "iter([]).__reduce__",
])
def test_dunder_traversal_is_refused(code):
    assert runtime_error(code).exc_type in ("AttributeError", "TypeError")


@pytest.mark.parametrize("code", [
    "'{0.__class__.__base__.__subclasses__}'.format(())",
    "'{0.__globals__}'.format(lambda: 0)",
    "'{x.__class__.__mro__}'.format_map({'x': 1})",
])
def test_format_field_traversal_is_refused(code):
    assert runtime_error(code).exc_type == "AttributeError"


def test_type_with_three_arguments_makes_a_sandbox_class():
    assert run("C = type('C', (), {'x': 1})\n(C().x, C.__name__)") == (1, "C")


@pytest.mark.parametrize("code", [
    "type('X', (type,), {})",
    "type('X', (), {}, metaclass=type)",
    "import sys\ntype('X', (type(sys),), {})",
])
def test_type_with_three_arguments_keeps_the_class_rules(code):
    assert runtime_error(code).exc_type == "TypeError"


def test_type_of_builtin_values():
    assert run("[type(1) is int, type('') is str, type([]).__name__, type(len).__name__]") == \
        [True, True, "list", "builtin_function_or_method"]


# ---------------------------------------------------------------- limits

def test_time_limit_cannot_be_caught():
    chunks = []
    sb = monty.Sandbox(limits=monty.Limits(max_duration=0.2), print_callback=chunks.append)
    code = ("try:\n    while True:\n        pass\nexcept BaseException:\n    print('caught')\n"
            "finally:\n    print('finally')")
    start = time.perf_counter()
    with pytest.raises(monty.MontyTimeLimitError):
        sb.run(code)
    assert time.perf_counter() - start < 0.7
    assert chunks == []
    assert sb.run("21 * 2") == 42


def test_recursion_error_is_catchable():
    code = ("def f(n):\n    return f(n + 1)\ntry:\n    f(0)\nexcept RecursionError as e:\n"
            "    r = str(e)\nr")
    assert run(code, limits=monty.Limits(max_recursion_depth=50)) == "maximum recursion depth exceeded"


def test_huge_repetition_is_refused_before_allocating():
    # with no memory limit, the absolute per-result cap still refuses it (catchable)
    e = runtime_error("'ab' * 10 ** 12", limits=monty.Limits(max_memory=None))
    assert e.exc_type == "MemoryError"
    # with a memory limit, it is a limit error
    with pytest.raises(monty.MontyMemoryLimitError):
        run("'ab' * 10 ** 12")


# ---------------------------------------------------------------- host dataclass instances

import dataclasses as _dc


@_dc.dataclass(frozen=True)
class HostPoint:
    x: int
    y: int

    def secret(self):
        return "host method"


@_dc.dataclass(order=True)
class HostBox:
    label: str
    items: list = _dc.field(default_factory=list)
    note: object = None


def _dc_sandbox(**extra):
    calls = []

    def keep(value):
        calls.append(value)
        return value

    functions = {"make_point": lambda: HostPoint(1, 2), "make_box": lambda: HostBox("b", [1, (2,)]),
                 "keep": keep}
    functions.update(extra)
    return monty.Sandbox(functions=functions), calls


def test_host_dataclass_round_trip():
    sb, calls = _dc_sandbox()
    out = sb.run("p = make_point()\nb = make_box()\nkeep(p)\nkeep(b)\n[p, b]")
    assert out == [HostPoint(1, 2), HostBox("b", [1, (2,)])]
    assert type(out[0]) is HostPoint and type(out[1]) is HostBox
    assert type(calls[0]) is HostPoint and calls[0] == HostPoint(1, 2)
    # sandbox values that crossed back are new host objects, fields converted again
    assert calls[1].items == [1, (2,)] and calls[1].items is not out[1].items
    # a host instance passed in as an input crosses the same way
    assert sb.run("q", inputs={"q": HostPoint(5, 6)}) == HostPoint(5, 6)


def test_host_dataclass_behaviour_in_the_sandbox():
    sb, _ = _dc_sandbox()
    assert sb.run("p = make_point()\nrepr(p)") == "HostPoint(x=1, y=2)"
    assert sb.run("[p == make_point(), p != make_point(), hash(p) == hash(make_point()),"
                  " len({p, make_point()}), type(p) is type(make_point()), p.x + p.y,"
                  " type(p).__name__]") == [True, False, True, 1, True, 3, "HostPoint"]
    e = runtime_error_in(sb, "p.x = 5")
    assert (e.exc_type, e.message) == ("FrozenInstanceError", "cannot assign to field 'x'")
    e = runtime_error_in(sb, "p.z")
    assert (e.exc_type, e.message) == ("AttributeError", "'HostPoint' object has no attribute 'z'")
    e = runtime_error_in(sb, "p.x()")
    assert (e.exc_type, e.message) == ("TypeError", "'int' object is not callable")
    # mutable, ordered: assignment, ordering, unhashable like the host class
    assert sb.run("b = make_box()\nb.label = 'a'\nb.items.append(3)\n"
                  "[b < make_box(), b.items, sorted([make_box(), b])[0] is b]") == [True, [1, (2,), 3], True]
    e = runtime_error_in(sb, "hash(b)")
    assert (e.exc_type, e.message) == ("TypeError", "unhashable type: 'HostBox'")
    import dataclasses
    assert sb.run("import dataclasses\n[dataclasses.is_dataclass(p), dataclasses.asdict(p),"
                  " dataclasses.replace(p, y=7)]") == [True, {"x": 1, "y": 2}, HostPoint(1, 7)]


def runtime_error_in(sb, code):
    with pytest.raises(monty.MontyRuntimeError) as info:
        sb.run(code)
    return info.value


def test_host_dataclass_exposes_nothing_of_the_host():
    sb, calls = _dc_sandbox()
    sb.run("p = make_point()\nb = make_box()")
    # no host method, class or module is reachable from the instance or its class
    for code in ("p.secret", "type(p).secret", "p.__class__.__module__ == 'test_api' or None",
                 "[c for c in type(p).__mro__ if c.__name__ == 'HostPoint' and c is not type(p)] or None"):
        try:
            value = sb.run(code)
        except monty.MontyRuntimeError as e:
            assert e.exc_type in ("AttributeError",), code
        else:
            assert value is None, code
    fields = sb.run("import dataclasses\n[(f.name, f.type is str or f.type is list or f.type is object)"
                    " for f in dataclasses.fields(b)]")
    assert fields == [("label", True), ("items", True), ("note", True)]
    # annotations are builtin types or names, defaults and factories are not copied
    assert sb.run("all(f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING"
                  " for f in dataclasses.fields(b))") is True
    # a sandbox dataclass with the same name is not the host class: it cannot cross out
    e = runtime_error_in(sb, "from dataclasses import dataclass\n@dataclass\nclass HostPoint:\n"
                             "    x: int\n    y: int\nkeep(HostPoint(1, 2))")
    assert e.exc_type == "TypeError" and "cannot cross" in e.message
    # nor can a sandbox subclass of the crossed class
    e = runtime_error_in(sb, "class Sub(type(p)):\n    pass\nkeep(Sub(1, 2))")
    assert e.exc_type == "TypeError" and "cannot cross" in e.message
    # each sandbox gets its own class: changing it in one does not reach another
    other, _ = _dc_sandbox()
    sb.run("type(p).extra = 1")
    assert other.run("hasattr(make_point(), 'extra')") is False
    assert sb.run("make_point().extra") == 1


def test_host_dataclass_with_unconvertible_field_is_refused():
    sb, _ = _dc_sandbox(make_bad=lambda: HostBox("b", note=object()))
    e = runtime_error_in(sb, "make_bad()")
    assert e.exc_type == "TypeError" and "cannot hold" in e.message


def test_host_dataclass_instances_are_not_snapshotted():
    sb = monty.Sandbox(functions={"mk": None, "wait": None})
    call = sb.start("p = mk()\nr = wait(1)\np")
    assert call.function_name == "mk"
    call = call.resume(HostPoint(1, 2))
    assert call.function_name == "wait"
    with pytest.raises(monty.MontyError, match="stands for a host dataclass"):
        call.dump()
    # the paused program itself goes on
    assert call.resume(None).value == HostPoint(1, 2)


def test_host_dataclass_frozen_error_is_catchable_without_imports():
    sb = monty.Sandbox(functions={"make_point": lambda: HostPoint(1, 2)})
    assert sb.run("p = make_point()\ntry:\n    setattr(p, 'x', 10)\nexcept AttributeError as e:\n"
                  "    r = [type(e).__name__, str(e)]\nr") == ["FrozenInstanceError",
                                                             "cannot assign to field 'x'"]


def test_host_dataclass_with_a_non_identifier_field_is_refused():
    @_dc.dataclass
    class Odd:
        a: int

    odd = Odd(1)
    Odd.__dataclass_fields__["a"].name = "a=1"       # a host class gone wrong
    sb = monty.Sandbox(functions={"get": lambda: odd})
    e = runtime_error_in(sb, "get()")
    assert e.exc_type == "TypeError" and "field name 'a=1'" in e.message


def test_system_exit_raised_by_sandbox_code_is_a_runtime_error():
    for code, exc_type in (("raise SystemExit(3)", "SystemExit"),
                           ("raise KeyboardInterrupt", "KeyboardInterrupt")):
        with pytest.raises(monty.MontyRuntimeError) as info:
            monty.Sandbox().run(code)
        assert info.value.exc_type == exc_type


def test_the_hosts_keyboard_interrupt_propagates_unchanged():
    def interrupt():
        raise KeyboardInterrupt
    sb = monty.Sandbox(functions={"interrupt": interrupt})
    with pytest.raises(KeyboardInterrupt):
        sb.run("try:\n    interrupt()\nexcept BaseException:\n    pass")
    assert sb.run("1 + 1") == 2


def test_host_exception_arguments_that_are_not_data_are_placeholders():
    class Thing:
        pass

    def fail():
        raise ValueError("host failure", Thing())
    sb = monty.Sandbox(functions={"fail": fail})
    assert sb.run("try:\n    fail()\nexcept ValueError as e:\n    r = e.args\nr") == \
        ("host failure", "<host object>")


def test_vars_and_dir_hide_compiler_made_names():
    sb = monty.Sandbox()
    assert sb.run("async def a():\n    yield 1\ng = (x async for x in a())\n"
                  "sorted(k for k in vars() if not k.startswith('__'))") == ["a", "g"]
