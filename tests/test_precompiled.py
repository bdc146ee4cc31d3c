"""Precompiled sandbox modules (monty/precompiled.py): the build's code objects load only when
they are exactly the compiler's output for the source being imported, from an unaltered file
of the same compiler; anything else is refused and the module compiles from its source."""

import hashlib
import json
import os
import subprocess
import sys
import textwrap

import msgspec
import pytest

import monty
from monty import _core, modules, precompiled
from monty.compiler import INTERNAL_SOURCES, compile_source

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


@pytest.fixture(scope="module")
def artifact(tmp_path_factory):
    data = precompiled.build_artifact()
    path = tmp_path_factory.mktemp("precompiled") / "_sandbox_code.bin"
    path.write_bytes(data)
    return path, data


@pytest.fixture
def use(monkeypatch):
    """Point the loader at a file and digest of the test's choosing."""
    def use(path, digest):
        monkeypatch.setattr(precompiled, "ARTIFACT", path)
        monkeypatch.setattr(precompiled, "_expected_digest", lambda: digest)
        precompiled._reset()
    yield use
    precompiled._reset()


def _sources():
    modules._discover()
    return list(INTERNAL_SOURCES.items())


def _same(a, b, where):
    sa, sb = a.spec, b.spec
    assert sorted(sa) == sorted(sb), where
    for key in sa:
        x, y = sa[key], sb[key]
        if key == "consts":
            assert len(x) == len(y), where
            for i, (p, q) in enumerate(zip(x, y)):
                if type(p) is _core.Code:
                    _same(p, q, f"{where}/{i}")
                else:
                    assert type(p) is type(q) and (p is q or p == q), (where, i, p, q)
        elif key in ("instrs", "handlers"):
            assert [tuple(v) for v in x] == [tuple(v) for v in y], (where, key)
        else:
            assert (list(x) == list(y)) if isinstance(x, (list, tuple)) else x == y, (where, key)


def _load(source, internal):
    return precompiled.lookup(source, internal, monty._BUILTINS, _core.Code)


def test_every_module_loads_as_the_compiler_compiles_it(artifact, use):
    path, data = artifact
    use(path, hashlib.sha256(data).hexdigest())
    sources = _sources()
    assert len(sources) >= 20
    for source, internal in sources:
        code = _load(source, internal)
        assert code is not None, (internal, precompiled.rejected)
        _same(code, compile_source(source, _core.Code, internal=internal), internal[0])
    assert precompiled.rejected is None


