"""Sandboxed eval/exec/compile and globals()/locals(): pausing inside exec'd code (with
dump/load, also in a fresh process), the limits, tracebacks, snapshots of what exec made.
The value-level behaviour against CPython is tests/differential/eval_exec.py."""

import time

import pytest

import monty
from tests.pausing import assert_pauses_like_cpython


# ------------------------------------------------------------------ pausing like CPython

_PAUSING = [
    # exec at the top level: the module's globals
    "exec('a = get(1)\\nb = get(a)')\n[a, b]",
    # eval of a host call
    "v = eval('get(3) + get(4)')\nv",
    # a function exec defined in its own namespace, called later, pausing inside
    "g = {'get': get}\nexec('def f(x):\\n    return get(x) + get(x + 1)\\n', g)\n"
    "[g['f'](i) for i in range(2)]",
    # a function exec defined at the top level closes over the module's globals
    "exec('def h():\\n    return get(counter)\\ncounter = 5')\nr1 = h()\ncounter = 7\n[r1, h()]",
    # exec nested in exec, pausing in the inner one
    "exec(\"exec('z = get(2)')\")\nz",
    # exec inside a function: the locals are a snapshot, the globals the module's
    "def run():\n    n = 4\n    exec('m = get(n)\\nnote(m)')\n    return eval('get(n) + 1')\nrun()",
    # compile() code objects held across a pause
    "c = compile('get(8) * 2', '<c>', 'eval')\nd = compile('w = get(9)', '<c>', 'exec')\n"
    "r = [eval(c)]\nexec(d)\nr + [w, eval(c)]",
    # globals() held across a pause and written after it
    "g = globals()\nx = get(1)\ng['y'] = get(2)\n[x, y, g['x']]",
    # a class exec defined, its methods pausing
    "ns = {'get': get}\nexec('class K:\\n    def m(self):\\n        return get(self.v)\\n    v = 3\\n', ns)\n"
    "ns['K']().m()",
    # locals() mapping of an exec and a generator defined in exec'd code
    "ns = {'get': get}\nloc = {}\nexec('def gen():\\n    yield get(1)\\n    yield get(2)\\nout = list(gen())', ns, loc)\n"
    "loc['out']",
    # an exception from a host call inside exec'd code, caught outside
    "try:\n    exec('fail(1)')\nexcept KeyError as e:\n    r = repr(e)\nr",
]


@pytest.mark.parametrize("code", _PAUSING)
def test_exec_eval_pause_like_cpython(code):
    assert_pauses_like_cpython(code)


def test_exec_defined_function_pauses_through_a_fresh_process():
    assert_pauses_like_cpython(
        "g = {'get': get}\nexec('total = 0\\ndef add(x):\\n    global total\\n"
        "    total += get(x)\\n    return total\\n', g)\n[g['add'](1), g['add'](2), g['total']]",
        subprocess_steps=True)


def test_idle_sandbox_with_exec_functions_dumps_and_loads():
    sb = monty.Sandbox()
    sb.run("ns = {}\nexec('base = 10\\ndef f(x):\\n    return base + x\\n', ns)\n"
           "exec('def top():\\n    return ns[\"f\"](1)')\nc = compile('6 * 7', 'f', 'eval')")
    sb2 = monty.Sandbox.load(sb.dump())
    assert sb2.run("[ns['f'](5), top(), eval(c), globals()['ns']['base']]") == [15, 11, 42, 10]


def test_large_exec_code_is_not_kept_and_refused_by_name_in_a_snapshot():
    sb = monty.Sandbox(functions={"get": None})
    src = "x = 1\n" * 4000 + "def f():\n    return get(1)\n"
    step = sb.start(f"g = {{'get': get}}\nexec({src!r}, g)\ng['f']()")
    assert isinstance(step, monty.Call)
    with pytest.raises(monty.MontyError, match="cannot snapshot"):
        step.dump()
    assert step.resume(5).value == 5


# ------------------------------------------------------------------ limits

def _sandbox(**kw):
    kw.setdefault("max_duration", 1.0)
    return monty.Sandbox(limits=monty.Limits(**kw), print_callback=lambda s: None)


def test_exec_bomb_is_refused_by_the_source_bounds():
    sb = _sandbox()
    assert sb.run("try:\n    exec('x=1\\n' * 10 ** 7)\nexcept SyntaxError as e:\n    r = e.msg\nr") \
        .startswith("source is too")


