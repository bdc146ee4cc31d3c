"""The attribute gate on sandbox subclasses of builtins, on inherited slot methods and on objects
the host shares between sandboxes: what each path gives sandbox code, and that two Sandboxes in
one process cannot change what the other sees."""

import pytest

import monty
from monty import _core
from monty import modules as sandbox_modules


def run(code, **limits):
    limits.setdefault("max_duration", 5.0)
    return monty.Sandbox(limits=monty.Limits(**limits)).run(code)


def error_of(code, **limits):
    with pytest.raises(monty.MontyError) as info:
        run(code, **limits)
    return info.value


# --- methods of a builtin base come from the gate's tables -----------------------------------

@pytest.mark.parametrize("code", [
    "class S(str): pass\nS('a').ljust(10 ** 9)",
    "class S(str): pass\nS.ljust(S('a'), 10 ** 9)",
    "class S(str):\n    def f(self):\n        return super().ljust(10 ** 9)\nS('a').f()",
    "class S(str): pass\ngetattr(S('a'), 'center')(10 ** 9)",
    "class S(str): pass\nS('ab').replace('a', 'x' * 10 ** 5) * 0 + S('a' * 10 ** 5).replace('a', 'x' * 10 ** 5)",
    "class S(str): pass\nS('x' * 10 ** 4).join(['a'] * 10 ** 5)",
    "class S(str): pass\nS('{:>1000000000}').format(1)",
    "class I(int):\n    def bit_length(self):\n        return 1\nI(1).to_bytes(10 ** 9, 'big')",
    "class B(bytes): pass\nB(b'a').center(10 ** 9)",
])
def test_inherited_methods_are_the_checked_wrappers(code):
    assert isinstance(error_of(code, max_memory=64 << 20), monty.MontyLimitError)


@pytest.mark.parametrize("code", [
    "class S(str): pass\nS('{0.__class__.__mro__}').format(1)",
    "class S(str): pass\nS('{f.__init__.__globals__}').format_map({'f': len})",
    "class S(str): pass\nS.format(S('{0.__class__.__base__.__subclasses__}'), 1)",
    "class S(str):\n    def f(self, x):\n        return super().format(x)\nS('{0.__class__.__mro__}').f(1)",
])
def test_format_fields_of_subclass_templates_pass_the_gate(code):
    err = error_of(code)
    assert err.exc_type == "AttributeError" and "not accessible in the sandbox" in str(err)


def test_subclass_methods_behave_as_on_the_base():
    assert run("class S(str):\n    pass\ns = S('abc')\n"
               "(s.upper(), s.ljust(5, '.'), S.upper(s), s.split('b'), S('{}-{}').format(s, 1),"
               " type(s.upper()).__name__, S.maketrans('a', 'b') == str.maketrans('a', 'b'))") == (
        "ABC", "abc..", "ABC", ["a", "c"], "abc-1", "str", True)
    assert run("class S(str): pass\nS.ljust is str.ljust") is True
    assert run("class D(dict): pass\nd = D.fromkeys('ab', 0)\n(type(d).__name__, d)") == ("D", {"a": 0, "b": 0})


def test_an_instance_attribute_shadows_a_base_method_as_in_cpython():
    assert run("class L(list): pass\nl = L([1])\nl.count = 5\n(l.count, L.count(l, 1))") == (5, 1)


def test_metaclass_attributes_of_a_sandbox_class_are_not_reachable():
    err = error_of("class S(str): pass\nS.mro")
    assert "not accessible in the sandbox" in str(err)
    assert run("class S(str): pass\nhasattr(S('a'), 'mro'), hasattr(S, 'ljust')") == (False, True)


def test_dir_lists_what_the_gate_answers():
    names = run("class S(str): pass\ndir(S('a'))")
    assert "ljust" in names and "format" in names and "__mro__" not in names


# --- protocol dunders a builtin base provides -------------------------------------------------

