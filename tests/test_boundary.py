"""The run boundary: nothing of the sandbox runs outside a run, re-entry and threads are
refused, results and errors are converted inside the run by exact-type rules, and the snapshot
loader accepts only what sandbox code could have created."""

import gc
import os
import subprocess
import sys
import textwrap
import threading
import time

import msgspec
import pytest

import monty
from monty import _core

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def _recorder(sb_holder):
    """A print callback recording (text, whether the sandbox's VM was running)."""
    log = []

    def cb(text):
        sb = sb_holder.get("sb")
        log.append((text, _core.vm_running(sb._vm) if sb is not None else None))
    return log, cb


# ---------------------------------------------------------------------------------------------
# re-entrancy and threads


def test_run_from_host_function_is_refused_and_outer_run_continues():
    holder = {}
    seen = []

    def reenter(kind):
        sb = holder["sb"]
        try:
            if kind == "run":
                sb.run("g = 'clobbered'")
            else:
                sb.start("g = 'clobbered'")
        except monty.MontyError as e:
            seen.append(str(e))
            return "refused"
        return "ran"

    sb = holder["sb"] = monty.Sandbox(functions={"reenter": reenter})
    value = sb.run("g = [1] * 10\nh = [reenter('run'), reenter('start')]\n(g, h)")
    assert value == ([1] * 10, ["refused", "refused"])
    assert all("already running" in s for s in seen)
    assert sb.run("g") == [1] * 10
    assert sb.run("len(g) + 1") == 11


def test_run_from_print_callback_is_refused():
    holder = {}
    out = []

    def cb(text):
        try:
            holder["sb"].run("x = 99")
            out.append("ran")
        except monty.MontyError:
            out.append("refused")

    sb = holder["sb"] = monty.Sandbox(print_callback=cb)
    assert sb.run("x = 1\nprint('hi')\nx") == 1
    assert out == ["refused"]


def test_resume_dump_run_start_refused_while_a_resume_runs():
    entered = threading.Event()
    release = threading.Event()
    inside = []

    def cb(text):
        inside.append(_try(lambda: holder["call"].dump()))
        inside.append(_try(lambda: holder["call"].resume(3)))
        entered.set()
        release.wait(10)

    holder = {}
    sb = monty.Sandbox(functions={"f": None}, print_callback=cb)
    call = holder["call"] = sb.start("x = f(1)\nprint(x)\ny = f(2)\nx + y")
    assert isinstance(call, monty.Call)
    box = {}
    t = threading.Thread(target=lambda: box.setdefault("step", call.resume(10)))
    t.start()
    assert entered.wait(10)
    outside = [_try(lambda: call.resume(11)), _try(lambda: call.resume_error(ValueError())),
               _try(lambda: call.dump()), _try(lambda: sb.run("x = 0")),
               _try(lambda: sb.start("x = 0"))]
    release.set()
    t.join(10)
    assert inside == ["refused", "refused"]
    assert outside == ["refused"] * 5
    step = box["step"]
    assert isinstance(step, monty.Call) and step.args == (2,)
    done = step.resume(5)
    assert done.value == 15


def _try(op):
    try:
        op()
        return "ran"
    except monty.MontyError:
        return "refused"


def test_second_thread_is_refused_while_a_run_is_in_progress():
    entered = threading.Event()
    release = threading.Event()

    def wait():
        entered.set()
        release.wait(10)
        return 1

    sb = monty.Sandbox(functions={"wait": wait})
    box = {}

    def first():
        box["first"] = sb.run("a = [1, 2, 3]\nwait()\na")
    t = threading.Thread(target=first)
    t.start()
    assert entered.wait(10)
    results = []
    for op in (lambda: sb.run("a = None"), lambda: sb.start("a = None"),
               lambda: sb.run("b = 1", inputs={"c": 2})):
        try:
            op()
            results.append("ran")
        except monty.MontyError as e:
            results.append("refused" if "already running" in str(e) else str(e))
    release.set()
    t.join(10)
    assert results == ["refused"] * 3
    assert box["first"] == [1, 2, 3]
    assert sb.run("a") == [1, 2, 3]


