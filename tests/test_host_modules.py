"""Host modules: `Sandbox(modules={"tools": {"search": fn, "LIMIT": 10}})` makes `tools`
importable with every import spelling; its callables are host functions (pausable, first-class,
async ones awaited or futures), its data is copied into each sandbox; snapshots reference the
module by name and its functions by dotted name."""

import asyncio
import os
import subprocess
import sys
import textwrap

import pytest

import monty


def search(query, limit=3):
    """Search the index for `query`."""
    return [f"{query}-{i}" for i in range(limit)]


def score(x):
    return -len(x)


async def fetch(url):
    """Fetch a page."""
    await asyncio.sleep(0.01)
    return url.upper()


def make(**extra):
    modules = {"tools": {"search": search, "score": score, "LIMIT": 10,
                         "CONFIG": {"depth": [1, 2]}, "_private": 1},
               "tools.web": {"fetch": fetch, "BASE": "http://x"}}
    modules.update(extra)
    return monty.Sandbox(modules=modules)


# ---------------------------------------------------------------------------------------------
# import spellings


@pytest.mark.parametrize("code, expected", [
    ("import tools\ntools.search('a', 2)", ["a-0", "a-1"]),
    ("import tools as t\n[t.LIMIT, t.search('b', 1)]", [10, ["b-0"]]),
    ("from tools import search, LIMIT\n[LIMIT, search('c', limit=1)]", [10, ["c-0"]]),
    ("from tools import search as s\ns('d', 1)", ["d-0"]),
    ("from tools import *\n[LIMIT, search('e', 1), sorted(CONFIG)]", [10, ["e-0"], ["depth"]]),
    ("from tools import *\ntry:\n    _private\nexcept NameError:\n    r = 'unbound'\nr", "unbound"),
    ("import tools.web\n[tools.web.BASE, tools.LIMIT]", ["http://x", 10]),
    ("import tools.web as w\nw.BASE", "http://x"),
    ("from tools.web import BASE\nBASE", "http://x"),
    ("from tools import web\nweb.BASE", "http://x"),
    ("import tools\ntools.web.BASE", "http://x"),
    ("import tools, tools.web\ntools.web is __import_check__", None),
])
def test_every_import_spelling(code, expected):
    sb = make()
    if "__import_check__" in code:
        assert sb.run("import tools, tools.web as w2\ntools.web is w2") is True
        return
    assert sb.run(code) == expected


def test_module_facts():
    sb = make()
    assert sb.run("import tools\n[tools.__name__, repr(tools), sorted(dir(tools))]") == [
        "tools", "<module 'tools'>", ["CONFIG", "LIMIT", "_private", "score", "search", "web"]]
    assert sb.run("import tools\nimport tools\nimport tools as t\ntools is t") is True


def test_unknown_name_and_module():
    sb = make()
    with pytest.raises(monty.MontyRuntimeError) as info:
        sb.run("from tools import nope")
    assert info.value.exc_type == "ImportError" and "cannot import name 'nope'" in str(info.value)
    with pytest.raises(monty.MontyRuntimeError) as info:
        sb.run("import tools.nope")
    assert info.value.exc_type == "ModuleNotFoundError"
    with pytest.raises(monty.MontyRuntimeError) as info:
        monty.Sandbox().run("import tools")
    assert info.value.exc_type == "ModuleNotFoundError"


def test_star_import_only_at_module_level():
    with pytest.raises(monty.MontySyntaxError) as info:
        make().run("def f():\n    from tools import *\n")
    assert "import * only allowed at module level" in str(info.value)
    with pytest.raises(SyntaxError, match="import \\* only allowed at module level"):
        compile("def f():\n    from math import *\n", "<s>", "exec")


def test_star_import_uses_all_when_given():
    sb = monty.Sandbox(modules={"m": {"a": 1, "b": 2, "__all__": ["b"]}})
    assert sb.run("from m import *\nb") == 2
    with pytest.raises(monty.MontyRuntimeError) as info:
        sb.run("a")
    assert info.value.exc_type == "NameError"
    sb = monty.Sandbox(modules={"m": {"a": 1, "__all__": ["zz"]}})
    with pytest.raises(monty.MontyRuntimeError) as info:
        sb.run("from m import *")
    assert info.value.exc_type == "AttributeError" and "has no attribute 'zz'" in str(info.value)