@pytest.mark.parametrize("code", [
    "class S(str): pass\nS.__mul__(S('a'), 10 ** 9)",
    "class S(str): pass\nS('a').__mul__(10 ** 9)",
    "class S(str):\n    def __mul__(self, n):\n        return super().__mul__(n)\nS('a') * 10 ** 9",
    "class I(int): pass\nI.__pow__(I(10), 10 ** 9)",
    "class I(int): pass\nI(1).__lshift__(10 ** 10)",
    "class L(list): pass\nL.__imul__(L([0] * 100), 10 ** 8)",
    "class L(list): pass\nL().__iadd__(range(10 ** 9))",
    "class L(list):\n    def __init__(self, n):\n        super().__init__(range(n))\nL(10 ** 9)",
    "class D(dict):\n    def __init__(self, n):\n        super().__init__(((i, i) for i in range(n)), a=1)\nD(10 ** 8)",
    "class L(list): pass\nL.__setitem__(L(), slice(0, 0), range(10 ** 9))",
    "class T(tuple): pass\nT.__new__(T, range(10 ** 9))",
    "class B(bytes):\n    def __new__(cls, n):\n        return super().__new__(cls, n)\nB(10 ** 10)",
    "class S(str): pass\nS('x').__format__('>1000000000')",
    "class S(str): pass\nS('%*s').__mod__((10 ** 9, 'a'))",
    "str.__mul__('a', 10 ** 9)",
    "tuple.__new__(tuple, range(10 ** 9))",
])
def test_inherited_slots_apply_the_eval_loops_prechecks(code):
    assert isinstance(error_of(code, max_memory=64 << 20), monty.MontyLimitError)


@pytest.mark.parametrize("code", [
    "class L(list): pass\na = [1]\nb = [1]\nfor _ in range(60):\n    a = [a, a]\n    b = [b, b]\nL.__eq__(L(a), L(b))",
    "class L(list): pass\na = [1]\nfor _ in range(40):\n    a = [a, a]\nL(a).__repr__()",
])
def test_inherited_slots_that_walk_are_estimated_first(code):
    with pytest.raises(monty.MontyTimeLimitError):
        run(code, max_duration=0.5)


def test_slot_methods_look_like_cpythons_and_expose_nothing():
    assert run("class L(list): pass\n(type(L.__eq__).__name__, type(L([]).__eq__).__name__,"
               " type(object.__new__).__name__)") == (
        "wrapper_descriptor", "method-wrapper", "builtin_function_or_method")
    for attr in ("__objclass__", "__self__", "__func__", "__globals__", "__call__"):
        err = error_of(f"class S(str): pass\nS.__mul__.{attr}")
        assert err.exc_type == "AttributeError"


def test_slots_without_a_sandbox_use_are_refused():
    err = error_of("class L(list): pass\nL.__class_getitem__")
    assert "not accessible in the sandbox" in str(err)


def test_slot_receivers_are_type_checked():
    err = error_of("class S(str): pass\nS.__mul__(1, 2)")
    assert err.exc_type == "TypeError" and "requires a 'str' object" in str(err)
    err = error_of("class S(str): pass\nS.__new__(int)")
    assert err.exc_type == "TypeError" and "is not a subtype of str" in str(err)


# --- object.__setattr__ / __new__ and host objects --------------------------------------------

@pytest.mark.parametrize("target", [
    "re.compile('a')", "type(len)", "collections.Counter", "collections", "len", "int", "enum.Enum",
    "collections.Counter('ab')",
])
@pytest.mark.parametrize("spelling", [
    "object.__setattr__(T, '{a}', 1)", "object.__delattr__(T, '{a}')", "setattr(T, '{a}', 1)",
    "delattr(T, '{a}')", "T.__setattr__('{a}', 1)", "type(T).__setattr__(T, '{a}', 1)",
])
@pytest.mark.parametrize("attr", ["_vm", "__name__", "x", "most_common"])
def test_host_objects_are_read_only(target, spelling, attr):
    code = (f"import re, collections, enum\nT = {target}\n" + spelling.format(a=attr))
    err = error_of(code)
    assert err.exc_type in ("AttributeError", "TypeError"), str(err)


def test_object_setattr_keeps_working_on_sandbox_instances():
    assert run("class F:\n    def __setattr__(self, n, v):\n        raise AttributeError(n)\n"
               "f = F()\nobject.__setattr__(f, 'x', 1)\nobject.__delattr__(f, 'x')\n"
               "object.__setattr__(f, 'y', 2)\nf.y") == 2
    err = error_of("class F: pass\nobject.__setattr__(F(), '__class__', int)")
    assert "read-only" in str(err)
    err = error_of("class F: pass\nobject.__setattr__(F, 'x', 1)")
    assert err.exc_type == "TypeError"