def test_threads_hammering_one_sandbox():
    sb = monty.Sandbox()
    counts = {"ok": 0, "refused": 0}
    other = []
    lock = threading.Lock()

    def worker(i):
        for j in range(150):
            try:
                r = sb.run(f"v{i}_{j % 7} = [{j}] * 3\nsum(v{i}_{j % 7})")
                assert r == 3 * j
                with lock:
                    counts["ok"] += 1
            except monty.MontyError as e:
                assert "already running" in str(e)
                with lock:
                    counts["refused"] += 1
            except BaseException as e:      # pragma: no cover - the failure being tested
                other.append(repr(e))

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert other == []
    assert counts["ok"] + counts["refused"] == 600
    assert counts["ok"] > 0
    assert sb.run("1 + 1") == 2


def test_paused_call_resumed_from_two_threads():
    for _ in range(20):
        sb = monty.Sandbox(functions={"f": None})
        step = sb.start("x = f(1)\ny = f(2)\nx + y")
        outs = []

        def go():
            try:
                s = step.resume(10)
                outs.append(type(s).__name__)
            except monty.MontyError:
                outs.append("refused")
        ts = [threading.Thread(target=go) for _ in range(3)]
        for t in ts:
            t.start()
        for t in ts:
            t.join(10)
        assert outs.count("Call") == 1 and outs.count("refused") == 2


def test_first_import_inside_native_callback_keeps_globals_valid():
    # the import grows the global table while the outer loop holds its item pointer
    code = textwrap.dedent("""
        import monty
        sb = monty.Sandbox()
        v = sb.run('''
        class S:
            def __str__(self):
                import asyncio
                return "s"
        a = 1
        b = [str(S()) for _ in range(3)]
        def g():
            global zz
            zz = 5
        g()
        (a, b, zz)
        ''')
        assert v == (1, ["s", "s", "s"], 5), v
        assert sb.run("(a, zz)") == (1, 5)
        print("OK")
    """)
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=120, env=dict(os.environ, PYTHONPATH=ROOT), cwd=ROOT)
    assert proc.returncode == 0 and "OK" in proc.stdout, proc.stderr[-2000:]


# ---------------------------------------------------------------------------------------------
# results: exact-type rules, no override runs


def test_subclass_results_cross_as_their_base_content_without_running_overrides():
    holder = {}
    log, cb = _recorder(holder)
    ended = []
    sb = holder["sb"] = monty.Sandbox(functions={"done": lambda: ended.append(len(log))},
                                      print_callback=cb)
    value = sb.run(textwrap.dedent("""
        class L(list):
            def __iter__(self):
                print("OVERRIDE"); return iter(["bad"])
            def __len__(self):
                print("OVERRIDE"); return 0
        class D(dict):
            def items(self):
                print("OVERRIDE"); return [("bad", 1)]
            def keys(self):
                print("OVERRIDE"); return ["bad"]
            def __iter__(self):
                print("OVERRIDE"); return iter(["bad"])
            def __getitem__(self, k):
                print("OVERRIDE"); return "bad"
        class S(str):
            def __str__(self):
                print("OVERRIDE"); return "bad"
            def __hash__(self):
                print("OVERRIDE"); return 1
            def __eq__(self, other):
                print("OVERRIDE"); return True
        class I(int):
            def __int__(self):
                print("OVERRIDE"); return 0
            def __index__(self):
                print("OVERRIDE"); return 0
        class F(float):
            def __float__(self):
                print("OVERRIDE"); return 0.0
        class B(bytes):
            def __bytes__(self):
                print("OVERRIDE"); return b"bad"
        class T(tuple):
            def __iter__(self):
                print("OVERRIDE"); return iter(["bad"])
        class St(set):
            def __iter__(self):
                print("OVERRIDE"); return iter(["bad"])
        class Fs(frozenset):
            def __iter__(self):
                print("OVERRIDE"); return iter(["bad"])
        d = D(a=S("x"))
        result = [L([1, 2]), d, S("plain"), I(3), F(2.5), B(b"xy"), T((1, L([4]))), St({5}),
                  Fs({6}), {S("key"): I(7)}]
        done()
        result
    """))
    assert value == [[1, 2], {"a": "x"}, "plain", 3, 2.5, b"xy", (1, [4]), {5}, frozenset({6}),
                     {"key": 7}]
    for v in value:
        assert type(v) in (list, dict, str, int, float, bytes, tuple, set, frozenset)
    assert type(value[1]["a"]) is str and type(next(iter(value[9]))) is str
    assert type(value[9]["key"]) is int
    assert ended and [t for t, _ in log[ended[0]:]] == []