# ---------------------------------------------------------------------------------------------
# functions are host functions


def test_functions_are_first_class():
    sb = make()
    code = """
import functools, tools
from tools import search
r = [list(map(tools.search, ['x', 'y'], [1, 1])), callable(tools.search),
     tools.search.__name__, search.__qualname__, tools.search.__doc__,
     sorted(['aaa', 'b', 'cc'], key=tools.score), functools.partial(search, limit=1)('p'),
     repr(search).startswith('<function search at '), type(search).__name__]
r
"""
    assert sb.run(code) == [[["x-0"], ["y-0"]], True, "search", "search",
                            "Search the index for `query`.", ["aaa", "cc", "b"], ["p-0"], True,
                            "function"]


def test_calls_pause_under_start_by_dotted_name():
    sb = make()
    step = sb.start("import tools\nfrom tools.web import fetch\n"
                    "[tools.search('q', limit=2), list(map(tools.score, ['ab']))]")
    assert isinstance(step, monty.Call)
    assert (step.function_name, step.args, step.kwargs) == ("tools.search", ("q",), {"limit": 2})
    step = step.resume(["answer"])
    assert isinstance(step, monty.Call) and step.function_name == "tools.score"
    step = step.resume(7)
    assert isinstance(step, monty.Done) and step.value == [["answer"], [7]]


def test_async_functions_under_run_async_and_start():
    sb = make()
    code = ("import asyncio\nimport tools.web as web\n"
            "await asyncio.gather(web.fetch('a'), web.fetch('b'))")
    assert asyncio.run(sb.run_async(code)) == ["A", "B"]
    step = make().start(code)
    assert isinstance(step, monty.Pending)
    assert sorted((c.function_name, c.args) for c in step.calls) == [
        ("tools.web.fetch", ("a",)), ("tools.web.fetch", ("b",))]
    step = step.resume(results={c.call_id: c.args[0] * 2 for c in step.calls})
    assert isinstance(step, monty.Done) and step.value == ["aa", "bb"]


def test_errors_of_host_functions_reach_the_sandbox():
    def boom(x):
        raise KeyError(x)
    sb = monty.Sandbox(modules={"m": {"boom": boom}})
    assert sb.run("import m\ntry:\n    m.boom(1)\nexcept KeyError as e:\n    r = repr(e)\nr") == "KeyError(1)"


def test_host_call_limit_counts_module_functions():
    sb = monty.Sandbox(modules={"m": {"f": lambda: 1}}, limits=monty.Limits(max_host_calls=3))
    with pytest.raises(monty.MontyHostCallLimitError):
        sb.run("import m\nfor i in range(10):\n    m.f()")


# ---------------------------------------------------------------------------------------------
# data: copied at construction and into each sandbox; attributes read-only


def test_data_is_copied_and_attributes_are_read_only():
    config = {"depth": [1, 2]}
    modules = {"tools": {"CONFIG": config, "NAMES": ["a"]}}
    a = monty.Sandbox(modules=modules)
    config["depth"].append(99)             # the host's later change is not seen
    assert a.run("import tools\ntools.CONFIG['depth'].append(3)\ntools.NAMES.clear()\n"
                 "tools.CONFIG") == {"depth": [1, 2, 3]}
    assert config == {"depth": [1, 2, 99]} and modules["tools"]["NAMES"] == ["a"]
    # a later run of the same sandbox sees its own module as it left it (as in CPython)
    assert a.run("import tools\n[tools.CONFIG, tools.NAMES]") == [{"depth": [1, 2, 3]}, []]
    # another sandbox given the same dict sees what the host gave (as copied then)
    b = monty.Sandbox(modules=modules)
    assert b.run("import tools\n[tools.CONFIG, tools.NAMES]") == [{"depth": [1, 2, 99]}, ["a"]]
    for code in ("import tools\ntools.NAMES = []", "import tools\ndel tools.NAMES",
                 "import tools\ntools.new = 1", "import tools\nsetattr(tools, 'NAMES', 1)"):
        with pytest.raises(monty.MontyRuntimeError) as info:
            a.run(code)
        assert info.value.exc_type == "AttributeError"