def test_object_new_only_makes_sandbox_classes():
    assert run("class P:\n    pass\ntype(object.__new__(P)).__name__") == "P"
    for cls in ("re.Pattern", "collections.Counter", "type(len)"):
        err = error_of(f"import re, collections\nobject.__new__({cls})")
        assert err.exc_type == "TypeError"


def test_host_class_slots_of_a_subclass_are_read_only():
    # a sandbox subclass of a module class may not rewrite the host's own slots
    err = error_of("from fractions import Fraction\nclass F(Fraction): pass\nf = F(1, 2)\nf._numerator = 5")
    assert "read-only" in str(err)
    assert run("from fractions import Fraction\nclass F(Fraction): pass\nf = F(1, 2)\nf.tag = 5\n"
               "(f.tag, f.numerator, str(f + 1))") == (5, 1, "3/2")


def test_module_classes_stay_usable_through_subclasses():
    assert run("import enum\nclass C(enum.Enum):\n    A = 1\n(C.A.name, C.A.value, C(1).name)") == ("A", 1, "A")
    assert run("import enum\nclass C(enum.StrEnum):\n    A = 'a'\n(C.A.upper(), C.A.ljust(3, '.'))") == ("A", "a..")
    assert run("import collections\nclass C(collections.Counter): pass\nC('aab').most_common(1)") == [("a", 2)]
    assert run("from typing import NamedTuple\nclass P(NamedTuple):\n    x: int\n"
               "p = P(1)\n(p._replace(x=2).x, p.count(1), p.index(1))") == (2, 1, 0)


# --- two tenants in one process -----------------------------------------------------------------

_EXTRA_NAMES = ["__name__", "__qualname__", "__doc__", "__module__", "__dict__", "__class__",
                "__init__", "__call__", "__repr__", "__eq__", "__hash__", "__setattr__", "x",
                "_vm", "_rx", "_re", "_full", "_attrs", "_member_map_", "_member_names_",
                "most_common", "name", "value", "pattern", "flags"]

_SPELLINGS = [
    "setattr(o, a, X)", "object.__setattr__(o, a, X)", "delattr(o, a)", "object.__delattr__(o, a)",
    "type(o).__setattr__(o, a, X)", "o.__setattr__(a, X)", "o.__dict__.__setitem__(a, X)",
    "vars(o).__setitem__(a, X)", "o.__dict__.clear()", "vars(o).clear()",
    "super(type(o), o).__setattr__(a, X)",
]

_MUTATORS = [("clear", ()), ("append", ("X",)), ("add", ("X",)), ("update", ({"X": 1},)),
             ("pop", ()), ("popitem", ()), ("__setitem__", (0, "X")), ("__delitem__", (0,)),
             ("extend", (["X"],)), ("sort", ()), ("reverse", ()), ("insert", (0, "X")),
             ("remove", (0,)), ("discard", (0,)), ("setdefault", ("X", 1))]


def _module_imports():
    names = sandbox_modules.available()
    lines = [f"import {name} as m{i}" for i, name in enumerate(names)]
    refs = ", ".join(f"m{i}" for i in range(len(names)))
    return "\n".join(lines) + f"\nMODULES = [{refs}]\n"


def _builtin_refs():
    names = sorted(n for n in _core.make_builtins() if n.isidentifier() and not n.startswith("_")
                   and n not in ("None", "True", "False"))
    return "BUILTINS = [" + ", ".join(names) + "]\n"


_ATTACK = """
X = 'pwned'
NAMES = %(names)r
MUTATORS = %(mutators)r
SPELLINGS = [%(spellings)s]

def attack(o):
    try:
        own = dir(o)
    except Exception:
        own = []
    for a in own[:80] + NAMES:
        for spelling in SPELLINGS:
            try:
                spelling(o, a)
            except Exception:
                pass
    for meth, args in MUTATORS:
        try:
            getattr(o, meth)(*args)
        except Exception:
            pass

import re
TARGETS = list(MODULES) + list(BUILTINS) + [re.compile('a'), re.compile('(a+)+$'), type(len),
                                             type(iter([])), type(re.compile('a'))]
for m in MODULES:
    for n in dir(m):
        try:
            v = getattr(m, n)
        except Exception:
            continue
        TARGETS.append(v)
        TARGETS.append(type(v))
        if isinstance(v, type):
            for a in dir(v)[:60]:
                try:
                    TARGETS.append(getattr(v, a))
                except Exception:
                    pass
for t in TARGETS:
    attack(t)
len(TARGETS)
""" % {"names": _EXTRA_NAMES, "mutators": _MUTATORS,
       "spellings": ", ".join(f"lambda o, a: {s}" for s in _SPELLINGS)}

