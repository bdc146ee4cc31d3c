"""Host functions as first-class values, and values of sandbox modules kept across pauses.

- A host function behaves as a plain CPython function where sandbox code can look: callable(),
  __name__/__qualname__/__doc__, repr, type name, equality and hashing; it can be stored in
  containers and attributes, wrapped by functools.partial, and a call through any of them
  pauses under start() and survives dump()/load().
- Recursion through native code (lru_cache, min() over a generator) counts toward the
  recursion limit instead of stopping at a separate cap of 100 nested loops.
"""

import re
import subprocess
import sys

import pytest

import monty
from tests.pausing import assert_pauses_like_cpython


def fetch(url, timeout=1):
    """Fetch a URL and return its body."""
    return f"{url}@{timeout}"


def nodoc(x):
    return x


def _sandbox(**fns):
    return monty.Sandbox(functions=fns or {"fetch": fetch, "nodoc": nodoc})


# ------------------------------------------------------------------ attributes, as CPython's

_ATTRIBUTE_EXPRS = [
    "callable(fetch)",
    "fetch.__name__",
    "fetch.__qualname__",
    "fetch.__doc__",
    "nodoc.__doc__",
    "getattr(fetch, '__name__')",
    "getattr(fetch, '__doc__')",
    "type(fetch).__name__",
    "fetch == fetch",
    "fetch != nodoc",
    "fetch == nodoc",
    "hash(fetch) == hash(fetch)",
    "len({fetch: 1, nodoc: 2, fetch: 3})",
    "fetch in [nodoc, fetch]",
    "[fetch, nodoc].index(nodoc)",
    "'{0.__name__}'.format(fetch)",
    "f'{fetch.__name__!r}'",
    "type(fetch) is type(nodoc)",
    "callable(type(fetch))",
    "bool(fetch)",
]


@pytest.mark.parametrize("expr", _ATTRIBUTE_EXPRS)
def test_host_function_attributes_match_a_plain_function(expr):
    expected = eval(expr, {"fetch": fetch, "nodoc": nodoc})
    assert _sandbox().run(expr) == expected


def test_host_function_repr_is_a_function_repr():
    text = _sandbox().run("repr(fetch)")
    assert re.fullmatch(r"<function fetch at 0x[0-9a-f]+>", text), text
    assert _sandbox().run("str(fetch) == repr(fetch)") is True


def test_type_of_host_function_is_the_sandbox_function_type():
    sb = _sandbox()
    assert sb.run("def f(): pass\ntype(fetch) is type(f)") is True
    assert sb.run("import types\nisinstance(fetch, types.FunctionType)") is True


def test_name_only_host_function_has_no_doc():
    sb = monty.Sandbox(functions={"fetch": None})
    assert sb.run("fetch.__doc__, fetch.__name__, callable(fetch)") == (None, "fetch", True)


def test_doc_follows_set_functions():
    sb = _sandbox()
    assert sb.run("fetch.__doc__") == fetch.__doc__

    def other(x):
        "Other doc."
        return x
    sb.set_functions({"fetch": other, "nodoc": nodoc})
    assert sb.run("fetch.__doc__") == "Other doc."


def test_host_function_doc_is_a_copy_of_a_str():
    class Doc(str):
        pass

    def f():
        pass
    f.__doc__ = Doc("subclass doc")
    sb = monty.Sandbox(functions={"f": f})
    assert sb.run("type(f.__doc__) is str, f.__doc__") == (True, "subclass doc")

    def g():
        pass
    g.__doc__ = 12
    assert monty.Sandbox(functions={"g": g}).run("g.__doc__") is None


# ------------------------------------------------------------------ used as values, under run()

def test_host_function_through_partial_under_run():
    sb = _sandbox()
    assert sb.run("import functools\np = functools.partial(fetch, timeout=3)\np('a')") == "a@3"
    assert sb.run("functools.partial(fetch, 'u')(timeout=5)") == "u@5"
    assert sb.run("functools.partial(fetch, 'u', timeout=1)(timeout=9)") == "u@9"
    assert sb.run("p.func is fetch, p.args, p.keywords") == (True, (), {"timeout": 3})


def test_host_function_stored_and_called_later_under_run():
    sb = _sandbox()
    code = """
class Box:
    def __init__(self, f):
        self.f = f
tools = {'get': fetch}
fs = [fetch]
b = Box(fetch)
[tools['get']('a'), fs[0]('b', timeout=2), b.f('c'), (lambda g: g('d'))(fetch)]
"""
    assert sb.run(code) == ["a@1", "b@2", "c@1", "d@1"]