def test_result_overrides_that_loop_or_raise_never_run():
    sb = monty.Sandbox(limits=monty.Limits(max_duration=1.0))
    t0 = time.perf_counter()
    value = sb.run(textwrap.dedent("""
        class L(list):
            def __iter__(self):
                while True:
                    yield 1
        class S(str):
            def __str__(self):
                raise SystemExit("host exit")
        class K(str):
            def __eq__(self, other):
                raise KeyboardInterrupt
            def __hash__(self):
                return 1
        [L([1]), S("s"), {K("k"): 1}]
    """))
    assert value == [[1], "s", {"k": 1}]
    assert time.perf_counter() - t0 < 1.0


def test_result_that_cannot_cross_is_a_type_error():
    sb = monty.Sandbox()
    with pytest.raises(monty.MontyTypeError):
        sb.run("class C: pass\n[C()]")
    with pytest.raises(monty.MontyTypeError):
        sb.run("def f(): pass\nf")


def test_start_done_value_is_converted_inside_the_run():
    holder = {}
    log, cb = _recorder(holder)
    sb = holder["sb"] = monty.Sandbox(functions={"f": None}, print_callback=cb)
    step = sb.start(textwrap.dedent("""
        class L(list):
            def __iter__(self):
                print("OVERRIDE"); return iter([])
        r = f(1)
        L([r, 2])
    """))
    done = step.resume(1)
    assert isinstance(done, monty.Done) and done.value == [1, 2]
    assert log == []


# ---------------------------------------------------------------------------------------------
# exceptions: reported from inside the run, every BaseException as a MontyError


RAISES = ["raise SystemExit(3)", "raise KeyboardInterrupt", "raise GeneratorExit",
          "raise MemoryError", "def r(): r()\nr()", "raise StopIteration",
          "raise BaseException('b')"]


@pytest.mark.parametrize("code", RAISES)
def test_every_base_exception_leaves_run_as_monty_error(code):
    sb = monty.Sandbox()
    with pytest.raises(monty.MontyRuntimeError):
        sb.run(code)
    assert sb.run("1 + 1") == 2


@pytest.mark.parametrize("code", RAISES)
def test_every_base_exception_leaves_start_and_resume_as_monty_error(code):
    sb = monty.Sandbox(functions={"f": None})
    with pytest.raises(monty.MontyRuntimeError):
        sb.start(code)
    step = sb.start("f()\n" + code)
    assert isinstance(step, monty.Call)
    with pytest.raises(monty.MontyRuntimeError):
        step.resume(None)


@pytest.mark.parametrize("exc", [SystemExit(2), KeyboardInterrupt(), GeneratorExit(),
                                 MemoryError(), StopIteration()])
def test_resume_error_with_base_exceptions(exc):
    sb = monty.Sandbox(functions={"f": None})
    step = sb.start("f()")
    with pytest.raises(monty.MontyRuntimeError):
        step.resume_error(exc)


EVIL_STR = {
    "sysexit": "class E(Exception):\n    def __str__(self):\n        raise SystemExit\nraise E()",
    "kbint": "class E(Exception):\n    def __str__(self):\n        raise KeyboardInterrupt\nraise E()",
    "genexit": "class E(Exception):\n    def __str__(self):\n        raise GeneratorExit\nraise E()",
    "arg": ("class S:\n    def __str__(self):\n        raise SystemExit\n"
            "raise ValueError(S())"),
    "args_repr": ("class S:\n    def __repr__(self):\n        raise KeyboardInterrupt\n"
                  "raise ValueError(S(), 2)"),
    "keyerror": ("class K:\n    def __hash__(self):\n        return 1\n"
                 "    def __repr__(self):\n        raise SystemExit\n{}[K()]"),
    "chain": ("class S:\n    def __str__(self):\n        raise SystemExit\n"
              "try:\n    raise ValueError(S())\nexcept ValueError as e:\n    raise TypeError('t') from e"),
    "context": ("class S:\n    def __str__(self):\n        raise KeyboardInterrupt\n"
                "try:\n    raise ValueError(S())\nexcept ValueError:\n    raise TypeError('t')"),
}