_FINGERPRINT = """
def fingerprint(v, depth):
    out = [repr(type(v))[:120]]
    try:
        out.append(repr(v)[:300])
    except Exception as e:
        out.append(type(e).__name__)
    if depth:
        try:
            names = dir(v)
        except Exception:
            names = []
        for a in names:
            try:
                w = getattr(v, a)
            except Exception as e:
                out.append((a, type(e).__name__))
                continue
            out.append((a, fingerprint(w, depth - 1)))
    return out

import re
[[fingerprint(m, 2) for m in MODULES], [fingerprint(b, 1) for b in BUILTINS],
 fingerprint(type(len), 1), fingerprint(re.compile('a'), 1), fingerprint(type(re.compile('a')), 1)]
"""


def _fresh_tenant(max_duration):
    sb = monty.Sandbox(limits=monty.Limits(max_duration=max_duration, max_memory=512 << 20))
    sb.run(_module_imports() + _builtin_refs())
    return sb


def test_two_tenants_cannot_change_what_the_other_sees():
    victim = _fresh_tenant(60.0)
    before = victim.run(_FINGERPRINT)
    attacker = _fresh_tenant(120.0)
    assert attacker.run(_ATTACK) > 500
    assert victim.run(_FINGERPRINT) == before
    # a tenant that starts after the attack sees what the first one saw before it
    late = _fresh_tenant(60.0)
    assert len(late.run(_FINGERPRINT)) == len(before)
    # the regex timeout still holds for the victim
    with pytest.raises(monty.MontyTimeLimitError):
        monty.Sandbox(limits=monty.Limits(max_duration=0.3)).run(
            "import re\nre.match(r'(x+x+)+y', 'x' * 5000)")
    assert victim.run("type(len).__name__, repr(type(len))") == (
        "builtin_function_or_method", "<class 'builtin_function_or_method'>")


def test_slot_methods_survive_a_snapshot_through_the_gate():
    sb = monty.Sandbox(functions={"pause": None})
    step = sb.start("class S(str): pass\nm = S.__mul__\nb = S('a').__add__\nn = S.__new__\n"
                    "o = object.__setattr__\npause()\n"
                    "(m(S('q'), 2), b('c'), type(n(S, 'z')).__name__, type(o).__name__)")
    resumed = monty.load(step.dump(), functions={"pause": None})
    assert resumed.resume(None).value == ("qq", "ac", "S", "wrapper_descriptor")


def test_slotted_and_plain_sandbox_attributes_keep_cpythons_behaviour():
    assert run("class P:\n    __slots__ = ('x',)\n    k = 1\n    @staticmethod\n    def s():\n        return 2\n"
               "    @property\n    def p(self):\n        return self.x\n"
               "o = P()\no.x = 3\n(o.x, o.k, o.s(), o.p, P.s())") == (3, 1, 2, 3, 2)
    # a builtin method stored in a sandbox class is still answered by the gate
    assert run("class A:\n    up = str.upper\nA.up('a')") == "A"


# --- host methods read unbound on a class: never with a foreign `self` ---------------------------

