"""Linking module code to a sandbox's global slots (VM.link, done in C) gives what the
reference relink (Code.relink, one slot_of call per operand) gives, and what one sandbox does
to the internal modules it built never shows in another."""

import monty
from monty import _code_cache, _core
from monty.modules import _loops

SOURCES = [
    "x = 1\ny = x + len([1, 2])\ndef f(a):\n    global x\n    x = a\n    return y\nf(3)\nx",
    "class C:\n    z = 1\n    def m(self):\n        return z_glob\nz_glob = 2\nC().m()",
    "def outer():\n    n = 0\n    def inner():\n        nonlocal n\n        n += 1\n"
    "        return n + k\n    return inner\nk = 5\nouter()()",
    "try:\n    1 / 0\nexcept ZeroDivisionError as e:\n    msg = str(e)\n[i * 2 for i in range(3)], msg",
]


def _tree(code):
    spec = dict(code.spec)
    spec["consts"] = tuple(_tree(c) if isinstance(c, _core.Code) else c for c in code.consts)
    return spec


def _fresh_vm(names=()):
    vm = monty.Sandbox()._vm
    for name in names:
        vm.slot_of(name)
    return vm


def test_link_matches_the_reference_relink():
    codes = [_code_cache.get(s) for s in SOURCES]
    codes.append(_code_cache.get(_loops.SOURCE, internal=("<builtins>", _loops.PREFIX)))
    for code in codes:
        before = _tree(code)
        for taken in ((), ("a", "b", "len", "x")):
            fast, ref = _fresh_vm(taken), _fresh_vm(taken)
            linked = fast.link(code)
            expected = code.relink(ref.slot_of)
            assert _tree(linked) == _tree(expected)
            # the same slots were given out, in the same order
            assert [fast.slot_of(n) for n in code.names] == [ref.slot_of(n) for n in code.names]
            assert fast.link(code) is linked        # (cached per sandbox)
        assert _tree(code) == before                # the shared code is left as it was


def test_linked_code_runs_like_the_program():
    for source in SOURCES:
        expected = monty.Sandbox().run(source)
        sb = monty.Sandbox()
        sb.run("pad_a = 1\npad_b = 2")          # other slots taken first
        assert sb.run(source) == expected


def test_internal_module_functions_are_per_sandbox():
    a, b = monty.Sandbox(), monty.Sandbox()
    a.run("import functools\nfunctools.reduce.marker = 1\n"
          "functools.lru_cache.tag = 'changed'\nsorted([2, 1], key=lambda v: v)")
    assert b.run("import functools\n[hasattr(functools.reduce, 'marker'), "
                 "hasattr(functools.lru_cache, 'tag'), "
                 "functools.reduce(lambda x, y: x + y, [1, 2, 3]), "
                 "sorted([3, 1, 2], key=lambda v: -v)]") == [False, False, 6, [3, 2, 1]]
    assert a.run("functools.reduce.marker") == 1