def test_module_data_counts_against_the_memory_limit():
    sb = monty.Sandbox(modules={"big": {"DATA": list(range(200_000))}},
                       limits=monty.Limits(max_memory=1 << 20))
    with pytest.raises(monty.MontyMemoryLimitError):
        sb.run("import big\nx = [big.DATA, big.DATA[:]]\nlen(x)")


# ---------------------------------------------------------------------------------------------
# refused at construction


class _Thing:
    pass


@pytest.mark.parametrize("modules, kind, words", [
    ({"tools": {"obj": _Thing()}}, TypeError, ["'tools'", "'obj'", "plain data"]),
    ({"tools": {"nested": [1, search]}}, TypeError, ["'tools'", "'nested'"]),
    ({"tools": {"Cls": _Thing}}, TypeError, ["'Cls'", "class"]),
    ({"tools": {"not an id": 1}}, TypeError, ["identifiers"]),
    ({"bad-name": {}}, TypeError, ["dotted identifiers"]),
    ({"tools": [search]}, TypeError, ["'tools'", "dict"]),
    ({"json": {"x": 1}}, ValueError, ["shadow", "'json'"]),
    ({"urllib.tools": {"x": 1}}, ValueError, ["shadow", "'urllib'"]),
    ({"math": {}}, ValueError, ["shadow"]),
    ({"tools": {"web": 1}, "tools.web": {}}, ValueError, ["'web'", "submodule"]),
    (["tools"], TypeError, ["modules must be a dict"]),
])
def test_refused_at_construction(modules, kind, words):
    with pytest.raises(kind) as info:
        monty.Sandbox(modules=modules)
    for w in words:
        assert w in str(info.value)


# ---------------------------------------------------------------------------------------------
# set_modules


def test_set_modules_replaces_functions_and_data_keeping_globals():
    sb = monty.Sandbox(modules={"m": {"f": lambda: "old", "N": 1, "gone": lambda: 0}})
    sb.run("import m\nfrom m import f, gone\nkept = m.f\nx = 5")
    sb.set_modules({"m": {"f": lambda: "new", "N": 2}, "extra": {"E": 3}})
    assert sb.run("[x, m.f(), f(), kept(), m.N, hasattr(m, 'gone')]") == [
        5, "new", "new", "new", 2, False]
    with pytest.raises(monty.MontyRuntimeError) as info:
        sb.run("gone()")
    assert info.value.exc_type == "RuntimeError" and "removed" in str(info.value)
    assert sb.run("import extra\nextra.E") == 3
    with pytest.raises(TypeError):
        sb.set_modules({"m": {"f": object()}})
    assert sb.run("m.f()") == "new"          # a refused replacement changes nothing


# ---------------------------------------------------------------------------------------------
# describing


def test_describe_functions_and_capabilities_include_host_modules():
    sb = monty.Sandbox(functions={"note": lambda x: None}, modules={
        "tools": {"search": search, "LIMIT": 10}, "tools.web": {"fetch": fetch}})
    text = sb.describe_functions()
    assert "# module tools (import tools)" in text
    assert "def search(query, limit=3):" in text and "Search the index for `query`." in text
    assert "LIMIT: int" in text
    assert "# module tools.web (import tools.web)" in text and "async def fetch(url):" in text
    assert text.index("def note(x):") < text.index("# module tools")
    caps = monty.capabilities(sb)
    assert caps["modules"]["tools"] == ["LIMIT", "search", "web"]
    assert caps["modules"]["tools.web"] == ["fetch"]
    assert "tools" not in monty.capabilities()["modules"]
    from monty.integrations.prompt import instructions
    prompt = instructions(sb)
    assert "Modules available to import: tools, tools.web, json" in prompt
    assert "def search(query, limit=3):" in prompt


# ---------------------------------------------------------------------------------------------
# snapshots


_CHILD = textwrap.dedent("""
    import sys, monty
    def search(query, limit=3):
        return [f"{query}-{i}" for i in range(limit)]
    blob = open(sys.argv[1], "rb").read()
    step = monty.load(blob, modules={"tools": {"search": search, "CONFIG": {"depth": [1, 2]}}})
    assert step.function_name == "tools.search", step.function_name
    step = step.resume(["from-child"])
    assert step.function_name == "tools.search"
    step = step.resume(["second"])
    print(repr(step.value))
""")