@pytest.mark.parametrize("name", sorted(EVIL_STR))
def test_exception_str_overrides_never_escape(name):
    for mode in ("run", "start"):
        sb = monty.Sandbox(functions={"f": None})
        with pytest.raises(monty.MontyRuntimeError) as info:
            if mode == "run":
                sb.run(EVIL_STR[name])
            else:
                step = sb.start("f()\n" + EVIL_STR[name])
                step.resume(None)
        e = info.value
        assert isinstance(e.message, str)
        for exc_type, message, frames, how in e.chain:
            assert type(exc_type) is str and type(message) is str and how in ("cause", "context")
        e.display()


def test_exception_str_runs_inside_the_run_under_its_limits():
    holder = {}
    log, cb = _recorder(holder)
    sb = holder["sb"] = monty.Sandbox(print_callback=cb)
    with pytest.raises(monty.MontyRuntimeError) as info:
        sb.run("class E(Exception):\n    def __str__(self):\n        print('STR')\n"
               "        return 'custom'\nraise E()")
    assert info.value.exc_type == "E" and info.value.message == "custom"
    assert log == [("STR\n", True)]       # printed while the run was still running
    sb.limits = sb.limits.replace(max_duration=0.3)   # (Limits are immutable)
    t0 = time.perf_counter()
    with pytest.raises(monty.MontyTimeLimitError):
        sb.run("class E(Exception):\n    def __str__(self):\n        while True: pass\nraise E()")
    assert time.perf_counter() - t0 < 0.3 + 0.4
    t0 = time.perf_counter()
    with pytest.raises(monty.MontyTimeLimitError):
        step = monty.Sandbox(functions={"f": None},
                             limits=monty.Limits(max_duration=0.3)).start(
            "f()\nclass E(Exception):\n    def __str__(self):\n        while True: pass\nraise E()")
        step.resume(None)
    assert time.perf_counter() - t0 < 0.3 + 0.4


def test_exception_message_of_str_subclass():
    sb = monty.Sandbox()
    with pytest.raises(monty.MontyRuntimeError) as info:
        sb.run(textwrap.dedent("""
            class S(str):
                def __str__(self):
                    return self
            def f():
                raise ValueError(S("msg"))
            f()
        """))
    e = info.value
    assert e.message == "msg" and type(e.message) is str
    assert e.traceback and all(type(name) is str and type(line) is int
                               for name, line in e.traceback)


def test_exception_report_never_calls_getattribute_overrides():
    sb = monty.Sandbox(functions={"f": None})
    code = textwrap.dedent("""
        class E(Exception):
            def __getattribute__(self, name):
                raise SystemExit
            def __getattr__(self, name):
                raise SystemExit
        raise E("m")
    """)
    with pytest.raises(monty.MontyRuntimeError) as info:
        sb.run(code)
    # (the VM's own bookkeeping inside the run may meet the override: never the host)
    assert info.value.exc_type in ("E", "SystemExit")


# ---------------------------------------------------------------------------------------------
# sandbox code never runs outside a run


def test_sandbox_function_refuses_to_run_outside_a_run():
    sb = monty.Sandbox()
    sb.run("def f(x):\n    return x + 1\nclass C:\n    def m(self):\n        return 1\nc = C()")
    f = sb._vm.get_global("f")
    with pytest.raises(RuntimeError, match="outside a run"):
        f(1)
    c = sb._vm.get_global("c")
    with pytest.raises(RuntimeError, match="outside a run"):
        c.m()
    assert sb.run("f(1)") == 2


def test_sandbox_function_of_one_sandbox_refuses_inside_another_run():
    sb1 = monty.Sandbox()
    sb1.run("def f():\n    return 1")
    f = sb1._vm.get_global("f")
    out = []

    def call_it():
        try:
            f()
            out.append("ran")
        except RuntimeError:
            out.append("refused")
        return 0
    sb2 = monty.Sandbox(functions={"call_it": call_it})
    sb2.run("call_it()")
    assert out == ["refused"]


def test_suspended_generator_never_runs_after_the_run():
    holder = {}
    log, cb = _recorder(holder)
    sb = holder["sb"] = monty.Sandbox(print_callback=cb)
    sb.run(textwrap.dedent("""
        def g():
            try:
                yield 1
            finally:
                print("FINALLY")
                while True:
                    pass
        it = g()
        next(it)
        async def co():
            print("CORO")
        k = co()
    """))
    it = sb._vm.get_global("it")
    for op in (lambda: next(it), lambda: it.send(None), it.close,
               lambda: it.throw(ValueError)):
        with pytest.raises(RuntimeError, match="outside a run"):
            op()
    del it
    t0 = time.perf_counter()
    sb.run("it = None\nk = None")
    gc.collect()
    del sb, holder["sb"]
    gc.collect()
    assert time.perf_counter() - t0 < 1.0
    assert log == []


