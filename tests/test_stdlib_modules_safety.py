"""The modules io, csv, abc, pprint, urllib.parse, html, types, numbers, fnmatch, shlex,
graphlib, string, traceback and logging give sandbox code nothing of the host: their host
helpers cannot be named, their stand-in classes cannot be called, changed or derived from, and
the metaclass stand-in grants nothing a base class list would not."""

import pytest

import monty


def _error(code):
    with pytest.raises(monty.MontyRuntimeError) as info:
        monty.Sandbox().run(code)
    return info.value.exc_type, info.value.message


@pytest.mark.parametrize("code", [
    "class M:\n    pass\nclass A(metaclass=M):\n    pass",
    "class M:\n    __monty_metaclass_base__ = 5\nclass A(metaclass=M):\n    pass",
    "class A(metaclass=type):\n    pass",
])
def test_other_metaclasses_are_still_refused(code):
    assert _error(code) == ("TypeError", "metaclasses are not supported in the sandbox")


def test_a_metaclass_stand_in_only_adds_a_base():
    code = ("class M:\n    __monty_metaclass_base__ = int\n"
            "class A(metaclass=M):\n    pass\n[A.__mro__[1] is int, A(3) + 1]")
    assert monty.Sandbox().run(code) == [True, 4]
    # a base sandbox code could not list is refused as a listed one would be
    exc_type, _ = _error("import types\nclass M:\n    __monty_metaclass_base__ = types.FunctionType\n"
                         "class A(metaclass=M):\n    pass")
    assert exc_type == "TypeError"


@pytest.mark.parametrize("name", ["formatter_parser", "abc_set_abstracts", "abc_abstracts",
                                  "abc_unwrap", "repr_kind", "tb_frames", "tb_type_name",
                                  "ip_version", "handled"])
def test_private_helpers_are_not_builtins(name):
    sb = monty.Sandbox()
    assert sb.run(f"import builtins\n'.{name}' in vars(builtins) or hasattr(builtins, '{name}')") is False
    assert _error(f"_b_{name}")[0] == "NameError"


@pytest.mark.parametrize("code", [
    "import types\ntypes.FunctionType(1, 2)",
    "import numbers\nnumbers.Integral()",
    "import types\nclass F(types.FunctionType):\n    pass",
    "import numbers\nclass N(numbers.Number):\n    pass",
    "import types\ntypes.FunctionType.extra = 1",
    "import numbers\nnumbers.Real.register = 1",
])
def test_stand_ins_cannot_be_called_derived_or_changed(code):
    assert _error(code)[0] in ("TypeError", "AttributeError")


def test_abstract_methods_are_only_set_on_sandbox_classes():
    code = """
import abc
hook = vars(abc.ABC)['__monty_subclass_hook__']
out = []
for target in (int, dict):
    try:
        hook(target)
    except TypeError as e:
        out.append(str(e))
out + [int(3), dict(a=1)]
"""
    out = monty.Sandbox().run(code)
    assert out[-2:] == [3, {"a": 1}]
    assert len(out) == 4      # both calls refused (vars() of a builtin type fails first)


def test_modules_of_one_sandbox_are_not_shared_with_another():
    a, b = monty.Sandbox(), monty.Sandbox()
    a.run("import io, logging\nio.StringIO.write = None\nlogging.getLogger('x').setLevel(50)")
    assert b.run("import io, logging\ns = io.StringIO()\ns.write('ok')\n"
                 "[s.getvalue(), logging.getLogger('x').level]") == ["ok", 0]


def test_print_to_an_object_without_write():
    assert _error("print('x', file=5)") == ("AttributeError",
                                             "'int' object has no attribute 'write'")
