"""Host-Python modules never trust sandbox objects: dataclasses' code generator sees only
validated exact values, enum's shared classes are read-only, two sandboxes in one process do
not see each other's enum or dataclass state."""

import os

import pytest

import monty

HERE = os.path.dirname(os.path.abspath(__file__))


def run(code, sb=None):
    sb = sb or monty.Sandbox(limits=monty.Limits(max_duration=2.0, max_memory=128 << 20))
    return sb.run(code)


def error_of(code):
    with pytest.raises(monty.MontyError) as info:
        run(code)
    return info.value


@pytest.mark.parametrize("name", ["'x=1'", "'for'", "'a b'", "S('x')", "1"])
def test_dataclass_field_names_must_be_exact_identifiers(name):
    code = f"""
import dataclasses
class S(str):
    def isidentifier(self):
        return True
class A:
    __annotations__ = {{{name}: int}}
dataclasses.dataclass(A)
"""
    e = error_of(code)
    assert e.exc_type == "TypeError" and "dataclass field names must" in str(e)


def test_dataclass_refuses_base_fields_it_did_not_make():
    e = error_of("""
import dataclasses
class B:
    __dataclass_fields__ = {'x': 1}
    __dataclass_params__ = 2
@dataclasses.dataclass
class C(B):
    y: int = 0
""")
    assert e.exc_type == "TypeError" and "did not make" in str(e)


def test_dataclass_refuses_host_classes_and_non_bool_options():
    assert error_of("import dataclasses\ndataclasses.dataclass(dataclasses.Field)").exc_type \
        == "TypeError"
    assert error_of("""
import dataclasses
class T:
    def __bool__(self):
        return True
@dataclasses.dataclass(order=T())
class C:
    a: int
""").exc_type == "TypeError"


def test_dataclass_generated_code_gets_no_host_globals():
    import dataclasses
    created = []
    orig = dataclasses._create_fn

    def spy(name, args, body, **kw):
        created.append(kw.get("globals"))
        return orig(name, args, body, **kw)
    dataclasses._create_fn = spy
    try:
        run("""
import dataclasses
@dataclasses.dataclass(order=True, frozen=True)
class P:
    x: int
    y: 'int' = 2
repr(P(1))
""")
    finally:
        dataclasses._create_fn = orig
    import sys
    assert created and all(g is sys.modules["monty.modules._dataclass_globals"].__dict__
                           for g in created)
    assert all("__builtins__" not in g or set(g) <= {"__builtins__", "__name__", "__doc__",
                                                      "__package__", "__loader__", "__spec__"}
               for g in created)


def test_dataclass_docstring_never_reads_text_signatures():
    doc = run("""
import dataclasses
class B:
    "B(a=sys.executable)\\n--\\n\\n"
class C(B):
    pass
dataclasses.dataclass(init=False)(C).__doc__
""")
    assert doc == "C"


def test_dataclass_annotations_left_as_plain_dict():
    assert run("""
import dataclasses
@dataclasses.dataclass
class P:
    x: int
    y: str = 'a'
P.__annotations__['z'] = float
(sorted(P.__annotations__), P.__module__, P.__doc__)
""") == (["x", "y", "z"], "__main__", "P(x: int, y: str = 'a')")


def test_asdict_does_not_use_the_pickle_protocol():
    e = error_of("""
import dataclasses
class Evil:
    def __reduce_ex__(self, proto):
        return (dataclasses.Field, (1, 2, 3, 4, 5, 6, 7, 8), {'name': 'x=1'})
@dataclasses.dataclass
class P:
    a: object
dataclasses.asdict(P(Evil()))
""")
    assert "ESCAPED" not in str(e)


def test_enum_shared_classes_are_read_only():
    from monty.modules import enum as menum
    for cls in (menum.Enum, menum.IntEnum, menum.StrEnum):
        with pytest.raises(TypeError):
            menum.EnumType.__setattr__(cls, "x", 1)
        with pytest.raises(TypeError):
            menum.EnumType.__delattr__(cls, "name")
        assert menum.EnumType.__dict__["__iter__"](cls) is not None
        assert cls.__dict__["_member_names_"] == ()
        with pytest.raises(TypeError):
            cls.__dict__["_member_map_"]["x"] = 1
    assert run("""
import enum
try:
    class M(enum.EnumType):
        pass
except TypeError as e:
    r = 'refused'
r
""") == "refused"


def test_enum_hooks_run_under_the_limits():
    e = error_of("""
import enum
class E(enum.Enum):
    @classmethod
    def _missing_(cls, value):
        while True:
            pass
    A = 1
E(2)
""")
    assert isinstance(e, monty.MontyLimitError)


