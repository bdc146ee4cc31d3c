"""importlib.import_module and typing's functional TypedDict/NamedTuple: the same policy as
`import` and class statements, bounded by the limits, and snapshot-safe (a program paused at a
host call while holding their values dumps, loads - in a fresh process too - and resumes as
an uninterrupted run does)."""

import time

import pytest

import monty
from pausing import assert_pauses_like_cpython


# ------------------------------------------------------------------ policy

@pytest.mark.parametrize("name", ["subprocess", "ctypes", "sys.modules", "os", "builtins.open",
                                  "monty", "importlib._bootstrap", "_thread", "posix"])
def test_import_module_refuses_what_import_refuses(name):
    sb = monty.Sandbox()
    code = f"""
import importlib
r = []
for how in ('statement', 'function'):
    try:
        if how == 'statement':
            import {name}
        else:
            importlib.import_module({name!r})
        r.append('ok')
    except ImportError as e:
        r.append((type(e).__name__, str(e)))
r
"""
    got = sb.run(code)
    assert got[0] == got[1] and got[0] != "ok", got


def test_import_module_sees_host_modules_and_mounts_like_import(tmp_path):
    (tmp_path / "f.txt").write_text("hi")
    sb = monty.Sandbox(modules={"tools": {"LIMIT": 10, "double": lambda x: 2 * x}},
                       files=[monty.MountDir(str(tmp_path), "/data", "r")])
    assert sb.run("import importlib\nt = importlib.import_module('tools')\n"
                  "os = importlib.import_module('os')\n"
                  "[t.LIMIT, t.double(4), os.listdir('/data'), "
                  "importlib.import_module('os.path').exists('/data/f.txt')]") == [10, 8, ["f.txt"], True]
    # without files= or environ=, os stays absent through import_module too
    with pytest.raises(monty.MontyRuntimeError) as info:
        monty.Sandbox().run("import importlib\nimportlib.import_module('os')")
    assert info.value.exc_type == "ModuleNotFoundError"


def test_a_name_is_never_source_text():
    # a name that is not a dotted identifier is refused before any `import` is built
    for name in ("json as x; import subprocess", "json\nimport subprocess", "json #",
                 "json;", "(json)", "json.__class__"):
        got = monty.Sandbox().run(f"""
import importlib
try:
    importlib.import_module({name!r})
    r = 'ok'
except Exception as e:
    r = type(e).__name__
r
""")
        assert got in ("ModuleNotFoundError",), (name, got)


def test_typing_forms_are_sandbox_classes():
    # the classes are the sandbox's own (their attributes readable, subclassable), never the
    # host's typing machinery
    got = monty.Sandbox().run("""
from typing import TypedDict, NamedTuple
TD = TypedDict('TD', {'a': int})
NT = NamedTuple('NT', [('a', int)])
class Sub(NT):
    def double(self):
        return self.a * 2
[type(TD).__name__, TD.__total__, Sub(3).double(), type(NT).__name__, issubclass(NT, tuple)]
""")
    assert got == ["type", True, 6, "type", True]


# ------------------------------------------------------------------ limits

BOMBS = [
    "import importlib\nwhile True:\n    importlib.import_module('json')",
    "import importlib\nout = []\nwhile True:\n    out.append(importlib.import_module('collections'))",
    "import importlib\ni = 0\nwhile True:\n    i += 1\n    try:\n        importlib.import_module('m%d' % i)\n    except ImportError:\n        pass",
    "import importlib\nimportlib.import_module('a.' * 10**7 + 'b')",
    "import importlib\nimportlib.import_module('.' * 10**7 + 'b', 'x')",
    "import importlib\nimportlib.import_module('x', '.'.join(['p'] * 10**6) * 50)",
    "from typing import TypedDict\nwhile True:\n    TypedDict('T', {'k%d' % i: int for i in range(100)})",
    "from typing import TypedDict\nTypedDict('T', {str(i): int for i in range(10**8)})",
    "from typing import NamedTuple\nkeep = []\nwhile True:\n    keep.append(NamedTuple('N', [('a', int), ('b', str)]))",
    "from typing import NamedTuple\nNamedTuple('N', (('f%d' % i, int) for i in range(10**9)))",
]


@pytest.mark.parametrize("code", BOMBS)
def test_bombs_end_within_the_limits(code):
    sb = monty.Sandbox(limits=monty.Limits(max_duration=0.5, max_memory=64 * 1024 * 1024))
    start = time.perf_counter()
    with pytest.raises(monty.MontyError) as info:
        sb.run(code)
    elapsed = time.perf_counter() - start
    assert elapsed < 2.5, f"took {elapsed:.2f} s"
    err = info.value
    assert isinstance(err, monty.MontyLimitError) or getattr(err, "exc_type", "") in (
        "MemoryError", "ModuleNotFoundError", "ImportError", "ValueError"), repr(err)


# ------------------------------------------------------------------ snapshots

SNAPSHOT_PROGRAMS = [
    """
import importlib
mod = importlib.import_module(get('json'))
coll = importlib.import_module('collections')
data = get(3)
c = coll.Counter('abca')
[mod.dumps({'n': data}), c.most_common(1), get(mod is importlib.import_module('json'))]
""",
    """
import importlib
loader = importlib.import_module
m = loader('math')
x = get(4)
[loader('statistics').mean([x, 2]), m.sqrt(16), get(str(type(loader).__name__))]
""",
    """
from typing import TypedDict, NamedTuple
Row = TypedDict('Row', {'name': str, 'qty': int}, total=False)
Pair = NamedTuple('Pair', [('left', int), ('right', int)])
row = Row(name='a')
p = Pair(1, 2)
row['qty'] = get(5)
right = get(7)
q = p._replace(right=right)
[row, sorted(Row.__optional_keys__), repr(q), q.left + q.right, Row.__total__]
""",
]


@pytest.mark.parametrize("code", SNAPSHOT_PROGRAMS)
def test_paused_with_their_values_live(code):
    assert_pauses_like_cpython(code, subprocess_steps=True)