def test_exec_nesting_counts_toward_the_recursion_limit():
    sb = _sandbox(max_recursion_depth=50)
    with pytest.raises(monty.MontyRuntimeError) as e:
        sb.run("s = 'exec(s)'\nexec(s)")
    assert e.value.exc_type == "RecursionError"
    # the depth reached is the limit: 50 frames of exec'd code at most
    assert sb.run("d = [0]\ns = 'd[0] += 1\\nexec(s)'\ntry:\n    exec(s)\nexcept RecursionError:\n"
                  "    pass\nd[0]") <= 50


def test_recursive_exec_loop_ends_at_the_time_limit():
    sb = _sandbox(max_duration=0.5)
    t = time.perf_counter()
    with pytest.raises(monty.MontyTimeLimitError):
        sb.run("s = 'exec(s)'\nwhile True:\n    try:\n        exec(s)\n    except RecursionError:\n"
               "        pass")
    assert time.perf_counter() - t < 0.5 + 0.3


def test_exec_of_growing_strings_ends_within_the_limits():
    sb = _sandbox(max_duration=0.5)
    t = time.perf_counter()
    with pytest.raises(monty.MontyLimitError):
        sb.run("s = 'x = 1\\n'\ni = 0\nwhile True:\n    i += 1\n    try:\n"
               "        exec(s + f'y{i} = {i}')\n    except Exception:\n        pass\n"
               "    s += 'x = x + 1\\n' * 50")
    assert time.perf_counter() - t < 0.5 + 0.6


def test_exec_loop_in_exec_code_hits_the_time_limit_uncatchably():
    sb = _sandbox(max_duration=0.3)
    with pytest.raises(monty.MontyTimeLimitError):
        sb.run("try:\n    exec('while True:\\n    pass')\nexcept BaseException:\n    pass")
    assert sb.run("1 + 1") == 2


def test_exec_memory_bomb_hits_the_memory_limit():
    sb = _sandbox(max_memory=20_000_000)
    with pytest.raises(monty.MontyMemoryLimitError):
        sb.run("g = {}\nexec('x = []\\nwhile True:\\n    x.append(\"a\" * 1000)', g)")


# ------------------------------------------------------------------ tracebacks and errors

def test_traceback_names_the_exec_frame():
    sb = monty.Sandbox()
    with pytest.raises(monty.MontyRuntimeError) as e:
        sb.run("x = 1\nexec('y = 2\\n1 / 0')")
    assert e.value.exc_type == "ZeroDivisionError"
    assert e.value.traceback == [("<module>", 2), ("<module>", 2)]


def test_traceback_names_functions_exec_defined():
    sb = monty.Sandbox()
    with pytest.raises(monty.MontyRuntimeError) as e:
        sb.run("g = {}\nexec('def f():\\n    return 1 / 0\\n', g)\ng['f']()")
    assert e.value.traceback[-1] == ("f", 2)


def test_syntax_error_in_exec_is_a_sandbox_exception_not_a_monty_syntax_error():
    sb = monty.Sandbox()
    with pytest.raises(monty.MontyRuntimeError) as e:
        sb.run("exec('x = (')")
    assert e.value.exc_type == "SyntaxError"
    assert "'(' was never closed" in str(e.value)


_REFUSED = "async def f(y):\n    return lambda: [x async for x in y]\n"


def test_unsupported_syntax_is_the_same_refusal_as_at_the_top_level():
    sb = monty.Sandbox()
    with pytest.raises(monty.MontySyntaxError) as top:
        sb.run(_REFUSED)
    got = sb.run(f"try:\n    exec({_REFUSED!r})\nexcept SyntaxError as e:\n"
                 f"    r = [type(e).__name__, e.msg, e.lineno]\nr")
    assert top.value.message.startswith("SyntaxError: ")
    assert got == ["SyntaxError", top.value.message[len("SyntaxError: "):], top.value.lineno]


def test_globals_view_does_not_cross_the_boundary():
    sb = monty.Sandbox()
    out = sb.execute("globals()")
    assert out.error is None and type(out.value).__name__ == "Opaque"
    with pytest.raises(monty.MontyTypeError):
        sb.run("globals()")


def test_exec_builtins_are_the_sandbox_builtins():
    sb = monty.Sandbox()
    assert sb.run("g = {}\nexec('pass', g)\nb = g['__builtins__']\n"
                  "[hasattr(b, 'open'), hasattr(b, '__import__'), b.len('ab'), type(b).__name__]") \
        == [False, False, 2, "module"]