FINALIZER_PATHS = {
    "class_statement": "class C:\n    def __del__(self):\n        print('DEL')\nc = C()",
    "type3": "C = type('C', (), {'__del__': lambda self: print('DEL')})\nc = C()",
    "type3_subclass": ("class B: pass\nC = type('C', (B,), {'__del__': lambda self: print('DEL')})\n"
                       "c = C()"),
    "setattr_after": "class C: pass\nsetattr(C, '__del__', lambda self: print('DEL'))\nc = C()",
    "assign_after": "class C: pass\nC.__del__ = lambda self: print('DEL')\nc = C()",
    "init_subclass": ("class B:\n    def __init_subclass__(cls):\n"
                      "        cls.__del__ = lambda self: print('DEL')\nclass C(B): pass\nc = C()"),
    "class_dict": "class C: pass\nC.__dict__['__del__'] = lambda self: print('DEL')\nc = C()",
    "instance_attr": "class C: pass\nc = C()\nc.__del__ = lambda: print('DEL')",
    "class_assign": ("class A: pass\nclass B:\n    def __del__(self):\n        print('DEL')\n"
                     "a = A()\na.__class__ = B"),
    "namedtuple": ("from typing import NamedTuple\nclass P(NamedTuple):\n    x: int\n"
                   "    def __del__(self):\n        print('DEL')\np = P(1)"),
    "typeddict": ("from typing import TypedDict\nclass T(TypedDict):\n    x: int\n"
                  "    def __del__(self):\n        print('DEL')\nt = T(x=1)"),
    "enum_class": ("import enum\nclass E(enum.Enum):\n    A = 1\n"
                   "    def __del__(self):\n        print('DEL')\nx = E.A"),
    "enum_functional": "import enum\nE = enum.Enum('E', {'A': 1, '__del__': lambda s: print('DEL')})",
    "enum_metaclass_call": ("import enum\nM = type(enum.Enum)\n"
                            "X = M('X', (enum.Enum,), {'A': 1, '__del__': lambda s: print('DEL')})"),
    "type_with_enum_base": ("import enum\n"
                            "X = type('X', (enum.Enum,), {'A': 1, '__del__': lambda s: print('DEL')})\n"
                            "x = X.A"),
    "metaclass_kw": ("class M(type): pass\nclass C(metaclass=M):\n"
                     "    def __del__(self):\n        print('DEL')"),
    "dataclass": ("import dataclasses\n@dataclasses.dataclass\nclass C:\n    x: int = 0\n"
                  "    def __del__(self):\n        print('DEL')\nc = C()"),
    "exception": ("class E(Exception):\n    def __del__(self):\n        print('DEL')\n"
                  "try:\n    raise E()\nexcept E as e:\n    keep = e"),
    "set_name": ("class D:\n    def __set_name__(self, owner, name):\n"
                 "        owner.__del__ = lambda self: print('DEL')\nclass C:\n    d = D()\nc = C()"),
}


@pytest.mark.parametrize("name", sorted(FINALIZER_PATHS))
def test_no_finalizer_whatever_path_created_the_class(name):
    log = []
    sb = monty.Sandbox(print_callback=log.append)
    try:
        sb.run(FINALIZER_PATHS[name])
    except monty.MontyError:
        pass
    for g in ("c", "p", "t", "x", "keep", "a"):
        try:
            sb.run(f"{g} = None")
        except monty.MontyError:
            pass
    gc.collect()
    try:
        sb.run("1")
    except monty.MontyError:
        pass
    del sb
    gc.collect()
    assert "DEL\n" not in log


def test_no_sandbox_class_holds_a_finalizer():
    sb = monty.Sandbox()
    sb.run(textwrap.dedent("""
        class C:
            def __del__(self):
                pass
        D = type('D', (C,), {'__del__': lambda self: None})
    """))
    for name in ("C", "D"):
        cls = sb._vm.get_global(name)
        assert "__del__" not in cls.__dict__


# ---------------------------------------------------------------------------------------------
# crafted snapshots