def test_two_tenants_do_not_share_enum_or_dataclass_state():
    a = monty.Sandbox(limits=monty.Limits(max_duration=2.0))
    b = monty.Sandbox(limits=monty.Limits(max_duration=2.0))
    attempts = """
import enum, dataclasses
out = []
for f in (lambda: setattr(enum.Enum, '_generate_next_value_', lambda *a: 'A'),
          lambda: setattr(enum.IntEnum, '__str__', lambda self: 'A'),
          lambda: setattr(enum.auto, 'value', 'A'),
          lambda: setattr(dataclasses.Field, '__repr__', lambda self: 'A'),
          lambda: setattr(dataclasses, 'MISSING', 'A')):
    try:
        f()
        out.append('set')
    except Exception:
        out.append('refused')
out
"""
    assert set(a.run(attempts)) == {"refused"}
    check = """
import enum, dataclasses
class N(enum.IntEnum):
    X = enum.auto()
class C(enum.Enum):
    Y = enum.auto()
@dataclasses.dataclass
class D:
    q: int = 1
(N.X.value, str(N.X), C.Y.value, repr(D()), repr(dataclasses.field()) [:6])
"""
    expected = (1, "1", 1, "D(q=1)", "Field(")
    assert b.run(check) == expected
    assert a.run(check) == expected


@pytest.mark.parametrize("code, exc", [
    ("import json\nclass S(str):\n    def __len__(self):\n        return 1\n"
     "json.dumps([1], indent=S('x' * 1000))", "ValueError"),
    ("import json\nclass I(int):\n    def __gt__(self, o):\n        return False\n"
     "json.dumps([1], indent=I(10 ** 6))", "ValueError"),
    ("import json\njson.dumps([1, 2], separators=('x' * 100, ':'))", "ValueError"),
])
def test_json_sizes_are_checked_on_exact_values(code, exc):
    assert error_of(code).exc_type == exc


def test_json_legit_options_unchanged():
    import json
    data = {"a": [1, 2, {"b": None}], "c": "é"}
    code = f"""
import json
class O:
    pass
(json.dumps({data!r}, indent=2, sort_keys=True), json.dumps({data!r}, separators=(',', ':')),
 json.dumps({data!r}, indent='\\t'), json.dumps([O()], default=lambda o: {{'o': 1}}))
"""
    assert run(code) == (json.dumps(data, indent=2, sort_keys=True),
                         json.dumps(data, separators=(",", ":")),
                         json.dumps(data, indent="\t"), '[{"o": 1}]')


@pytest.mark.parametrize("code, exc", [
    # a str subclass's own `in` said the pattern has no counted repeat
    ("import re\nclass S(str):\n    def __contains__(self, x):\n        return False\n"
     "re.compile(S('(?:(?:a{1000}){1000}){1000}'))", "MontyMemoryLimitError"),
    # one lowering of the exact name: never a constructor outside the table
    ("import hashlib\nclass S(str):\n    n = [0]\n    def lower(self):\n        self.n[0] += 1\n"
     "        return 'sha256' if self.n[0] == 1 else 'pbkdf2_hmac'\n"
     "hashlib.new(S('x'), 'sha256', password=b'p', salt=b's', iterations=10 ** 9)", "ValueError"),
    ("import unicodedata\nclass S(str):\n    pass\n"
     "unicodedata.normalize('NFKD', S('\\ufdfa' * 5_000_000))", "MontyMemoryLimitError"),
    ("import textwrap\nclass I(int):\n    def __gt__(self, o):\n        return False\n"
     "textwrap.fill('a\\tb\\t' * 10, tabsize=I(3 * 10 ** 7), width=10 ** 9)",
     "MontyMemoryLimitError"),
])
def test_host_module_checks_read_exact_values(code, exc):
    sb = monty.Sandbox(limits=monty.Limits(max_duration=2.0, max_memory=64 << 20))
    with pytest.raises(monty.MontyError) as info:
        sb.run(code)
    e = info.value
    assert type(e).__name__ == exc or getattr(e, "exc_type", None) == exc, (type(e), e)


def test_re_flags_subclass_cannot_turn_debug_on(capfd):
    run("""
import re
class F(int):
    def __and__(self, other):
        return 128
    __rand__ = __and__
re.compile('a|b', F(0)).pattern
""")
    out, _ = capfd.readouterr()
    assert "LITERAL" not in out and "INFO" not in out


def test_legit_subclass_arguments_still_work():
    assert run("""
import re, hashlib, unicodedata, textwrap, base64
class S(str):
    pass
class B(bytes):
    pass
(re.sub(S('a+'), S('-'), 'baaac'), hashlib.new(S('SHA256'), b'x').hexdigest()[:8],
 unicodedata.normalize(S('NFC'), S('e\\u0301')), textwrap.fill(S('aa bb cc'), width=5),
 base64.b64encode(B(b'hi')))
""") == ("b-c", "2d711642", "\u00e9", "aa bb\ncc", b"aGk=")