_FOREIGN_SELF = """
import contextlib, dataclasses, textwrap, statistics, struct, collections, re, json

@dataclasses.dataclass
class D:
    __defaults__: object
    _vm: object

@dataclasses.dataclass(frozen=True, order=True)
class F:
    __defaults__: object
    _vm: object

class W(textwrap.TextWrapper):
    pass

class N(statistics.NormalDist):
    pass

class S(struct.Struct):
    pass

P = collections.namedtuple('P', 'x y')
TARGETS = [textwrap.wrap, json.dumps, re.compile('(a|aa)+$'), struct.Struct, textwrap.TextWrapper,
           json.JSONDecodeError, contextlib, P(1, 2)]
CALLS = [lambda o: D.__init__(o, (4,), None), lambda o: F.__init__(o, (4,), None),
         lambda o: D.__repr__(o), lambda o: F.__lt__(o, o), lambda o: F.__hash__(o),
         lambda o: W.__init__(o, 4), lambda o: W.wrap(o, 'a b'), lambda o: N.__init__(o, 1, 2),
         lambda o: S.__init__(o, 'i'), lambda o: super(W, W).__init__(o, 4),
         lambda o: contextlib.closing.__init__(o, 'X'), lambda o: contextlib.closing.__enter__(o),
         lambda o: contextlib.nullcontext.__init__(o, 'X'), lambda o: contextlib.ExitStack.__init__(o),
         lambda o: contextlib.ExitStack.pop_all(o), lambda o: contextlib.suppress.__init__(o, ValueError),
         lambda o: P._replace(o, x=1), lambda o: P._asdict(o)]
refused = []
for o in TARGETS:
    for i, c in enumerate(CALLS):
        if type(o) is P and i >= len(CALLS) - 2:
            continue
        try:
            c(o)
        except TypeError as e:
            if "doesn't apply to" in str(e):
                refused.append(i)
                continue
            raise
        raise AssertionError((o, i))
len(refused)
"""

_FOREIGN_SELF_LEGIT = """
import contextlib, dataclasses, textwrap, collections

@dataclasses.dataclass(frozen=True, order=True)
class F:
    a: int
    b: list

class W(textwrap.TextWrapper):
    def __init__(self, width):
        super().__init__(width)

P = collections.namedtuple('P', 'x y')
with contextlib.ExitStack() as stack:
    stack.callback(print, 'closed')
    inner = stack.pop_all()
inner.close()
f = F(1, [2])
(repr(f), F(0, []) < f, W(4).wrap('aaa bbb'), super(W, W(3)).wrap('a b c d'),
 P(1, 2)._replace(x=5), F.__init__ is F.__init__, contextlib.nullcontext.__enter__(contextlib.nullcontext(7)))
"""


def test_host_methods_refuse_a_foreign_self():
    """A method host code defined (a dataclass's generated __init__, contextlib's classes,
    namedtuple's, a host module's class seen through a sandbox subclass) read on the class is
    a plain function: called with a shared object as `self` it wrote that object's attributes
    (a module function's __defaults__ for every tenant, a compiled pattern's sandbox reference,
    turning its timeout off). Each now refuses any `self` that is not an instance."""
    victim = monty.Sandbox()
    assert victim.run("import textwrap\ntextwrap.wrap('aaa bbb ccc ddd')") == ["aaa bbb ccc ddd"]
    attacker = monty.Sandbox(limits=monty.Limits(max_duration=30.0))
    n = attacker.run(_FOREIGN_SELF)
    assert n == 8 * 18 - 2
    assert victim.run("import textwrap\ntextwrap.wrap('aaa bbb ccc ddd')") == ["aaa bbb ccc ddd"]
    assert attacker.run("import textwrap\ntextwrap.wrap('aaa bbb ccc ddd')") == ["aaa bbb ccc ddd"]
    with pytest.raises(monty.MontyTimeLimitError):
        monty.Sandbox(limits=monty.Limits(max_duration=0.3)).run(
            "import re\np = re.compile('(a|aa)+$')\np.match('a' * 60 + 'b')")
    out = []
    value = monty.Sandbox(print_callback=out.append).run(_FOREIGN_SELF_LEGIT)
    assert value == ("F(a=1, b=[2])", True, ["aaa", "bbb"], ["a b", "c d"], (5, 2), True, 7)
    assert "".join(out) == "closed\n"


def test_metaclass_methods_of_host_classes_are_not_handed_out():
    """contextlib's classes have the host metaclass ABCMeta: its methods read on the class
    (register, _abc_registry_clear, _dump_registry, which printed to the host's stdout) are
    refused like `type`'s own."""
    code = ("import contextlib\nout = []\n"
            "for n in ('_dump_registry', '_abc_registry_clear', '_abc_caches_clear', 'register', 'mro'):\n"
            "    try:\n        getattr(contextlib.AbstractContextManager, n)\n        out.append(n)\n"
            "    except AttributeError as e:\n        out.append(str(e))\nout")
    got = monty.Sandbox().run(code)
    assert got == [f"type object 'AbstractContextManager' attribute '{n}' is not accessible in the sandbox"
                   for n in ('_dump_registry', '_abc_registry_clear', '_abc_caches_clear', 'register', 'mro')]