def _real_dump():
    sb = monty.Sandbox(functions={"f": None})
    step = sb.start(textwrap.dedent("""
        class C:
            def m(self):
                return 1
        c = C()
        items = [1, "two", (3,), {"k": c}]
        f(c.m())
        len(items)
    """))
    assert isinstance(step, monty.Call)
    return msgspec.msgpack.decode(step.dump())


def _load(data):
    blob = msgspec.msgpack.encode(data)
    step = monty.load(blob, functions={"f": None})
    return step


def _class_entry(data):
    for entry in data[10]:
        if isinstance(entry, list) and entry and entry[0] == "K":
            return entry
    raise AssertionError("no class entry")


def test_real_dump_round_trips():
    step = _load(_real_dump())
    done = step.resume(7)
    assert isinstance(done, monty.Done) and done.value == 4


def test_snapshot_with_finalizer_in_class_namespace_is_refused():
    data = _real_dump()
    k = _class_entry(data)
    k[4].append("__del__")
    k[5].append([len(data[10]) - 1])         # any function entry of the table
    for i, entry in enumerate(data[10]):
        if entry[0] == "f":
            k[5][-1] = [i]
    with pytest.raises(monty.MontyError):
        _load(data)


@pytest.mark.parametrize("name", ["__class__", "__dict__", "__bases__", "__mro__", "__slots__",
                                  "__weakref__", "__del__", "not an identifier", "", 3, None])
def test_snapshot_class_namespace_names_are_checked(name):
    data = _real_dump()
    k = _class_entry(data)
    k[4].append(name)
    k[5].append(1)
    with pytest.raises(monty.MontyError):
        _load(data)


@pytest.mark.parametrize("base", [["N", "b:print"], ["N", "b:len"], ["H", "f"], ["c", [0]],
                                  ["N", "t:range"], ["N", "b:type"]])
def test_snapshot_class_with_forbidden_base_is_refused(base):
    data = _real_dump()
    k = _class_entry(data)
    data[10].append(base)
    k[3] = [[len(data[10]) - 1]]
    with pytest.raises(monty.MontyError):
        _load(data)


def test_snapshot_instance_of_a_non_sandbox_class_is_refused():
    data = _real_dump()
    for entry in data[10]:
        if entry[0] == "o":
            data[10].append(["N", "b:object"])
            entry[1] = [len(data[10]) - 1]
    with pytest.raises(monty.MontyError):
        _load(data)


@pytest.mark.parametrize("where,value", [
    ((6, 0, 2), 1 << 40),       # frame pc
    ((6, 0, 3), 1 << 40),       # frame base
    ((6, 0, 4), -(1 << 40)),    # frame ret
    ((6, 0, 5), 1 << 40),       # frame sp
    ((3,), ["x"] * 1_000_000),  # a million slot names
    ((5,), [[-1]] * 200_000),   # a huge stack
])
def test_snapshot_with_huge_sizes_is_refused(where, value):
    data = _real_dump()
    target = data
    for i in where[:-1]:
        target = target[i]
    target[where[-1]] = value
    with pytest.raises(monty.MontyError):
        step = _load(data)
        step.resume(1)


def test_snapshot_wrong_types_everywhere_give_monty_errors():
    """Every field of a real dump replaced by values of wrong types: each load gives a
    MontyError or a working Call, never another exception or a crash (run in a child)."""
    code = textwrap.dedent("""
        import msgspec, monty, sys, textwrap
        sb = monty.Sandbox(functions={"f": None})
        step = sb.start(textwrap.dedent('''
            class C:
                def m(self):
                    return 1
            c = C()
            items = [1, "two", (3,), {"k": c}, {4}, b"5"]
            def g():
                yield 1
            gen = g()
            f(c.m())
            len(items)
        '''))
        base = msgspec.msgpack.decode(step.dump())

        def paths(node, path=()):
            yield path
            if isinstance(node, list):
                for i, x in enumerate(node):
                    yield from paths(x, path + (i,))

        def replaced(path, value):
            data = msgspec.msgpack.decode(msgspec.msgpack.encode(base))
            target = data
            for i in path[:-1]:
                target = target[i]
            target[path[-1]] = value
            return data

        bad = [None, -1, 1 << 62, "x", "__del__", b"\\x00", [], [[-7]], [1 << 40], {"a": 1},
               ["K", "X", "X", [], [], [], None, None], 2.5, True]
        n = 0
        for path in list(paths(base)):
            if not path:
                continue
            for value in bad:
                data = replaced(path, value)
                try:
                    s = monty.load(msgspec.msgpack.encode(data), functions={"f": None})
                    try:
                        s.resume(1)
                    except monty.MontyError:
                        pass
                except monty.MontyError:
                    pass
                except BaseException as e:
                    print("NOT-MONTY", path, repr(value)[:40], type(e).__name__, str(e)[:200])
                    sys.exit(1)
                n += 1
        # raw bytes: truncated, garbage, deeply nested
        blob = step.dump()
        for cut in range(0, len(blob), max(1, len(blob) // 50)):
            try:
                monty.load(blob[:cut])
            except monty.MontyError:
                pass
        for raw in (b"\\x91" * 100000, b"\\xff" * 100, bytes(range(256))):
            try:
                monty.load(raw)
            except monty.MontyError:
                pass
        print("OK", n)
    """)
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=600, env=dict(os.environ, PYTHONPATH=ROOT), cwd=ROOT)
    assert proc.returncode == 0 and "OK" in proc.stdout, (proc.stdout[-2000:], proc.stderr[-2000:])


