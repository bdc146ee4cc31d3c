"""Compiler checks for `with` and `match`: every form compiles with consistent stack depths
(the compiler's flow analysis asserts it) and has the expected shape."""

import pytest

from monty import _core
from monty import opcodes as O
from monty.compiler import compile_source


def compiled(source):
    """The code units the compiler produced for `source` (module last), as keyword dicts."""
    units = []

    def make_code(**spec):
        units.append(spec)
        return _core.Code(**spec)

    compile_source(source, make_code)
    return units


def ops(unit):
    return [ins[0] for ins in unit["instrs"]]


def exit_calls(unit):
    """CALL 3 instructions: calls of __exit__ (the forms below make no other 3-argument call)."""
    return sum(1 for op, a, b in unit["instrs"] if op == O.CALL and a == 3)


WITH_FORMS = [   # (source, number of context managers)
    ("with a:\n    pass", 1),
    ("with a as x:\n    y = x", 1),
    ("with a as (x, y):\n    pass", 1),
    ("with a as d['k']:\n    pass", 1),
    ("with a as x, b as y, c:\n    pass", 3),
    ("with (a as x, b as y):\n    pass", 2),
    ("with a:\n    with b:\n        pass", 2),
    ("for i in r:\n    with a:\n        if i:\n            break\n        continue", 1),
    ("while True:\n    with a:\n        break", 1),
    ("try:\n    with a:\n        raise ValueError\nexcept ValueError as e:\n    pass\nfinally:\n    z = 1", 1),
    ("with a:\n    try:\n        pass\n    finally:\n        z = 1", 1),
    ("def f():\n    with a:\n        return 1", 1),
    ("def f():\n    for x in y:\n        with a as b, c:\n            try:\n                return x\n"
     "            finally:\n                pass", 2),
    ("def f():\n    try:\n        with a:\n            return 1\n    finally:\n        pass", 1),
    ("def f():\n    with a:\n        try:\n            return 1\n        except KeyError:\n            return 2", 1),
    ("try:\n    pass\nexcept KeyError:\n    with a:\n        raise", 1),
    ("with a:\n    match b:\n        case [x, *y] if x:\n            pass", 1),
]


@pytest.mark.parametrize("source, managers", WITH_FORMS)
def test_with_compiles_with_consistent_stack_depths(source, managers):
    units = compiled(source)
    all_ops = [op for unit in units for op in ops(unit)]
    assert all_ops.count(O.BEFORE_WITH) == all_ops.count(O.WITH_EXCEPT_START) == managers


def test_with_calls_exit_on_every_way_out():
    # normal exit, exception path, and one per return/break/continue leaving the block
    assert exit_calls(compiled("with a:\n    pass")[-1]) == 2
    (function, _module) = compiled("def f():\n    with a:\n        return 1")
    assert exit_calls(function) == 3
    loop = compiled("for i in r:\n    with a:\n        if i:\n            break\n        continue")[-1]
    assert exit_calls(loop) == 4


def test_with_items_nest_and_exit_in_reverse_order():
    module = compiled("with a as x, b as y:\n    pass")[-1]
    assert ops(module).count(O.BEFORE_WITH) == 2
    assert exit_calls(module) == 4


MATCH_FORMS = [
    "match s:\n    case 1 | 2 | 3:\n        pass",
    "match s:\n    case [a, *b, c] if a:\n        pass\n    case (x, y) | [y, x, _]:\n        pass\n    case _:\n        pass",
    "match s:\n    case {'a': [1, *_] | (2, *_) as seq, **kw}:\n        pass",
    "match s:\n    case int(real=r) | str(r):\n        pass\n    case {**rest}:\n        pass",
    "match s:\n    case [[a, b], [c, d]] | [[d, c], [b, a]]:\n        pass",
    "def f(s):\n    for x in s:\n        match x:\n            case [a, _] if a:\n                continue\n            case {'k': v}:\n                return v\n            case _:\n                break",
    "match s:\n    case _ if g:\n        pass",
    "match s:\n    case x:\n        pass",
]


@pytest.mark.parametrize("source", MATCH_FORMS)
def test_match_compiles_with_consistent_stack_depths(source):
    compiled(source)