def test_host_function_called_by_native_code_under_run():
    sb = _sandbox()
    assert sb.run("list(map(fetch, ['a', 'b']))") == ["a@1", "b@1"]
    assert sb.run("sorted(['bb', 'a'], key=nodoc)") == ["a", "bb"]


def test_host_function_errors_match_a_plain_function():
    sb = _sandbox()
    with pytest.raises(monty.MontyRuntimeError) as e:
        sb.run("fetch()")
    assert e.value.exc_type == "TypeError"
    with pytest.raises(monty.MontyRuntimeError) as e:
        sb.run("import functools\nfunctools.partial(fetch, 1, 2, 3)()")
    assert e.value.exc_type == "TypeError"


# ------------------------------------------------------------------ pausing through values

_PAUSING = [
    # partial of a host function: the call pauses with the merged arguments
    "import functools\np = functools.partial(get, 3)\n[p(), p(4), p(k=1)]",
    "import functools\np = functools.partial(get, 'a', mode=2)\n[p(), p('b'), p(mode=3)]",
    # partial of a sandbox function whose body calls the host
    "import functools\ndef add(a, b, *, scale=1):\n    return get(a) + b * scale\n"
    "p = functools.partial(add, 1, scale=2)\n[p(2), p(b=5), functools.partial(p, 7)()]",
    # partial of a bound method
    "import functools\nclass A:\n    def m(self, x):\n        return get(x) + 1\n"
    "p = functools.partial(A().m, 4)\np()",
    # host functions stored in containers and attributes, called later
    "tools = {'g': get, 'n': note}\nfs = [get]\nclass B:\n    pass\nb = B()\nb.f = get\n"
    "[tools['g'](1), fs[0]('x'), b.f(2), tools['n']('y')]",
    # passed as an argument and returned from a function
    "def pick(f):\n    return f\ndef call(f, *a):\n    return f(*a)\n[pick(get)(5), call(get, 6), call(pick, get)(7)]",
    # a host function as a default argument and in a closure
    "def g(x, f=get):\n    return f(x)\ndef outer():\n    h = get\n    def inner(y):\n"
    "        return h(y)\n    return inner\n[g(1), outer()(2)]",
    # held across pauses: identity and equality are kept
    "f = get\nxs = [get, f]\nget(1)\n[xs[0] is xs[1], xs[0] == get, {get: 1}[f], get.__name__, callable(f)]",
    # the partial object itself is held across a pause
    "import functools\np = functools.partial(get, 2)\nq = functools.partial(p, 5)\n"
    "a = get(0)\n[q(), p(), p.args, q.args, p.func is get, q.func is get]",
]


@pytest.mark.parametrize("code", _PAUSING)
def test_calls_through_host_function_values_pause_like_cpython(code):
    assert_pauses_like_cpython(code)


def test_partial_of_host_function_pauses_through_a_fresh_process():
    assert_pauses_like_cpython(
        "import functools\np = functools.partial(get, 'z')\nxs = [p, get]\n[xs[0](), xs[1](3)]",
        subprocess_steps=True)


def test_partial_call_pauses_with_merged_arguments():
    sb = monty.Sandbox(functions={"fetch": None})
    step = sb.start("import functools\np = functools.partial(fetch, 'a', timeout=3)\n"
                    "p('b', timeout=4, extra=1)")
    assert isinstance(step, monty.Call)
    assert (step.function_name, step.args, step.kwargs) == (
        "fetch", ("a", "b"), {"timeout": 4, "extra": 1})
    step = monty.load(step.dump(), functions={"fetch": None})
    assert step.resume("r").value == "r"


# ------------------------------------------------------------------ nested depth

_LRU = """
import functools
@functools.lru_cache(maxsize=None)
def f(n):
    return 0 if n == 0 else f(n - 1) + 1
f(N)
"""

_MIN_GEN = """
def g(n):
    return 0 if n == 0 else min(g(n - 1) + 1 for _ in [0])
g(N)
"""


def _cpython_value(code, n):
    ns = {"N": n}
    exec(code.replace("\nf(N)", "\nR = f(N)").replace("\ng(N)", "\nR = g(N)"), ns)
    return ns["R"]


def test_recursion_through_lru_cache_goes_past_100_nested_loops():
    # lru_cache's wrapper is sandbox Python: two frames a level (the wrapper's, the
    # function's), so 450 levels are 900 frames (CPython 3.11 itself stops near 600 levels,
    # counting its C calls)
    old = sys.getrecursionlimit()
    sys.setrecursionlimit(5000)
    try:
        expected = _cpython_value(_LRU, 450)
    finally:
        sys.setrecursionlimit(old)
    assert expected == 450
    assert monty.Sandbox().run(_LRU, inputs={"N": 450}) == expected