def test_two_tenants_cannot_change_any_module_object_for_each_other():
    """Tenant A tries to set, replace and delete attributes of every object every module
    exports (and to rebind the module's names); tenant B then sees none of it."""
    from monty import modules as registry
    names = [m for m in registry.available() if m != "asyncio"]
    a = monty.Sandbox(limits=monty.Limits(max_duration=20.0))
    b = monty.Sandbox(limits=monty.Limits(max_duration=20.0))
    # (import statements only: build one source with every module imported by name)
    imports = "\n".join(f"import {m} as _m{i}" for i, m in enumerate(names))
    mods = "[" + ", ".join(f"_m{i}" for i in range(len(names))) + "]"
    a.run(imports + f"""
for M in {mods}:
    for n in dir(M):
        obj = getattr(M, n)
        for attr in ('zz_probe', '__doc__', '__name__', 'value', 'name', 'register', 'get'):
            try:
                setattr(obj, attr, 'PWN')
            except BaseException:
                pass
            try:
                delattr(obj, 'zz_probe')
            except BaseException:
                pass
            try:
                setattr(obj, 'zz_probe', 'PWN')
            except BaseException:
                pass
        try:
            setattr(M, n, 'PWN')
        except BaseException:
            pass
""")
    seen = b.run(imports + f"""
out = []
for M in {mods}:
    for n in dir(M):
        obj = getattr(M, n)
        if obj == 'PWN':
            out.append(n)
            continue
        for attr in ('zz_probe', '__doc__', '__name__', 'value', 'name', 'register', 'get'):
            try:
                if getattr(obj, attr) == 'PWN':
                    out.append(n + '.' + attr)
            except BaseException:
                pass
out
""")
    assert seen == []


FAKE_FIELD = """
import dataclasses
class Fake:
    @property
    def __class__(self):
        return dataclasses.Field
    @property
    def name(self):
        return "x,)==(0,)or __import__('os').getcwd()#"
    @name.setter
    def name(self, v):
        pass
    default = dataclasses.MISSING
    default_factory = dataclasses.MISSING
    init = True
    repr = True
    hash = None
    compare = True
    metadata = {}
    kw_only = False
"""


@pytest.mark.parametrize("setup", [
    # the default itself
    "class A:\n    x: int = Fake()\n",
    # inherited from a plain base
    "class B:\n    x = Fake()\nclass A(B):\n    x: int\n",
    # a descriptor that answers the first read honestly and the next ones with a fake
    "class D:\n    n = [0]\n    def __get__(self, obj, cls):\n        self.n[0] += 1\n"
    "        return 5 if self.n[0] == 1 else Fake()\n"
    "class A:\n    x: int = D()\n",
])
def test_dataclass_fake_field_defaults_are_plain_defaults(setup):
    out = run(FAKE_FIELD + setup + """
A = dataclasses.dataclass(init=False, repr=False)(A)
a = A()
r = a == a
(str(r), [f.name for f in dataclasses.fields(A)])
""")
    # (no text of the fake's reached the generated __eq__: it compares the field's values)
    assert out[0] in ("True", "False") and out[1] == ["x"]


def test_dataclass_defaults_keep_cpython_class_attributes():
    assert run("""
import dataclasses
class D:
    def __get__(self, obj, cls):
        return 7
class B:
    y = 3
@dataclasses.dataclass
class A(B):
    x: int = D()
    y: int
    z: list = dataclasses.field(default_factory=list)
(A().x, A(1, 2).y, type(A.__dict__['x']).__name__, 'y' in A.__dict__, 'z' in A.__dict__, repr(A(0, 0)))
""") == (7, 2, "D", False, False, "A(x=0, y=0, z=[])")


def test_objects_only_claiming_a_builtin_class_are_refused():
    """A `__class__` property makes isinstance() say yes; the exact-value conversions then
    fail instead of letting the object answer the checks."""
    assert run("""
from fractions import Fraction
from collections import deque
import json, re, hashlib, unicodedata, textwrap
class Spoof:
    @property
    def __class__(self):
        return bool
    def __index__(self):
        return 10 ** 8
    def __int__(self):
        return 0
    def __gt__(self, o):
        return False
    numerator = 10 ** 9
    denominator = 1
class SpoofStr:
    @property
    def __class__(self):
        return str
out = []
for f in (lambda: Fraction(3) ** Spoof(), lambda: deque(range(10)) * Spoof(),
          lambda: json.dumps([1], indent=SpoofStr()), lambda: re.compile(SpoofStr()),
          lambda: hashlib.new(SpoofStr()), lambda: unicodedata.normalize('NFC', SpoofStr()),
          lambda: textwrap.fill(SpoofStr())):
    try:
        f()
        out.append('ran')
    except TypeError:
        out.append('TypeError')
    except Exception as e:
        out.append(type(e).__name__)
out
""") == ["TypeError"] * 7