def test_paused_program_loads_in_a_fresh_process():
    sb = monty.Sandbox(modules={"tools": {"search": search, "CONFIG": {"depth": [1, 2]}}})
    step = sb.start("import tools\nfrom tools import search as s\nc = tools.CONFIG\n"
                    "c['depth'].append(3)\nfirst = tools.search('a')\nsecond = s('b')\n"
                    "[first, second, c is tools.CONFIG, tools.CONFIG]")
    assert step.function_name == "tools.search"
    blob = step.dump()
    path = os.path.join(os.environ.get("TMPDIR", "/tmp"), f"hostmods-{os.getpid()}.bin")
    with open(path, "wb") as fh:
        fh.write(blob)
    try:
        env = dict(os.environ)
        env["PYTHONPATH"] = os.path.dirname(os.path.dirname(os.path.abspath(monty.__file__)))
        out = subprocess.run([sys.executable, "-c", _CHILD, path], env=env, timeout=60,
                             capture_output=True, text=True)
    finally:
        os.unlink(path)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == repr([["from-child"], ["second"], True, {"depth": [1, 2, 3]}])


def test_load_without_the_module_names_it():
    sb = monty.Sandbox(modules={"tools": {"search": search}})
    blob = sb.start("import tools\nf = tools.search\nf('a')\nf('b')").dump()
    with pytest.raises(monty.MontyError) as info:
        monty.load(blob)
    assert "host module 'tools'" in str(info.value) and "modules=" in str(info.value)
    with pytest.raises(monty.MontyError) as info:
        monty.load(blob, modules={"tools": {"other": search}})
    assert "'tools.search'" in str(info.value) and "module 'tools'" in str(info.value)
    step = monty.load(blob, modules={"tools": {"search": search}})
    assert step.function_name == "tools.search" and step.args == ("a",)
    step = step.resume(1)
    assert step.function_name == "tools.search" and step.args == ("b",)


def test_idle_sandbox_dump_and_load_keeps_module_and_its_data():
    modules = {"tools": {"search": search, "NAMES": ["a"]}}
    sb = monty.Sandbox(modules=modules)
    sb.run("import tools\nfrom tools import search\nalias = tools.search\nn = tools.NAMES\n"
           "n.append('b')")
    sb2 = monty.Sandbox.load(sb.dump(), modules=modules)
    assert sb2.run("[search('x', 1), alias('y', 1), tools.NAMES, n is tools.NAMES]") == [
        ["x-0"], ["y-0"], ["a", "b"], True]
    assert modules["tools"]["NAMES"] == ["a"]


# ---------------------------------------------------------------------------------------------
# nothing of the host is reachable through a host module


@pytest.mark.parametrize("expr", [
    "tools._attrs", "tools.__dict__", "tools.search.__globals__", "tools.search.__self__",
    "tools.search.func", "tools.search.__code__", "tools.search.__wrapped__",
    "type(tools).__init__.__globals__", "tools.CONFIG.__class__.__init__.__globals__",
    "tools.search.__closure__", "tools.get('search').func",
])
def test_host_objects_stay_unreachable(expr):
    sb = make()
    with pytest.raises(monty.MontyRuntimeError) as info:
        sb.run("import tools\n" + expr)
    assert info.value.exc_type in ("AttributeError", "TypeError")


def test_sandbox_values_handed_to_a_module_function_are_copies():
    seen = []

    def keep(x):
        seen.append(x)
        return len(x)
    sb = monty.Sandbox(modules={"m": {"keep": keep}})
    assert sb.run("import m\nclass L(list):\n    pass\nxs = [1, [2]]\nm.keep(xs)") == 2
    assert type(seen[0]) is list and seen[0] == [1, [2]]
    assert sb.run("m.keep(L([1]))") == 1
    assert type(seen[1]) is list and seen[1] == [1]     # (a plain copy of the subclass)
    with pytest.raises(monty.MontyRuntimeError) as info:
        sb.run("m.keep(object())")
    assert info.value.exc_type == "TypeError"