def test_recursion_through_min_of_a_generator_goes_past_100_nested_loops():
    # four frames a level (the function's, min's loop and its helper, the generator's): 200
    # levels are 800 frames
    old = sys.getrecursionlimit()
    sys.setrecursionlimit(5000)
    try:
        expected = _cpython_value(_MIN_GEN, 200)
    finally:
        sys.setrecursionlimit(old)
    assert monty.Sandbox().run(_MIN_GEN, inputs={"N": 200}) == expected == 200


@pytest.mark.parametrize("code", [_LRU, _MIN_GEN])
def test_recursion_through_native_code_past_the_limit_is_a_recursion_error(code):
    with pytest.raises(RecursionError):
        _cpython_value(code, 5000)
    with pytest.raises(monty.MontyRuntimeError) as e:
        monty.Sandbox().run(code, inputs={"N": 5000})
    assert e.value.exc_type == "RecursionError"
    assert "maximum recursion depth exceeded" in str(e.value)


def test_nested_recursion_respects_max_recursion_depth():
    sb = monty.Sandbox(limits=monty.Limits(max_recursion_depth=200))
    assert sb.run(_LRU, inputs={"N": 90}) == 90         # (two frames a level)
    with pytest.raises(monty.MontyRuntimeError) as e:
        sb.run(_LRU.replace("maxsize=None", "maxsize=7"), inputs={"N": 250})
    assert e.value.exc_type == "RecursionError"
    # the nested recursion error is catchable, as CPython's
    code = _LRU.replace("f(N)", "try:\n    f(N)\nexcept RecursionError:\n    r = 'caught'\nr")
    assert monty.Sandbox(limits=monty.Limits(max_recursion_depth=200)).run(
        code, inputs={"N": 250}) == "caught"


def test_nested_recursion_without_a_recursion_limit_stops_at_the_c_stack_bound():
    sb = monty.Sandbox(limits=monty.Limits(max_recursion_depth=None, max_duration=20))
    with pytest.raises(monty.MontyRuntimeError) as e:
        sb.run(_LRU, inputs={"N": 100_000})
    assert e.value.exc_type == "RecursionError"
    # and the sandbox keeps working
    assert sb.run(_LRU.replace("maxsize=None", "maxsize=3"), inputs={"N": 300}) == 300


_STACK_CHILD = r"""
import sys, threading
import monty
code = sys.argv[1]
threading.stack_size(int(sys.argv[2]))
def run():
    sb = monty.Sandbox(limits=monty.Limits(max_recursion_depth=None, max_duration=60))
    try:
        sb.run(code, inputs={"N": 100000})
    except monty.MontyRuntimeError as e:
        print(e.exc_type)
t = threading.Thread(target=run)
t.start()
t.join()
"""


_SORT = """
class K:
    def __init__(self, n):
        self.n = n
    def __lt__(self, other):
        return f(self.n) < 0
def f(n):
    if n == 0:
        return 0
    sorted([K(n - 1), K(n - 1)])
    return 0
f(N)
"""


@pytest.mark.parametrize("stack", [0, 1 << 20, 600 << 10])
@pytest.mark.parametrize("code", [_LRU, _MIN_GEN, _SORT])
def test_deepest_nesting_fits_the_thread_stack(code, stack):
    """With no recursion limit, the nested loops stop at their own bound (MAX_C_NEST) before
    the C stack of a thread with the default stack size runs out, and in a thread with a
    small stack when less than 512 KiB of it is left: a RecursionError, no crash."""
    out = subprocess.run([sys.executable, "-c", _STACK_CHILD, code, str(stack)],
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr[-2000:]
    assert out.stdout.strip() == "RecursionError"


def test_host_recursion_budget_is_restored_after_deep_nesting():
    sb = monty.Sandbox(limits=monty.Limits(max_recursion_depth=None, max_duration=20))
    before = _host_depth_probe()
    with pytest.raises(monty.MontyRuntimeError):
        sb.run(_LRU, inputs={"N": 100_000})
    assert sb.run(_LRU, inputs={"N": 900}) == 900
    assert _host_depth_probe() == before


def _host_depth_probe():
    """How deep host Python code can recurse from here (the host's own budget)."""
    def down(n):
        try:
            return down(n + 1)
        except RecursionError:
            return n
    return down(0)