def test_a_changed_file_is_refused(artifact, use, tmp_path):
    path, data = artifact
    digest = hashlib.sha256(data).hexdigest()
    bad = bytearray(data)
    bad[len(bad) // 2] ^= 1
    changed = tmp_path / "changed.bin"
    changed.write_bytes(bytes(bad))
    use(changed, digest)
    source, internal = _sources()[0]
    assert _load(source, internal) is None
    assert "does not match the digest" in precompiled.rejected


def test_missing_digest_or_file_means_compiling(artifact, use, tmp_path):
    path, data = artifact
    use(path, None)
    source, internal = _sources()[0]
    assert _load(source, internal) is None
    use(tmp_path / "absent.bin", hashlib.sha256(data).hexdigest())
    assert _load(source, internal) is None
    assert "cannot read" in precompiled.rejected


def test_a_file_of_another_compiler_is_stale(artifact, use, tmp_path, monkeypatch):
    path, data = artifact
    head = msgspec.msgpack.decode(data)
    head[2] = "0" * 64
    stale = msgspec.msgpack.encode(head)
    target = tmp_path / "stale.bin"
    target.write_bytes(stale)
    use(target, hashlib.sha256(stale).hexdigest())
    source, internal = _sources()[0]
    assert _load(source, internal) is None
    assert "stale" in precompiled.rejected


def test_the_key_covers_the_compiler_source(monkeypatch, tmp_path):
    key = precompiled.compiler_key(monty._BUILTINS)
    assert key == precompiled.compiler_key(monty._BUILTINS)
    assert key != precompiled.compiler_key({**monty._BUILTINS, "extra": len})
    copy = tmp_path / "monty"
    copy.mkdir()
    for name in ("compiler.py", "opcodes.py"):
        copy.joinpath(name).write_bytes((precompiled.HERE / name).read_bytes())
    monkeypatch.setattr(precompiled, "HERE", copy)
    assert precompiled.compiler_key(monty._BUILTINS) == key
    copy.joinpath("compiler.py").write_bytes(
        (precompiled.HERE / "compiler.py").read_bytes() + b"\n# changed\n")
    assert precompiled.compiler_key(monty._BUILTINS) != key


def test_other_source_text_is_not_served(artifact, use):
    path, data = artifact
    use(path, hashlib.sha256(data).hexdigest())
    source, internal = _sources()[3]
    assert _load(source + "\n", internal) is None
    assert _load(source, (internal[0], internal[1] + "x")) is None
    assert _load(source, ("<nothing>", internal[1])) is None
    assert _load(source, internal) is not None


def _tampered(data, mutate):
    """The artifact with one module's code changed by `mutate(code tree)`, and a digest that
    matches it (as if the build itself had written it): only the decoder's checks stand."""
    head = msgspec.msgpack.decode(data)
    entries = head[3]
    filename = "<json>"
    prefix, source_hash, payload = entries[filename][0]
    tree = msgspec.msgpack.decode(payload)
    mutate(tree)
    entries[filename][0][2] = msgspec.msgpack.encode(tree)
    out = msgspec.msgpack.encode(head)
    return out, hashlib.sha256(out).hexdigest(), filename


def _function_code(tree):
    """The first nested function code in a module code tree (constants tagged ["C", code])."""
    for c in tree[13]:
        if type(c) is list and c and c[0] == "C":
            return c[1]
    raise AssertionError("no function code")


def _set_instr(code, i, op=None, a=None, b=None):
    for k, v in enumerate((op, a, b)):
        if v is not None:
            code[9][3 * i + k] = v


def _first(code, name):
    from monty import opcodes as O
    ops = code[9][0::3]
    return ops.index(O.BY_NAME[name])


def _mutations():
    from monty import opcodes as O
    return {
        "opcode out of the table": lambda t: _set_instr(t, 0, op=len(O.OPCODES)),
        "constant index out of range": lambda t: _set_instr(t, _first(t, "LOAD_CONST"),
                                                            a=len(t[13])),
        "jump outside the code": lambda t: _set_instr(
            _function_code(t), 0, op=O.BY_NAME["JUMP"], a=len(_function_code(t)[9]) // 3),
        "local slot past the frame": lambda t: _set_instr(
            _function_code(t), 0, op=O.BY_NAME["LOAD_FAST"], a=len(_function_code(t)[15]) + 3),
        "stack underflow": lambda t: _set_instr(t, 0, op=O.BY_NAME["POP_TOP"]),
        "a list op on a non-list": lambda t: _function_code(t)[9].__setitem__(
            slice(0, 9), [O.BY_NAME["LOAD_CONST"], 0, 0, O.BY_NAME["LOAD_CONST"], 0, 0,
                          O.BY_NAME["LIST_APPEND"], 1, 0]),
        "stack size too small": lambda t: t.__setitem__(8, 0),
        "falls off its end": lambda t: _set_instr(t, len(t[9]) // 3 - 1,
                                                  op=O.BY_NAME["LOAD_CONST"], a=0),
        "function without code": lambda t: _set_instr(
            t, _first(t, "MAKE_FUNCTION") - 1, op=O.BY_NAME["LOAD_CONST"], a=0),
        "class op in module code": lambda t: _set_instr(t, 0, op=O.BY_NAME["LOAD_NAME"], a=0,
                                                        b=0),
        "unknown builtin": lambda t: t[13].append(["B", "no such builtin"]),
        "host object by type": lambda t: t[13].append(["X", "os.system"]),
        "wrong field type": lambda t: t.__setitem__(0, 7),
        "handler past the code": lambda t: t[12].append([10 ** 6, 0]),
        "line table length": lambda t: t[10].pop(),
        "huge int": lambda t: t[13].append(["i", "9" * 6000]),
    }


@pytest.mark.parametrize("what", sorted(_mutations()))
def test_malformed_code_is_refused(artifact, use, tmp_path, what):
    path, data = artifact
    out, digest, filename = _tampered(data, _mutations()[what])
    target = tmp_path / "tampered.bin"
    target.write_bytes(out)
    use(target, digest)
    for source, internal in _sources():
        if internal[0] == filename:
            break
    assert _load(source, internal) is None, what
    assert precompiled.rejected and precompiled.rejected.startswith(filename), \
        precompiled.rejected
    assert _REASONS[what] in precompiled.rejected


_REASONS = {
    "opcode out of the table": "bad opcode",
    "constant index out of range": "operand out of range",
    "jump outside the code": "operand out of range",
    "local slot past the frame": "operand out of range",
    "stack underflow": "needs more stack than there is",
    "a list op on a non-list": "needs a 'L' value",
    "stack size too small": "stack deeper than the declared size",
    "falls off its end": "falls off its end",
    "function without code": "MAKE_FUNCTION without its code",
    "class op in module code": "class-body instruction outside a class body",
    "unknown builtin": "unknown builtin constant",
    "host object by type": "bad constant",
    "wrong field type": "malformed code",
    "handler past the code": "bad handler",
    "line table length": "bad line or handler table",
    "huge int": "bad int constant",
}


def test_fresh_process_imports_run_from_the_artifact(artifact):
    """In a new process, every module written in sandbox Python imports and runs from the
    artifact without the compiler compiling it, and gives CPython's results."""
    path, data = artifact
    program = """
import asyncio, csv, io, json, logging, difflib, string, shlex, fnmatch, pprint, textwrap
import calendar, graphlib, traceback, types, abc, urllib.parse
out = []
async def main():
    await asyncio.sleep(0)
    return 5
out.append(asyncio.run(main()))
buf = io.StringIO()
csv.writer(buf).writerow(["a", "b,c", 3])
out.append(buf.getvalue())
out.append(json.dumps({"x": [1, 2]}, indent=1))
out.append(difflib.SequenceMatcher(None, "abcd", "abxd").ratio())
out.append(string.Template("$who").substitute(who="w"))
out.append(shlex.split("a 'b c'"))
out.append(fnmatch.fnmatch("x.py", "*.py"))
out.append(pprint.pformat({"k": list(range(3))}))
out.append(calendar.isleap(2024))
out.append(list(graphlib.TopologicalSorter({"a": {"b"}}).static_order()))
out.append(urllib.parse.quote("a b/c"))
logging.getLogger("t").setLevel(logging.INFO)
out.append(logging.getLevelName(logging.WARNING))
out.append(sum(x for x in range(10)))
out
"""
    script = textwrap.dedent(f"""
        import json, sys
        import monty
        from monty import compiler, precompiled
        precompiled.ARTIFACT = precompiled.Path({str(path)!r})
        precompiled._expected_digest = lambda: {hashlib.sha256(data).hexdigest()!r}
        real = compiler.compile_source
        compiled = []
        def spy(source, make_code, filename="<string>", internal=None):
            if internal is not None:
                compiled.append(internal[0])
            return real(source, make_code, filename, internal)
        compiler.compile_source = spy
        value = monty.Sandbox().run({program!r})
        print(json.dumps([value, compiled, precompiled.rejected]))
    """)
    env = dict(os.environ, PYTHONPATH=ROOT)
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          env=env, cwd=ROOT, timeout=120)
    assert done.returncode == 0, done.stderr
    value, compiled, rejected = json.loads(done.stdout.strip().splitlines()[-1])
    assert rejected is None
    assert compiled == []
    import asyncio, csv, io, difflib, string, shlex, fnmatch, pprint, calendar, graphlib
    import logging, urllib.parse

    async def main():
        await asyncio.sleep(0)
        return 5
    buf = io.StringIO()
    csv.writer(buf).writerow(["a", "b,c", 3])
    expected = [asyncio.run(main()), buf.getvalue(), json.dumps({"x": [1, 2]}, indent=1),
                difflib.SequenceMatcher(None, "abcd", "abxd").ratio(),
                string.Template("$who").substitute(who="w"), shlex.split("a 'b c'"),
                fnmatch.fnmatch("x.py", "*.py"), pprint.pformat({"k": list(range(3))}),
                calendar.isleap(2024),
                list(graphlib.TopologicalSorter({"a": {"b"}}).static_order()),
                urllib.parse.quote("a b/c"), logging.getLevelName(logging.WARNING), 45]
    assert value == expected


def test_the_build_writes_artifact_and_digest(tmp_path, monkeypatch):
    monkeypatch.setattr(precompiled, "HERE", precompiled.HERE)
    digest = precompiled.write_artifact(tmp_path)
    data = (tmp_path / "_sandbox_code.bin").read_bytes()
    assert hashlib.sha256(data).hexdigest() == digest
    text = (tmp_path / "_sandbox_code_digest.py").read_text()
    assert f'DIGEST = "{digest}"' in text


def test_the_stack_plans_agree_with_the_instruction_table():
    """The loader's per-opcode stack plans accept exactly the stacks opcodes.transfer accepts
    and give the same kinds after (random stacks of every kind, for every opcode whose counts
    do not depend on its operands)."""
    import random
    from monty import opcodes as O
    rnd = random.Random(5)
    checked = 0
    for op in range(len(O.OPCODES)):
        for jump in (False, True):
            plan = precompiled._plan(op, jump)
            if plan is None:
                continue
            for _ in range(200):
                st = tuple(rnd.choice("amiehLSDstf") for _ in range(rnd.randint(0, 5)))
                ck = rnd.choice("ast")
                try:
                    ref = O.transfer(op, 0, 0, st, ck, jump=jump)
                except O.StackError:
                    ref = None
                got = precompiled._run_plan(plan, st, ck)
                assert (got if type(got) is tuple else None) == ref, (O.NAMES[op], st, got, ref)
                checked += 1
    assert checked > 10_000
