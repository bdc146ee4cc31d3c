"""The instruction table (monty/opcodes.py): every row is emitted by the compiler, and the
load-time verifier, which reads the table's stack signatures, refuses code whose stack does not
fit them."""

import glob
import importlib
import os
import pkgutil

import pytest

import monty
from monty import _core, snapshot
from monty import opcodes as O
import monty.modules

HERE = os.path.dirname(os.path.abspath(__file__))


def corpus():
    """Code objects of the differential snippets and of the sandbox-Python modules."""
    codes = []
    for path in sorted(glob.glob(os.path.join(HERE, "differential", "*.py"))):
        with open(path) as fh:
            for src in fh.read().split("# ---"):
                try:
                    codes.append(monty._code_cache.get(src))
                except monty.MontyError:
                    pass
    for info in pkgutil.iter_modules(monty.modules.__path__):
        module = importlib.import_module(f"monty.modules.{info.name}")
        if hasattr(module, "SOURCES"):         # several internal modules (the loops)
            for source, prefix in module.SOURCES:
                codes.append(monty._code_cache.get(source, internal=(module.FILENAME, prefix)))
        elif hasattr(module, "SOURCE"):        # written in sandbox Python
            name, prefix = module.NAME, module.PREFIX
            codes.append(monty._code_cache.get(module.SOURCE, internal=(f"<{name}>", prefix)))
    out = []
    while codes:
        c = codes.pop()
        out.append(c)
        codes.extend(k for k in c.consts if isinstance(k, _core.Code))
    return out


def test_every_row_of_the_table_is_emitted():
    used = {op for c in corpus() for op, a, b in c.spec["instrs"]}
    dead = [O.NAMES[i] for i in range(len(O.OPCODES)) if i not in used]
    assert dead == []


def test_every_operator_is_emitted():
    binops, cmps, unaries = set(), set(), set()
    for c in corpus():
        for op, a, b in c.spec["instrs"]:
            if op in (O.BINARY_OP, O.BINARY_OP_STORE_FAST):
                binops.add(a)
            elif op in (O.COMPARE_OP, O.COMPARE_JUMP_IF_FALSE):
                cmps.add(a)
            elif op == O.UNARY_OP:
                unaries.add(a)
    assert binops >= {int(op) for op in O.BinOp}
    assert cmps == {int(op) for op in O.CmpOp}
    assert unaries == {int(op) for op in O.UnaryOp}


def test_every_row_is_documented_and_well_formed():
    for row in O.OPCODES:
        assert row.doc and "\n" not in row.doc, row.name
        assert row.a in O.OPERAND_KIND_NAMES and row.b in O.OPERAND_KIND_NAMES, row.name
        assert (row.jump is not None) == ("jump" in (row.a, row.b)), row.name
        assert row.flags <= O.FLAGS, row.name


def code_of(instrs, consts=(None,), handlers=(), handler_of=None, stacksize=8):
    """A hand-made function code object: what crafted bytes would ask the VM to run."""
    instrs = [(O.BY_NAME[name], a, b) for name, a, b in instrs]
    return _core.Code(
        name="f", qualname="f", flags=0, doc=None, argcount=1, posonlyargcount=0,
        kwonlyargcount=0, nlocals=1, stacksize=stacksize, instrs=instrs,
        lines=[1] * len(instrs), handler_of=handler_of or [-1] * len(instrs),
        handlers=list(handlers), consts=tuple(consts), names=(), varnames=("x",),
        cellvars=(), freevars=(), firstlineno=1, filename="<string>", source=None)


def refused(code):
    with pytest.raises(snapshot._Bad):
        snapshot._stack_kinds(code)


def test_well_formed_code_is_accepted():
    code = code_of([("LOAD_FAST", 0, 0), ("FORMAT_VALUE", 0, 0), ("BUILD_STRING", 1, 0),
                    ("RETURN_VALUE", 0, 0)])
    assert snapshot._stack_kinds(code) == [(), ("a",), ("s",), ("a",)]


def test_code_popping_an_empty_stack_is_refused():
    refused(code_of([("POP_TOP", 0, 0), ("LOAD_CONST", 0, 0), ("RETURN_VALUE", 0, 0)]))


def test_code_joining_different_depths_is_refused():
    refused(code_of([("LOAD_FAST", 0, 0), ("POP_JUMP_IF_FALSE", 3, 0), ("LOAD_CONST", 0, 0),
                     ("LOAD_CONST", 0, 0), ("RETURN_VALUE", 0, 0)]))


def test_build_string_over_a_non_str_is_refused():
    refused(code_of([("LOAD_FAST", 0, 0), ("BUILD_STRING", 1, 0), ("RETURN_VALUE", 0, 0)]))


def test_list_append_to_a_non_list_is_refused():
    refused(code_of([("LOAD_FAST", 0, 0), ("LOAD_CONST", 0, 0), ("LIST_APPEND", 1, 0),
                     ("RETURN_VALUE", 0, 0)]))


def test_map_add_to_a_non_dict_is_refused():
    refused(code_of([("BUILD_LIST", 0, 0), ("LOAD_CONST", 0, 0), ("LOAD_CONST", 0, 0),
                     ("MAP_ADD", 1, 0), ("RETURN_VALUE", 0, 0)]))


def test_reraise_of_a_non_exception_is_refused():
    refused(code_of([("LOAD_FAST", 0, 0), ("RERAISE", 0, 0)]))


def test_pop_except_of_a_non_handler_slot_is_refused():
    refused(code_of([("LOAD_FAST", 0, 0), ("POP_EXCEPT", 0, 0), ("LOAD_CONST", 0, 0),
                     ("RETURN_VALUE", 0, 0)]))


def test_build_class_without_a_body_function_is_refused():
    refused(code_of([("LOAD_FAST", 0, 0), ("LOAD_CONST", 0, 0), ("BUILD_CLASS", 0, 0),
                     ("RETURN_VALUE", 0, 0)]))


def test_match_keys_without_a_key_tuple_is_refused():
    refused(code_of([("LOAD_FAST", 0, 0), ("LOAD_FAST", 0, 0), ("MATCH_KEYS", 0, 0),
                     ("RETURN_VALUE", 0, 0)]))


def test_swap_deeper_than_the_stack_is_refused():
    refused(code_of([("LOAD_FAST", 0, 0), ("SWAP", 3, 0), ("RETURN_VALUE", 0, 0)]))


def test_a_negative_count_is_refused():
    refused(code_of([("BUILD_TUPLE", -1, 0), ("RETURN_VALUE", 0, 0)]))


def test_a_handler_entry_is_typed_as_an_exception():
    # try: x  except: reraise -- the handler's slot comes from the table's 'e' kind
    code = code_of([("LOAD_FAST", 0, 0), ("RETURN_VALUE", 0, 0), ("RERAISE", 0, 0)],
                   handlers=[(2, 0)], handler_of=[0, 0, -1])
    assert snapshot._stack_kinds(code)[2] == ("e",)