def test_sandboxes_in_threads_keep_their_own_current_vm():
    """Each thread runs its own sandbox: callbacks run from native code (str() of an object,
    map(print, ...)) reach the sandbox of their own thread, never another thread's."""
    monty.Sandbox().run("import textwrap")
    code = textwrap.dedent("""
        import textwrap
        class P:
            def __str__(self):
                return NAME
        for i in range(1500):
            textwrap.shorten("a b c d e f g", 8)
            s = str(P())
            assert s == NAME, s
            list(map(print, [NAME]))
        "ok"
    """)
    bad = []
    old = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)

    def worker(name):
        log = []
        sb = monty.Sandbox(print_callback=log.append, limits=monty.Limits(max_duration=60))
        try:
            assert sb.run(code, inputs={"NAME": name}) == "ok"
        except monty.MontyError as e:
            bad.append((name, str(e)[:200]))
        wrong = [x for x in log if x.strip() != name]
        if wrong or len(log) != 1500:
            bad.append((name, "foreign or missing prints", wrong[:3], len(log)))
    try:
        ts = [threading.Thread(target=worker, args=(f"T{i}",)) for i in range(3)]
        for t in ts:
            t.start()
        for t in ts:
            t.join(120)
    finally:
        sys.setswitchinterval(old)
    assert bad == []


def test_dump_never_runs_sandbox_code():
    holder = {}
    log, cb = _recorder(holder)
    sb = holder["sb"] = monty.Sandbox(functions={"f": None}, print_callback=cb)
    step = sb.start(textwrap.dedent("""
        class C:
            def __getattribute__(self, n):
                print("GA")
                return object.__getattribute__(self, n)
            def __eq__(self, o):
                print("EQ")
                return False
            def __hash__(self):
                return 1
        class E(Exception):
            def __getattribute__(self, n):
                print("EGA")
                return object.__getattribute__(self, n)
        class L(list):
            def __iter__(self):
                print("ITER")
                return iter([])
        c = C()
        e = E(1)
        l = L([1, 2])
        f(1)
        (type(c).__name__, len(l))
    """))
    del log[:]
    blob = step.dump()
    assert log == []
    done = monty.load(blob, functions={"f": None}).resume(1)
    assert done.value == ("C", 2)


def test_load_never_runs_sandbox_code():
    """Rebuilding a dict keyed by objects with a sandbox __hash__ would run it on the host
    outside any run: the loader refuses instead."""
    sb = monty.Sandbox(functions={"f": None})
    step = sb.start(textwrap.dedent("""
        class K:
            def __hash__(self):
                print("HASH")
                while True:
                    pass
        d = {}
        k = K
        f(1)
    """))
    data = msgspec.msgpack.decode(step.dump())
    # a crafted table entry: a dict whose key is an instance of K
    table = data[10]
    kidx = next(i for i, x in enumerate(table) if x[0] == "K")
    table.append(["o", [kidx], "obj", None, [[], []], []])
    inst = len(table) - 1
    for x in table:
        if x[0] == "D":
            x[1].append([inst])
            x[2].append(1)
    log = []
    t0 = time.perf_counter()
    with pytest.raises(monty.MontyError):
        monty.load(msgspec.msgpack.encode(data), functions={"f": None},
                   print_callback=log.append)
    assert time.perf_counter() - t0 < 2.0
    assert log == []
