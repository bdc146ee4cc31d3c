"""Unit tests of monty/policy.py alone (no compiled extension needed).

The module is loaded from its file under a private name, so these tests see its default hooks
whatever the rest of the package does with the shared copy.
"""

import importlib.util
import pathlib
import sys
import time
import tracemalloc

import pytest

_PATH = pathlib.Path(__file__).resolve().parent.parent / "monty" / "policy.py"


def _load():
    spec = importlib.util.spec_from_file_location("_monty_policy_under_test", _PATH)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


P = _load()
get = P.get_attribute


class Refused(Exception):
    """Raised by the test precheck hook."""


@pytest.fixture
def hooks():
    """Restore every hook after the test."""
    names = ("precheck", "precheck_steps", "type_of", "format_value", "convert_str",
             "convert_repr", "convert_ascii", "format_getattr", "format_getitem")
    saved = {n: getattr(P, n) for n in names}
    yield P
    for n, v in saved.items():
        setattr(P, n, v)


@pytest.fixture
def limit(hooks):
    """limit(n): make precheck refuse anything over n bytes (raises Refused); returns the list
    of sizes precheck was called with."""
    seen = []

    def set_limit(n):
        def precheck(nbytes):
            seen.append(nbytes)
            if nbytes > n:
                raise Refused(nbytes)
        P.precheck = precheck
        return seen

    return set_limit


def outcome(f, *args, **kwargs):
    try:
        return ("ok", f(*args, **kwargs))
    except Exception as e:   # noqa: BLE001 - comparing exceptions is the point
        return ("err", type(e), str(e))


def same(real, safe, *args, **kwargs):
    a = outcome(real, *args, **kwargs)
    b = outcome(safe, *args, **kwargs)
    assert a == b, (args, kwargs, a, b)
    return a


# ---------------------------------------------------------------------------------------------
# The tables

# Public names deliberately left out of METHODS (data attributes are in DATA_ATTRS).
NOT_METHODS = {
    "_dict_keys": {"mapping"}, "_dict_values": {"mapping"}, "_dict_items": {"mapping"},
}


def _public_callables(tp):
    out = set()
    for name, v in vars(tp).items():
        if name.startswith("_"):
            continue
        if type(v).__name__ in ("getset_descriptor", "member_descriptor"):
            continue
        out.add(name)
    return out


@pytest.mark.parametrize("tp", list(P.METHODS), ids=lambda t: t.__name__)
def test_methods_table_covers_every_public_method(tp):
    table = P.METHODS[tp]
    public = _public_callables(tp)
    skip = NOT_METHODS.get("_" + tp.__name__, set())
    assert public - skip - set(table) == set(), "public methods missing from METHODS"
    assert set(table) - public == set(), "METHODS names that the type does not define"
    for name, entry in table.items():
        assert callable(entry)
        assert not name.startswith("_")


def test_data_attrs_exist_and_are_not_methods():
    for tp, names in P.DATA_ATTRS.items():
        for name in names:
            assert any(name in vars(k) for k in tp.__mro__), (tp, name)
            assert P.lookup_method(tp, name) is None


def test_required_names_present():
    s = set(P.METHODS[str])
    for n in ("capitalize casefold center count encode endswith expandtabs find format format_map "
              "index isalnum isalpha isascii isdecimal isdigit isidentifier islower isnumeric "
              "isprintable isspace istitle isupper join ljust lower lstrip maketrans partition "
              "removeprefix removesuffix replace rfind rindex rjust rpartition rsplit rstrip "
              "split splitlines startswith strip swapcase title translate upper zfill").split():
        assert n in s, n
    assert set("append clear copy count extend index insert pop remove reverse sort".split()) \
        == set(P.METHODS[list])
    assert set("clear copy fromkeys get items keys pop popitem setdefault update values".split()) \
        == set(P.METHODS[dict])
    for n in "bit_length bit_count conjugate to_bytes from_bytes as_integer_ratio".split():
        assert n in P.METHODS[int]
    if hasattr(int, "is_integer"):
        assert "is_integer" in P.METHODS[int]
    for n in "as_integer_ratio conjugate fromhex hex is_integer".split():
        assert n in P.METHODS[float]
    for n in "decode hex fromhex join ljust".split():
        assert n in P.METHODS[bytes]
    assert P.DATA_ATTRS[range] == {"start", "stop", "step"}
    assert P.DATA_ATTRS[slice] == {"start", "stop", "step"}
    assert P.DATA_ATTRS[int] == {"real", "imag", "numerator", "denominator"}
    assert P.DATA_ATTRS[float] == {"real", "imag"}
    assert "obj" not in P.DATA_ATTRS[AttributeError]
    assert "path" not in P.DATA_ATTRS[ImportError]
    assert (list, "sort") in P.VM_OVERRIDES
    assert P.METHODS[list]["sort"] is list.__dict__["sort"]


def test_fast_entries_are_the_descriptors():
    assert P.METHODS[list]["append"] is list.append
    assert P.METHODS[str]["strip"] is str.strip
    assert P.METHODS[dict]["get"] is dict.get


def test_lookup_method_walks_the_mro():
    assert P.lookup_method(bool, "bit_length") is int.bit_length
    assert P.lookup_method(bool, "to_bytes") is P.METHODS[int]["to_bytes"]
    assert P.lookup_method(KeyError, "with_traceback") is BaseException.with_traceback
    if sys.version_info >= (3, 11):
        assert P.lookup_method(FileNotFoundError, "add_note") is BaseException.add_note
    assert P.lookup_method(int, "nope") is None
    assert P.lookup_method(type(print), "upper") is None
    assert P.lookup_data(FileNotFoundError, "errno")
    assert P.lookup_data(KeyError, "args")
    assert P.lookup_data(UnicodeDecodeError, "reason")
    assert P.lookup_data(bool, "numerator")
    assert not P.lookup_data(ValueError, "errno")
    assert not P.lookup_data(AttributeError, "obj")


def test_exposed_types():
    for t in (int, bool, float, str, bytes, list, tuple, dict, set, frozenset, range, slice,
              type(None), ValueError, BaseException, KeyError, StopIteration, SystemExit):
        assert t in P.EXPOSED_TYPES
    assert type not in P.EXPOSED_TYPES
    assert object not in P.EXPOSED_TYPES
    assert type(print) not in P.EXPOSED_TYPES
    assert len(set(P.EXPOSED_TYPES)) == len(P.EXPOSED_TYPES)


# ---------------------------------------------------------------------------------------------
# Allowed methods give CPython's results

CALLS = [
    ("abc", "upper", (), {}), ("a,b,,c", "split", (",",), {}), ("a b  c", "split", (), {}),
    ("a b c", "split", (), {"maxsplit": 1}), ("a b c", "rsplit", (None, 1), {}),
    ("l1\nl2\r\nl3", "splitlines", (), {}), ("l1\nl2\r\n", "splitlines", (True,), {}),
    ("abc", "center", (9, "*"), {}), ("abc", "ljust", (2,), {}), ("abc", "rjust", (6,), {}),
    ("-42", "zfill", (6,), {}), ("a\tb", "expandtabs", (), {}), ("a\tb", "expandtabs", (4,), {}),
    ("-", "join", (["a", "b"],), {}), ("abcabc", "replace", ("b", "XX"), {}),
    ("abcabc", "replace", ("b", "XX", 1), {}), ("abc", "translate", ({97: "AA", 98: None},), {}),
    ("{} {x}", "format", (1,), {"x": 2}), ("{x}", "format_map", ({"x": 3},), {}),
    ("abc", "encode", (), {}), ("abc", "find", ("c",), {}), ("abc", "index", ("z",), {}),
    ("abc", "startswith", (("x", "a"),), {}), ("Hello World", "swapcase", (), {}),
    ("abc", "partition", ("b",), {}), ("abc", "removeprefix", ("a",), {}),
    ("abc", "maketrans", ("ab", "xy"), {}), ("abc", "count", ("",), {}),
    (b"abc", "upper", (), {}), (b"a,b", "split", (b",",), {}), (b"abc", "decode", (), {}),
    (b"abc", "hex", (":",), {}), (b"ab", "center", (6, b"-"), {}), (b"-", "join", ([b"a", b"b"],), {}),
    (b"abc", "replace", (b"b", b"XYZ"), {}), (b"abc", "fromhex", ("4142",), {}),
    (b"abc", "maketrans", (b"a", b"b"), {}), (bytearray(b"ab"), "ljust", (4,), {}),
    ([3, 1, 2], "index", (2,), {}), ([3, 1, 2], "count", (1,), {}), ([1], "copy", (), {}),
    ({"a": 1}, "get", ("a",), {}), ({"a": 1}, "get", ("b", 5), {}), ({"a": 1}, "fromkeys", ("xy",), {}),
    ({1, 2}, "union", ([3],), {}), ({1, 2}, "issubset", (range(5),), {}), (frozenset({1}), "union", ({2},), {}),
    ({1, 2}, "isdisjoint", ([3],), {}), ((1, 2, 1), "count", (1,), {}),
    (255, "bit_length", (), {}), (255, "to_bytes", (2, "big"), {}), (255, "to_bytes", (), {}),
    (7, "from_bytes", (b"\x01\x00", "little"), {}), (True, "bit_count", (), {}),
    (1.5, "as_integer_ratio", (), {}), (1.5, "hex", (), {}), (1.5, "fromhex", ("0x1p3",), {}),
    (2.0, "is_integer", (), {}), (1j, "conjugate", (), {}),
    (range(0, 10, 2), "index", (4,), {}), (range(0, 10, 2), "count", (4,), {}),
    (range(0, 10, 2), "index", (5,), {}), (slice(1, 10, 2), "indices", (5,), {}),
    ({}.keys(), "isdisjoint", ([1],), {}), ({1: 2}.items(), "isdisjoint", ([(1, 2)],), {}),
]


@pytest.mark.parametrize("obj,name,args,kwargs", CALLS, ids=lambda v: repr(v)[:30])
def test_allowed_methods_match_cpython(obj, name, args, kwargs):
    real = outcome(lambda: getattr(obj, name)(*args, **kwargs))
    mine = outcome(lambda: get(obj, name)(*args, **kwargs))
    assert real == mine
    # the same through the table entry, called the way the VM calls it
    entry = P.lookup_method(type(obj), name)
    assert outcome(lambda: entry(obj, *args, **kwargs)) == real


def test_mutating_methods():
    a, b = [1], [1]
    get(a, "extend")(range(3))
    b.extend(range(3))
    assert a == b
    s, t = {1}, {1}
    get(s, "update")([2], range(3, 5))
    t.update([2], range(3, 5))
    assert s == t
    ba = bytearray(b"x")
    get(ba, "extend")(range(65, 68))
    assert ba == bytearray(b"xABC")
    d = {}
    get(d, "update")(a=1)
    assert d == {"a": 1}


def test_type_level_access():
    assert get(list, "append") is list.append
    assert get(str, "ljust") is P.METHODS[str]["ljust"]
    assert get(str, "ljust")("ab", 4) == "ab  "
    assert get(dict, "fromkeys")("ab") == {"a": None, "b": None}
    assert repr(get(dict, "fromkeys")).startswith("<built-in method fromkeys of type object at 0x")
    assert get(bool, "from_bytes")(b"\x01", "big") is True
    assert get(int, "from_bytes")(b"\x01\x00", "big") == 256
    assert get(float, "fromhex")("0x1p1") == 2.0
    assert get(str, "maketrans")("a", "b") == {97: 98}
    assert get("x", "maketrans") is str.maketrans
    assert get(ValueError, "with_traceback") is BaseException.with_traceback
    assert get(ValueError, "__name__") == "ValueError"
    assert get(int, "__qualname__") == "int"
    assert get(int, "__doc__") == int.__doc__
    assert get(int, "__class__") is P.type_of(int)
    assert repr(get(int, "__class__")) == "<class 'type'>"


def test_bound_methods():
    m = get("abc", "upper")
    assert m() == "ABC"
    w = get("ab", "ljust")
    assert type(w) is P.BoundWrapper
    assert w(4, ".") == "ab.."
    assert repr(w).startswith("<built-in method ljust of str object at 0x")
    assert w == get("ab", "ljust")
    assert hash(w) == hash(get("ab", "ljust"))
    assert w != get("ab", "rjust")
    with pytest.raises(AttributeError):
        w.__self__ = "x"
    assert get(w, "__name__") == "ljust"
    assert get(w, "__qualname__") == "str.ljust"
    assert get(m, "__name__") == "upper"
    assert get(5, "from_bytes")(b"\x02", "big") == 2


def test_data_attributes():
    assert get(range(1, 9, 2), "stop") == 9
    assert get(slice(1, None), "step") is None
    assert get(3, "denominator") == 1
    assert get(True, "real") == 1
    assert get(2.5, "imag") == 0.0
    e = OSError(2, "No such file", "f.txt")
    assert (get(e, "errno"), get(e, "strerror"), get(e, "filename")) == (2, "No such file", "f.txt")
    assert get(FileNotFoundError(2, "x"), "errno") == 2
    assert get(KeyError("k"), "args") == ("k",)
    assert get(StopIteration(5), "value") == 5
    assert get(SystemExit(3), "code") == 3
    assert get(NameError("n", name="x"), "name") == "x"
    assert get(AttributeError("a", name="y"), "name") == "y"
    u = UnicodeDecodeError("utf-8", b"\xff", 0, 1, "bad")
    assert (get(u, "encoding"), get(u, "object"), get(u, "start"), get(u, "end"),
            get(u, "reason")) == ("utf-8", b"\xff", 0, 1, "bad")
    s = SyntaxError("m", ("f.py", 3, 4, "x y", 3, 5))
    assert (get(s, "msg"), get(s, "lineno"), get(s, "offset"), get(s, "text"),
            get(s, "filename")) == ("m", 3, 4, "x y", "f.py")
    assert get(ImportError("m", name="mod"), "name") == "mod"
    if sys.version_info >= (3, 11):
        assert ExceptionGroup in P.EXPOSED_TYPES
        assert get(ExceptionGroup("g", [ValueError(1)]), "message") == "g"
    with pytest.raises(AttributeError) as ei:
        get(OSError(), "characters_written")
    assert "characters_written" in str(ei.value)


def test_class_objects_hide_descriptors():
    for cls, name in ((int, "real"), (range, "start"), (BaseException, "args"),
                      (OSError, "errno")):
        with pytest.raises(AttributeError, match="not accessible"):
            get(cls, name)


# ---------------------------------------------------------------------------------------------
# The gate refuses everything else

def _victim_function():
    return 1


def _generator():
    yield 1


REFUSED = [
    ((), "__class__.__base__"), (1, "__subclasses__"), (int, "__subclasses__"), (int, "__base__"),
    (int, "__bases__"), (int, "__mro__"), (int, "mro"), (int, "__dict__"), (1, "__dict__"),
    (1, "__init__"), (1, "__reduce_ex__"), (1, "__getattribute__"), (1, "__setattr__"),
    ("s", "__mod__"), ({}, "__class_getitem__"), (ValueError(), "__traceback__"),
    (ValueError(), "__context__"), (ValueError(), "__cause__"), (ValueError(), "__dict__"),
    (ValueError(), "__reduce__"), (ValueError(), "__setstate__"),
    (AttributeError("x", obj=object()), "obj"), (ImportError("x", path="/etc"), "path"),
    ({}.keys(), "mapping"), (_victim_function, "__globals__"), (_victim_function, "__code__"),
    (_victim_function, "__closure__"), (_victim_function, "__builtins__"),
    (_victim_function, "__name__"), (_generator(), "gi_frame"), (_generator(), "gi_code"),
    (_generator(), "send"), (print, "__self__"), (print, "__module__"), ("".upper, "__self__"),
    (P.METHODS[str]["ljust"], "__globals__"), (P.METHODS[str]["ljust"], "__code__"),
    (P.BoundWrapper(P.METHODS[str]["ljust"], "x"), "__func__"),
    (P.BoundWrapper(P.METHODS[str]["ljust"], "x"), "__self__"),
    (P.type_of(print), "__subclasses__"), (P.type_of(print), "__mro__"), (sys, "modules"),
    (1, "f_back"), (1, "tb_frame"), (object(), "__class__.__subclasses__"),
    ("x", "__doc__.__class__.__base__"), (list.append, "__objclass__"),
    (dict.fromkeys, "__self__"), (range(3), "__iter__"), (1, "__globals__"),
]


def _walk(obj, path):
    for part in path.split("."):
        obj = get(obj, part)
    return obj


@pytest.mark.parametrize("obj,path", REFUSED, ids=lambda v: repr(v)[:30])
def test_gate_refuses(obj, path):
    with pytest.raises(AttributeError) as ei:
        _walk(obj, path)
    msg = str(ei.value)
    assert "not accessible in the sandbox" in msg or "has no attribute" in msg
    head, _, last = path.rpartition(".")
    holder = _walk(obj, head) if head else obj
    assert not P.has_attribute(holder, last)


def test_gate_messages_match_cpython_for_missing_names():
    for obj, name in ((1, "foo"), ("s", "nope"), ([], "__foo__"), (ValueError(), "bar"),
                      (1.5, "numerator")):
        with pytest.raises(AttributeError) as real:
            getattr(obj, name)
        with pytest.raises(AttributeError) as mine:
            get(obj, name)
        assert str(real.value) == str(mine.value)
        assert mine.value.name == name
    for cls, name in ((int, "foo"), (ValueError, "bar")):
        with pytest.raises(AttributeError) as real:
            getattr(cls, name)
        with pytest.raises(AttributeError) as mine:
            get(cls, name)
        assert str(real.value) == str(mine.value)
    with pytest.raises(AttributeError, match="^'int' object attribute '__init__' is not accessible"):
        get(1, "__init__")
    with pytest.raises(AttributeError,
                       match="^type object 'int' attribute '__subclasses__' is not accessible"):
        get(int, "__subclasses__")


def test_attribute_name_must_be_str():
    for bad in (5, None, b"x"):
        assert outcome(get, 1, bad) == outcome(getattr, 1, bad)
        assert outcome(P.has_attribute, 1, bad) == outcome(hasattr, 1, bad)


def test_gate_never_reads_disallowed_names():
    seen = []

    class Spy(ValueError):
        def __getattribute__(self, name):
            seen.append(name)
            return super().__getattribute__(name)

    spy = Spy(1)
    for name in ("__traceback__", "__dict__", "__class__", "__init__", "__globals__", "foo",
                 "__subclasses__", "errno", "with_traceback", "__doc__"):
        P.has_attribute(spy, name)
    assert seen == []
    assert get(spy, "args") == (1,)    # read through BaseException's own descriptor
    assert seen == []


def test_data_attributes_ignore_subclass_overrides():
    class Sneaky(OSError):
        @property
        def errno(self):
            raise AssertionError("subclass code must not run")

    e = Sneaky(5, "x")
    assert get(e, "errno") == 5
    assert get(e, "args") == (5, "x")


def test_dunders_allowed():
    assert get(1, "__class__") is int
    assert get(ValueError("x"), "__class__") is ValueError
    assert get(True, "__class__") is bool
    assert get("x", "__doc__") == str.__doc__
    assert get(KeyError(), "__doc__") == KeyError.__doc__
    assert get(list.append, "__name__") == "append"
    assert get(print, "__name__") == "print"
    with pytest.raises(AttributeError, match="^'int' object has no attribute '__name__'"):
        get(1, "__name__")


def test_unknown_types_have_no_attributes():
    g = _generator()
    for name in ("send", "close", "gi_frame", "upper", "__next__"):
        assert not P.has_attribute(g, name)
    assert P.has_attribute(g, "__class__")
    assert repr(get(g, "__class__")) == "<class 'generator'>"


def test_type_of_and_opaque_types():
    for v in (1, True, 1.5, "s", b"b", [], (), {}, set(), frozenset(), range(1), slice(1),
              None, ValueError(), {}.keys(), KeyError()):
        assert P.type_of(v) is type(v)
    t = P.type_of(print)
    assert type(t) is P.OpaqueType
    assert repr(t) == "<class 'builtin_function_or_method'>"
    assert P.type_of(len) is t
    assert get(t, "__name__") == "builtin_function_or_method"
    assert get(t, "__qualname__") == "builtin_function_or_method"
    assert get(t, "__doc__") is None
    assert repr(get(t, "__class__")) == "<class 'type'>"
    assert P.type_of(int) is P.type_of(str)
    assert P.type_of(P.type_of(int)) is P.type_of(int)
    with pytest.raises(TypeError, match="cannot create 'builtin_function_or_method' instances"):
        t()
    with pytest.raises(AttributeError):
        t.__name__ = "x"
    with pytest.raises(AttributeError, match="has no attribute 'foo'"):
        get(t, "foo")
    assert repr(P.type_of(get("a", "ljust"))) == "<class 'builtin_function_or_method'>"
    assert repr(P.type_of(get(str, "ljust"))) == "<class 'method_descriptor'>"
    assert repr(P.type_of(_generator())) == "<class 'generator'>"


def test_type_of_hook_is_used(hooks):
    P.type_of = lambda obj: "HOOKED"
    assert get(1, "__class__") == "HOOKED"
    assert P.safe_format("{0.__class__}", (1,)) == "HOOKED"


# ---------------------------------------------------------------------------------------------
# Wrappers behave exactly like the real methods

PAD_CASES = [
    ("abc", (10,)), ("abc", (2,)), ("abc", (10, "*")), ("abc", (10, "é")), ("abc", (10, "\U0001f600")),
    ("é", (5, "x")), ("abc", (-3,)), ("abc", (True,)), ("abc", ()), ("abc", (1, 2, 3)),
    ("abc", (10, "xy")), ("abc", (10, 5)), ("abc", ("10",)), ("abc", (1.5,)), ("abc", (10 ** 30,)),
    ("", (3,)), ("abc", (None,)),
]


@pytest.mark.parametrize("name", ["center", "ljust", "rjust"])
@pytest.mark.parametrize("s,args", PAD_CASES, ids=repr)
def test_pad_wrappers(name, s, args):
    same(getattr(str, name), P.METHODS[str][name], s, *args)
    b = s.encode("utf-8")
    bargs = tuple(a.encode() if type(a) is str else a for a in args)
    same(getattr(bytes, name), P.METHODS[bytes][name], b, *bargs)
    same(getattr(bytearray, name), P.METHODS[bytearray][name], bytearray(b), *bargs)


def test_pad_keywords_and_receivers():
    same(str.ljust, P.METHODS[str]["ljust"], "a", 3, fillchar="x")
    same(str.ljust, P.METHODS[str]["ljust"], 5, 3)
    same(str.ljust, P.METHODS[str]["ljust"], b"a", 3)
    same(bytes.ljust, P.METHODS[bytes]["ljust"], b"a", 3, "x")


@pytest.mark.parametrize("s,args", [("-42", (6,)), ("42", (1,)), ("+4", (5,)), ("4", ()),
                                    ("4", (2, 3)), ("4", ("x",)), ("", (3,)), ("4", (-1,))],
                         ids=repr)
def test_zfill(s, args):
    same(str.zfill, P.METHODS[str]["zfill"], s, *args)
    same(bytes.zfill, P.METHODS[bytes]["zfill"], s.encode(), *args)


@pytest.mark.parametrize("s,args,kwargs", [
    ("a\tb\tc", (), {}), ("a\tb", (4,), {}), ("a\tb", (0,), {}), ("a\tb", (-3,), {}),
    ("a\tb", (), {"tabsize": 3}), ("a\tb", ("x",), {}), ("a\tb", (1.5,), {}), ("a\tb", (2, 3), {}),
    ("a\tb", (), {"size": 3}), ("ab", (10 ** 6,), {}), ("a\tb", (10 ** 30,), {}),
    ("a\tb", (2 ** 31,), {}), ("\t\n\t", (3,), {}),
], ids=repr)
def test_expandtabs(s, args, kwargs):
    same(str.expandtabs, P.METHODS[str]["expandtabs"], s, *args, **kwargs)
    same(bytes.expandtabs, P.METHODS[bytes]["expandtabs"], s.encode(), *args, **kwargs)


JOIN_CASES = [
    lambda: ["a", "b"], lambda: ("a", "b", "c"), lambda: [], lambda: ["a"], lambda: "abc",
    lambda: {"x": 1, "y": 2}, lambda: iter(["a", "b"]), lambda: (x for x in "ab"),
    lambda: [1, 2], lambda: ["a", 2], lambda: [b"a"], lambda: 5, lambda: None,
    lambda: range(0), lambda: range(3), lambda: {"a"}, lambda: ["é", "\U0001f600", "a"],
    lambda: {"k": "v"}.values(),
]


@pytest.mark.parametrize("make", JOIN_CASES)
def test_str_join(make):
    # one-shot iterables: each side gets a fresh one
    assert outcome(P.METHODS[str]["join"], "-", make()) == outcome(str.join, "-", make())


def test_join_shapes_and_bytes():
    j = P.METHODS[str]["join"]
    same(str.join, j, "-")
    same(str.join, j, "-", ["a"], ["b"])
    same(str.join, j, "-", iterable=["a"])
    same(str.join, j, 5, ["a"])
    bj = P.METHODS[bytes]["join"]
    for arg in ([b"a", bytearray(b"b")], [b"a", "b"], [b"a", 1], [], range(3), [memoryview(b"m")],
                (b"x" for _ in range(2))):
        if hasattr(arg, "__next__"):
            assert outcome(bj, b"-", (b"x" for _ in range(2))) == (
                "ok", bytes.join(b"-", [b"x", b"x"]))
            continue
        same(bytes.join, bj, b"-", arg)
    same(bytearray.join, P.METHODS[bytearray]["join"], bytearray(b","), [b"a", b"b"])


@pytest.mark.parametrize("s,args", [
    ("abcabc", ("b", "XX")), ("abcabc", ("b", "XX", 1)), ("abcabc", ("b", "XX", 0)),
    ("abcabc", ("b", "XX", -5)), ("abc", ("", "-")), ("abc", ("", "-", 2)), ("", ("", "x")),
    ("abc", ("bc", "")), ("aaa", ("a", "é")), ("aaa", ("a", "\U0001f600")), ("abc", ("z", "yy")),
    ("abc", (1, "x")), ("abc", ("a", None)), ("abc", ("a",)), ("abc", ("a", "b", "c")),
    ("abc", ("a", "b", 1.5)), ("abc", ("a", "b", 10 ** 30)), ("abc", ()),
], ids=repr)
def test_replace(s, args):
    same(str.replace, P.METHODS[str]["replace"], s, *args)
    bargs = tuple(a.encode() if type(a) is str else a for a in args)
    same(bytes.replace, P.METHODS[bytes]["replace"], s.encode(), *bargs)
    same(bytearray.replace, P.METHODS[bytearray]["replace"], bytearray(s.encode()), *bargs)


def test_replace_keywords():
    for tp in (str, bytes):
        a, b = ("a", "b") if tp is str else (b"a", b"b")
        s = "aba" if tp is str else b"aba"
        same(tp.replace, P.METHODS[tp]["replace"], s, a, b, count=1)
        same(tp.replace, P.METHODS[tp]["replace"], s, a, b, 1, count=1)
        same(tp.replace, P.METHODS[tp]["replace"], s, a, b, cnt=1)
        same(tp.replace, P.METHODS[tp]["replace"], s, old=a, new=b)


def test_replace_keyword_count_is_checked():
    # count= is a keyword from 3.13 on: either way nothing oversize is built
    big = P.METHODS[str]["replace"]
    with pytest.raises((MemoryError, TypeError)):
        big("ab" * 5000, "a", "a" * 10 ** 6, count=-1)


@pytest.mark.parametrize("name", ["split", "rsplit"])
@pytest.mark.parametrize("s,args,kwargs", [
    ("a b  c ", (), {}), ("a,b,,c", (",",), {}), ("a,b,,c", (",", 1), {}),
    ("a,b,,c", (), {"sep": ",", "maxsplit": 2}), ("a b c", (None, 0), {}), ("", (), {}),
    ("", (",",), {}), ("a\u2003b\x1cc\x85d\u3000e", (), {}), ("abc", ("",), {}),
    ("abc", (1,), {}), ("abc", (",", "x"), {}), ("abc", (",", 1.5), {}), ("a b", (), {"bad": 1}),
    ("a b", (None, 1, 2), {}), ("a b", (None,), {"sep": " "}), ("a b c", (), {"maxsplit": -7}),
], ids=repr)
def test_split(name, s, args, kwargs):
    same(getattr(str, name), P.METHODS[str][name], s, *args, **kwargs)
    bargs = tuple(a.encode() if type(a) is str else a for a in args)
    bkw = {k: (v.encode() if type(v) is str else v) for k, v in kwargs.items()}
    try:
        b = s.encode("latin-1")
    except UnicodeEncodeError:
        return
    same(getattr(bytes, name), P.METHODS[bytes][name], b, *bargs, **bkw)


@pytest.mark.parametrize("s,args,kwargs", [
    ("a\nb\r\nc\rd\x0be\x0cf\x1cg\x1dh\x1ei\x85j\u2028k\u2029l", (), {}),
    ("a\nb\n", (True,), {}), ("a\nb\n", (), {"keepends": True}), ("", (), {}),
    ("a\nb", ("x",), {}), ("a\nb", (1, 2), {}), ("a", (), {"ends": 1}),
], ids=repr)
def test_splitlines(s, args, kwargs):
    same(str.splitlines, P.METHODS[str]["splitlines"], s, *args, **kwargs)
    try:
        b = s.encode("latin-1")
    except UnicodeEncodeError:
        return
    same(bytes.splitlines, P.METHODS[bytes]["splitlines"], b, *args, **kwargs)


def test_whitespace_and_linebreak_tables_match_unicode_data():
    spaces = [chr(c) for c in range(sys.maxunicode + 1) if chr(c).isspace()]
    assert set(P._STR_SPACES) == set(spaces)
    breaks = [chr(c) for c in range(sys.maxunicode + 1)
              if len(("a" + chr(c) + "b").splitlines()) == 2]
    assert set(P._STR_LINEBREAKS) == set(breaks)
    assert set(P._BYTES_SPACES) == {bytes([c]) for c in range(256) if bytes([c]).isspace()}
    decimals = [chr(c) for c in range(sys.maxunicode + 1) if chr(c).isdecimal()]
    assert P._ANY_DECIMAL.findall("".join(decimals)) == decimals
    assert not P._ANY_DECIMAL.search("".join(chr(c) for c in range(sys.maxunicode + 1)
                                             if not chr(c).isdecimal()))


class Table:
    def __init__(self, d):
        self.d = d

    def __getitem__(self, k):
        return self.d[k]


@pytest.mark.parametrize("s,table", [
    ("abc", {97: "xx", 98: None}), ("abc", {97: 120}), ("abc", {}), ("abc", {97: 1.5}),
    ("abc", {97: 0x110000}), ("abc", {"a": "b"}), ("abc", "XYZ" * 40), ("abc", ["q"] * 99),
    ("abc", ["q"] * 99 + ["long"]), ("abc", 5), ("abc", None), ("é\U0001f600", {233: "ab"}),
    ("aaa", {97: "\U0001f600"}), ("", {97: "zz"}),
], ids=repr)
def test_translate(s, table):
    same(str.translate, P.METHODS[str]["translate"], s, table)
    same(str.translate, P.METHODS[str]["translate"], s, Table(table) if isinstance(table, dict)
         else table)


def test_translate_shapes():
    same(str.translate, P.METHODS[str]["translate"], "a")
    same(str.translate, P.METHODS[str]["translate"], "a", {}, {})
    same(str.translate, P.METHODS[str]["translate"], "a", table={})


@pytest.mark.parametrize("n,args,kwargs", [
    (255, (2, "big"), {}), (255, (2, "little"), {}), (255, (), {}), (255, (1,), {}),
    (256, (1, "big"), {}), (-1, (2, "big"), {"signed": True}), (-1, (2, "big"), {}),
    (5, (2, "mid"), {}), (5, (-1, "big"), {}), (5, ("2", "big"), {}), (5, (2.0, "big"), {}),
    (5, (), {"length": 3, "byteorder": "little"}), (5, (3,), {"length": 3}),
    (5, (3, "big", True), {}), (5, (10 ** 30, "big"), {}), (True, (2, "big"), {}),
    (2 ** 70, (20, "big"), {}),
], ids=repr)
def test_int_to_bytes(n, args, kwargs):
    same(int.to_bytes, P.METHODS[int]["to_bytes"], n, *args, **kwargs)


def test_int_from_bytes_and_classmethods():
    fb = P.METHODS[int]["from_bytes"]
    for args in ((b"\x01\x02", "big"), ([1, 2], "little"), (range(3), "big"), (range(300), "big"),
                 (b"\xff", "big"), ("ab", "big"), (b"\x01", "mid")):
        assert outcome(fb, 0, *args) == outcome(int.from_bytes, *args)
    assert outcome(fb, 0, b"\xff", "big", signed=True) == outcome(int.from_bytes, b"\xff", "big",
                                                                   signed=True)
    assert fb(True, b"\x01", "big") is True
    fk = P.METHODS[dict]["fromkeys"]
    assert fk({}, "ab", 0) == dict.fromkeys("ab", 0)
    assert outcome(fk, {}) == outcome(dict.fromkeys)
    assert outcome(P.METHODS[float]["fromhex"], 1.0, "zz") == outcome(float.fromhex, "zz")
    assert P.METHODS[bytes]["fromhex"](b"", "41 42") == b"AB"
    assert P.METHODS[str]["maketrans"]("ignored", {"a": "b"}) == str.maketrans({"a": "b"})


@pytest.mark.parametrize("r", [range(10), range(0, 10, 3), range(10, 0, -2), range(0), range(-5, 5)],
                         ids=repr)
@pytest.mark.parametrize("x", [0, 3, 9, -4, 4.0, 3.5, float("nan"), float("inf"), 6 + 0j, 6 + 1j,
                               True, False, "3", None, [3], (3,)], ids=repr)
def test_range_search(r, x):
    same(range.count, P.METHODS[range]["count"], r, x)
    same(range.index, P.METHODS[range]["index"], r, x)
    assert P.range_contains(r, x) == (x in r)


def test_range_search_shapes():
    same(range.count, P.METHODS[range]["count"], range(3))
    same(range.index, P.METHODS[range]["index"], range(3), 1, 2)
    same(range.index, P.METHODS[range]["index"], 5, 1)


def test_range_search_is_fast_on_huge_ranges():
    big = range(10 ** 18)
    t0 = time.perf_counter()
    assert P.METHODS[range]["count"](big, 1.5) == 0
    assert P.METHODS[range]["count"](big, 7.0) == 1
    assert P.METHODS[range]["count"](big, "x") == 0
    assert P.METHODS[range]["index"](big, 7.0) == 7
    with pytest.raises(ValueError, match=r"^sequence\.index\(x\): x not in sequence$"):
        P.METHODS[range]["index"](big, "x")
    assert not P.range_contains(big, 2.5)
    assert P.range_contains(big, 10.0 ** 17)
    assert not P.range_contains(big, None)
    with pytest.raises(MemoryError, match="walk"):
        P.range_contains(big, object())
    with pytest.raises(MemoryError, match="walk"):
        P.METHODS[range]["count"](big, object())
    assert time.perf_counter() - t0 < 1


def test_range_search_steps_hook(hooks):
    seen = []
    P.precheck_steps = seen.append
    o = object()
    assert P.METHODS[range]["count"](range(50), o) == 0
    assert seen == [50]


@pytest.mark.parametrize("name,arg", [
    ("union", [1, 5]), ("union", range(4)), ("intersection", [2, 9]), ("difference", {1}),
    ("symmetric_difference", [1, 7]), ("issubset", range(10)), ("issuperset", [1]),
    ("isdisjoint", (8, 9)), ("union", 5), ("union", None),
], ids=repr)
def test_set_wrappers(name, arg):
    for tp in (set, frozenset):
        same(getattr(tp, name), P.METHODS[tp][name], tp({1, 2, 3}), arg)
    same(getattr(set, name), P.METHODS[set][name], 5, arg)


def test_set_update_wrappers():
    for name in ("update", "difference_update", "intersection_update",
                 "symmetric_difference_update"):
        a, b = {1, 2, 3}, {1, 2, 3}
        ra = outcome(getattr(set, name), a, [2, 5], range(2))
        rb = outcome(P.METHODS[set][name], b, [2, 5], range(2))
        assert ra == rb and a == b
        assert outcome(getattr(set, name), a, x=1) == outcome(P.METHODS[set][name], b, x=1)
    same(list.extend, P.METHODS[list]["extend"], [], 5)
    same(list.extend, P.METHODS[list]["extend"], [], [1], [2])
    same(list.extend, P.METHODS[list]["extend"], (), [1])


# ---------------------------------------------------------------------------------------------
# Oversize requests are refused before anything is allocated

def refused(fn, exc=MemoryError, max_seconds=1.0, max_peak=20_000_000):
    tracemalloc.start()
    tracemalloc.reset_peak()
    t0 = time.perf_counter()
    try:
        with pytest.raises(exc):
            fn()
    finally:
        elapsed = time.perf_counter() - t0
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    assert elapsed < max_seconds, elapsed
    assert peak < max_peak, peak


BIG = 10 ** 12


@pytest.mark.parametrize("label,fn", [
    ("ljust", lambda: get("a", "ljust")(BIG)),
    ("rjust", lambda: get("a", "rjust")(BIG, "é")),
    ("center", lambda: get("a", "center")(BIG)),
    ("zfill", lambda: get("1", "zfill")(BIG)),
    ("bytes ljust", lambda: get(b"a", "ljust")(BIG)),
    ("bytearray zfill", lambda: get(bytearray(b"1"), "zfill")(BIG)),
    ("expandtabs", lambda: get("\t" * 1000, "expandtabs")(10 ** 9)),
    ("bytes expandtabs", lambda: get(b"\t" * 1000, "expandtabs")(10 ** 9)),
    ("replace", lambda: get("ab" * 5000, "replace")("a", "a" * 10 ** 6)),
    ("bytes replace", lambda: get(b"ab" * 5000, "replace")(b"a", b"a" * 10 ** 6)),
    ("replace empty", lambda: get("x" * 10 ** 6, "replace")("", "y" * 10 ** 4)),
    ("join", lambda: get("-" * 10 ** 6, "join")(["a"] * 10 ** 4)),
    ("join range", lambda: get("", "join")(range(BIG))),
    ("translate", lambda: get("a" * 10 ** 5, "translate")({97: "b" * 10 ** 5})),
    ("translate seq", lambda: get("a" * 10 ** 5, "translate")([None] * 97 + ["b" * 10 ** 5])),
    ("to_bytes", lambda: get(1, "to_bytes")(BIG, "big")),
    ("from_bytes range", lambda: get(int, "from_bytes")(range(BIG), "big")),
    ("format width", lambda: get("{:>{}}", "format")(1, BIG)),
    ("format width str", lambda: get("{:<{w}}", "format")("x", w=BIG)),
    ("format width fill", lambda: get("{:é^{}}", "format")("x", BIG)),
    ("format_map", lambda: get("{x:{w}}", "format_map")({"x": 1.5, "w": BIG})),
    ("format precision", lambda: P.safe_format_value(1.0, ".3000000000f")),
    ("format int width", lambda: P.safe_format_value(7, "0" + str(BIG))),
    ("format complex", lambda: P.safe_format_value(1j, ".2000000000e")),
    ("format repeated field", lambda: P.safe_format("{0}" * 3000, ("x" * 10 ** 6,))),
    ("percent star", lambda: P.safe_percent("%*d", (BIG, 1))),
    ("percent width", lambda: P.safe_percent("%" + str(BIG) + "s", "x")),
    ("percent precision", lambda: P.safe_percent("%.*f", (2 ** 31 - 1, 1.0))),
    ("percent int precision", lambda: P.safe_percent("%.2147483640d", 5)),
    ("percent repeated", lambda: P.safe_percent("%s" * 3000, ("x" * 10 ** 6,) * 3000)),
    ("percent bytes", lambda: P.safe_percent(b"%*s", (BIG, b"x"))),
    ("percent mapping", lambda: P.safe_percent("%(a)*s", {"a": 1})),  # TypeError, no alloc
    ("list extend range", lambda: get([], "extend")(range(BIG))),
    ("set update range", lambda: get(set(), "update")(range(BIG))),
    ("set isdisjoint range", lambda: get({1.5}, "isdisjoint")(range(BIG))),
    ("dict fromkeys range", lambda: get(dict, "fromkeys")(range(BIG))),
    ("bytearray extend range", lambda: get(bytearray(), "extend")(range(BIG))),
    ("repeat", lambda: P.check_repeat("a", 10 ** 10)),
    ("repeat list", lambda: P.check_repeat([1, 2], 10 ** 10)),
    ("pow", lambda: P.check_pow(10, 10 ** 10)),
    ("lshift", lambda: P.check_lshift(1, 10 ** 11)),
], ids=lambda v: v if isinstance(v, str) else "")
def test_oversize_refused_with_default_hooks(label, fn):
    exc = TypeError if label == "percent mapping" else MemoryError
    refused(fn, exc)


def test_cap_message():
    with pytest.raises(MemoryError, match="refusing to build a result of about"):
        get("a", "ljust")(BIG)


def test_join_refused_by_the_precheck_hook(limit):
    limit(50)
    refused(lambda: get("x", "join")(["ab"] * 10), Refused)
    limit(10 ** 6)
    assert get("x", "join")(["ab"] * 10) == "x".join(["ab"] * 10)


@pytest.mark.parametrize("label,fn", [
    ("ljust", lambda: get("a", "ljust")(10 ** 7)),
    ("replace", lambda: get("ab" * 100, "replace")("a", "a" * 10 ** 6)),
    ("format precision", lambda: P.safe_format_value(1.0, ".1000000000f")),
    ("format float field", lambda: get("{:.1000000000f}", "format")(1.0)),
    ("percent precision", lambda: P.safe_percent("%.100000000f", 1.0)),
    ("percent width fast", lambda: P.safe_percent("%9999s" * 600, ("x",) * 600)),
    ("split", lambda: get("a " * 10 ** 6, "split")()),
    ("split sep", lambda: get("a," * 10 ** 6, "split")(",")),
    ("splitlines", lambda: get("\n" * 10 ** 6, "splitlines")()),
    ("translate small", lambda: get("a" * 1000, "translate")({97: "b" * 20000})),
    ("list extend str", lambda: get([], "extend")("x" * 10 ** 6)),
    ("set union", lambda: get(set(), "union")(list(range(10 ** 5)))),
    ("repeat", lambda: P.check_repeat("ab", 10 ** 7)),
], ids=lambda v: v if isinstance(v, str) else "")
def test_oversize_refused_by_the_precheck_hook(limit, label, fn):
    limit(5_000_000)
    refused(fn, Refused)


def test_percent_fast_path_is_checked(limit):
    fmt = "%9999s%9999s" * 100        # short enough for the direct path: 2 MB of padding
    assert len(fmt) <= 2048
    limit(1_000_000)
    refused(lambda: P.safe_percent(fmt, ("x",) * 200), Refused)
    seen = limit(10 ** 9)
    assert P.safe_percent(fmt, ("x",) * 200) == fmt % (("x",) * 200)
    assert 2_000_000 < seen[-1] < 3_000_000
    seen.clear()
    assert P.safe_percent("%s|%s", ("a" * 5000, 7)) == "a" * 5000 + "|7"
    assert 5000 < seen[-1] < 7000


def test_precheck_is_told_the_size(limit):
    seen = limit(10 ** 9)
    get("abc", "ljust")(1000)
    assert seen and 1000 < seen[-1] < 1200
    seen.clear()
    get("x", "join")(["ab"] * 10)
    assert seen and 29 < seen[-1] < 100
    seen.clear()
    get("é", "center")(1000)          # Latin-1: one byte per character
    assert seen and 1000 < seen[-1] < 1100
    seen.clear()
    get("\u0101", "center")(1000)     # two bytes per character
    assert seen and 2000 < seen[-1] < 2100
    seen.clear()
    get("a", "center")(1000, "\U0001f600")
    assert seen and 4000 < seen[-1] < 4100


def test_validation_wins_over_refusal():
    # invalid arguments raise CPython's error even when the size is also too big
    with pytest.raises(TypeError, match="fill character must be exactly one character long"):
        get("a", "ljust")(BIG, "xy")
    with pytest.raises(ValueError, match="byteorder must be either"):
        get(1, "to_bytes")(BIG, "middle")
    with pytest.raises(ValueError, match="alignment not allowed in string format specifier"):
        P.safe_format_value("s", "=" + str(BIG))
    with pytest.raises(ValueError, match="Precision not allowed in integer format specifier"):
        P.safe_format_value(5, str(BIG) + ".5d")
    with pytest.raises(ValueError, match="Format specifier missing precision"):
        P.safe_format_value(1.5, str(BIG) + ".f")


# ---------------------------------------------------------------------------------------------
# str.format / format_map / format()

class Obj:
    def __init__(self):
        self.x = 1


FORMAT_CASES = [
    ("{}", (1,), {}), ("{} {}", (1, "a"), {}), ("{0}{1}{0}", ("a", "b"), {}), ("{a}", (), {"a": 5}),
    ("{0[1]}", ([1, 2],), {}), ("{0[a]}", ({"a": 3},), {}), ("{0[0]}", ({0: "int"},), {}),
    ("{0[0]}", ({"0": "str"},), {}), ("{0[-1]}", ({"-1": "neg"},), {}), ("{0.real}", (3,), {}),
    ("{0.imag}", (3,), {}), ("{.real}", (3,), {}), ("{[0]}", ("xy",), {}),
    ("{0.real.imag}", (3,), {}), ("{!r}", ("x",), {}), ("{!s:>5}", (1,), {}), ("{!a}", ("é",), {}),
    ("{:{}}", ("a", 5), {}), ("{:{}.{}f}", (3.14159, 8, 2), {}), ("{0:{1}}", (1, ">4"), {}),
    ("{x:{y}}", (), {"x": 1, "y": "<3"}), ("{{}}", (), {}), ("{{{}}}", (7,), {}),
    ("{:{:{}}}", (1, 2, 3), {}), ("{}{1}", (1, 2), {}), ("{1}{}", (1, 2), {}), ("{2}", (1,), {}),
    ("{}", (), {}), ("{x}", (), {}), ("{0!x}", (1,), {}), ("{0!\x01}", (1,), {}), ("{", (), {}),
    ("}", (), {}), ("{0!}", (1,), {}), ("{0!r", (1,), {}), ("{0.}", (1,), {}), ("{0[}", (1,), {}),
    ("{0[0]x}", ([1],), {}), ("{0[]}", ([1],), {}), ("{99999999999999999999}", (), {}),
    ("{0[99999999999999999999]}", ([1],), {}), ("{:,}", (1234567,), {}), ("{:_x}", (2 ** 40,), {}),
    ("{:%}", (0.5,), {}), ("{:>10}", ("é",), {}), ("{:\U0001f600^9}", ("x",), {}),
    ("{0.foo}", (3,), {}), ("{0[5]}", ([1],), {}), ("{0[a]}", ([1],), {}), ("{0:d}", ("s",), {}),
    ("{:=10}", ("s",), {}), ("{0:.3}", ("abcdef",), {}), ("{0.__class__}", (1,), {}),
    ("{0.__class__.__name__}", (ValueError(),), {}), ("{0.__doc__}", ("s",), {}),
    ("{0.args[0]}", (KeyError("k"),), {}), ("{0.start}", (range(3, 9),), {}),
    ("{}", (None,), {}), ("{:>5}", (None,), {}), ("{}", ([1, "a"],), {}), ("{:x<4}", (True,), {}),
    ("{0:}", ("z",), {}), ("{0!r:^9}", ("q",), {}), ("a{0}b{1}c", (1, 2), {}), ("", (), {}),
    ("{:٣}", ("x",), {}), ("{:.٢f}", (1.23456,), {}), ("{0 }", (1,), {"0 ": 2}),
    ("{00}", ("a",), {}), ("{\u0661}", ("a", "b"), {}), ("{ }", (), {" ": 3}),
    ("{123456789012345678}", (), {}), ("{1234567890123456789}", (), {}), ("{-1}", (1,), {"-1": 0}),
]


@pytest.mark.parametrize("fmt,args,kwargs", FORMAT_CASES, ids=repr)
def test_format_matches_cpython(fmt, args, kwargs):
    same(str.format, P.METHODS[str]["format"], fmt, *args, **kwargs)
    if not args:
        same(str.format_map, P.METHODS[str]["format_map"], fmt, kwargs)
    assert outcome(P.safe_format, fmt, args, kwargs) == outcome(str.format, fmt, *args, **kwargs)


def test_format_map_matches_cpython():
    class Missing(dict):
        def __missing__(self, key):
            return f"<{key}>"

    for fmt, mapping in (("{a}", {"a": 1}), ("{a}", {}), ("{}", {}), ("{0}", {"0": 1}),
                         ("{a[0]}", {"a": [5]}), ("{a.real}", {"a": 2}), ("{a} {b}", Missing(a=1)),
                         ("{a:{b}}", {"a": 1, "b": 3})):
        same(str.format_map, P.METHODS[str]["format_map"], fmt, mapping)
    same(str.format_map, P.METHODS[str]["format_map"], "{a}")
    same(str.format_map, P.METHODS[str]["format_map"], "{a}", {}, {})
    same(str.format, P.METHODS[str]["format"], 5, 1)


@pytest.mark.parametrize("spec", [
    "", ">10", "0>5", "010", ",", "_", ".3", ".3f", "x", "#x", "#o", "b", "c", "%", "e", "E", "g",
    "n", "=+10", "^10", "<", "z.2f", "+.2e", ",.2f", "_.3f", "010,", "#010x", "x<5", "é>5",
    "{", "=", ".", ",_", "_,", "d", "s", ".2d", "10.2s", "99999999999999999999", ".99999999999999999999",
    "٣", ".٢f", "0٣", "ab", ">>5", " 5", "-5", "#", "0",
], ids=repr)
@pytest.mark.parametrize("value", [0, 12345, -7, True, 3.14159, -0.0, float("inf"), 1e300, 2 + 3j,
                                   "abc", "é", 10 ** 30, None, [1]], ids=repr)
def test_format_value_matches_cpython(spec, value):
    assert outcome(P.safe_format_value, value, spec) == outcome(format, value, spec)


def test_format_value_spec_type():
    assert outcome(P.safe_format_value, 1, 5) == outcome(format, 1, 5)


def test_format_uses_the_hooks(hooks):
    calls = []

    def fv(value, spec):
        calls.append((value, spec))
        return "<v>"

    P.format_value = fv
    P.convert_repr = lambda o: "R"
    P.convert_str = lambda o: "S"
    P.convert_ascii = lambda o: "A"
    assert P.safe_format("{!r}|{!s}|{!a}|{:>3}|{}", (1, 2, 3, 4, "plain")) == "R|S|A|<v>|plain"
    assert calls == [(4, ">3")]
    assert P.safe_format_value(9, "x") == "<v>"
    assert P.safe_percent("%r %s %a %5s", ([1], [2], [3], [4])) == "R S A     S"
    assert P.safe_percent("%(k)r", {"k": [1]}) == "R"
    P.format_getattr = lambda obj, name: f"attr:{name}"
    P.format_getitem = lambda obj, key: f"item:{key}"
    P.format_value = format
    assert P.safe_format("{0.x}{0[y]}{k}", (1,), {"k": 0}) == "attr:xitem:yitem:k"


FORMAT_ATTACKS = [
    ("{0.__class__.__base__.__subclasses__}", ((),), {}),
    ("{0.__class__.__mro__}", ((),), {}),
    ("{0.__class__.__bases__[0].__subclasses__}", ((),), {}),
    ("{.__class__.__base__}", (1,), {}),
    ("{0.__globals__}", (_victim_function,), {}),
    ("{0.__globals__[__builtins__]}", (_victim_function,), {}),
    ("{0.__code__.co_consts}", (_victim_function,), {}),
    ("{0.__init__.__globals__}", (1,), {}),
    ("{0.__init__}", (Obj(),), {}),
    ("{0.x}", (Obj(),), {}),
    ("{0.__dict__}", (Obj(),), {}),
    ("{0.__dict__}", (ValueError(),), {}),
    ("{0.__traceback__.tb_frame.f_globals}", (ValueError(),), {}),
    ("{0.gi_frame.f_back}", (_generator(),), {}),
    ("{0.__self__}", (print,), {}),
    ("{0.__self__.__dict__}", ("".upper,), {}),
    ("{0.__reduce_ex__}", (1,), {}),
    ("{0.__getattribute__}", ("s",), {}),
    ("{0.mapping}", ({}.keys(),), {}),
    ("{0.obj}", (AttributeError("x", obj=object()),), {}),
    ("{a.__class__.__base__}", (), {"a": 1}),
    ("{0.__class__.__class__.__subclasses__}", (1,), {}),
    ("{0[0].__class__.__base__}", ([1],), {}),
    ("{0.upper.__self__}", ("s",), {}),
    ("{0.ljust.__func__.__globals__}", ("s",), {}),
    ("{0.__module__}", (ValueError,), {}),
    ("{0.__subclasses__}", (int,), {}),
]


@pytest.mark.parametrize("fmt,args,kwargs", FORMAT_ATTACKS, ids=repr)
def test_format_traversal_refused(fmt, args, kwargs):
    with pytest.raises(AttributeError):
        P.safe_format(fmt, args, kwargs)
    with pytest.raises(AttributeError):
        P.METHODS[str]["format"](fmt, *args, **kwargs)
    if kwargs and not args:
        with pytest.raises(AttributeError):
            P.safe_format_map(fmt, kwargs)


def test_format_item_lookups_do_not_leak():
    with pytest.raises(KeyError):
        P.safe_format("{0[__builtins__]}", ({},))
    with pytest.raises(KeyError):
        P.safe_format_map("{__builtins__}", {})
    with pytest.raises(TypeError):
        P.safe_format("{0[int]}", (list,))   # no types.GenericAlias
    # the escape snippet from the security suite: blocked
    with pytest.raises(AttributeError):
        P.safe_format("{0.__class__.__base__.__subclasses__}", ((),))


def test_getattr_with_computed_dunder():
    name = "__glo" + "bals__"
    with pytest.raises(AttributeError, match="not accessible"):
        get(_victim_function, name)
    assert not P.has_attribute(_victim_function, name)


# ---------------------------------------------------------------------------------------------
# printf-style formatting

PERCENT_CASES = [
    ("%d", 5), ("%d", (5,)), ("%5.2f|%-6s|", (3.14159, "ab")), ("%(a)s %(b)d", {"a": "x", "b": 2}),
    ("%%", ()), ("100%%", ()), ("%", ()), ("abc%", ()), ("%(", {}), ("%(a", {"a": 1}), ("%(a)", {"a": 1}),
    ("%5", (1,)), ("%.", (1,)), ("%*d", ("x", 1)), ("%*d", (3, 1)), ("%-*d|", (-3, 1)), ("%*d|", (-3, 1)),
    ("%.*f", (2, 3.14159)), ("%.*f", (-2, 3.14159)), ("%*.*f", (9, 3, 3.14159)), ("%c", 65),
    ("%c", "z"), ("%c", "zz"), ("%c", 0x110000), ("%c", -1), ("%5c|", 233), ("%y", 1), ("%\x01", 1),
    ("%\u1234", 1), ("abc", 5), ("abc", []), ("abc", {}), ("abc", ()), ("%s", b"ab"),
    ("%(x)s", b"ab"), ("%s %s", (1,)), ("%s", (1, 2)), ("%#x|%#o|%#X", (255, 8, 255)),
    ("%+d|% d|%05d|%-05d|", (3, 3, -3, 3)), ("%x", 3.5), ("%d", "1"), ("%i", 3.9), ("%u", 7),
    ("%r", "é"), ("%a", "é"), ("%.2s", "abc"), ("%.1r", "abc"), ("%5.1a|", "é"), ("%s", None),
    ("%s", [1, "a"]), ("%r", ([1, "a"],)), ("%(a)s", {"a": [1]}), ("%s", {"a": 1}), ("%d", True),
    ("%s", True), ("%10s|", True), ("%ld %hd %Lf", (1, 2, 3.0)), ("%(a)*d", {"a": 3}),
    ("%(a)s %s", {"a": 1}), ("%e|%E|%g|%G|%F", (1.5, 1.5, 1.5, 1.5, 1.5)), ("%f", "x"),
    ("%.3e", 12345.678), ("%(a)(b)s", {"a": 1}), ("%((a))s", {"(a)": 5}), ("%s %s", ("a", "b", "c")),
    ("%*s", (2 ** 63, "x")), ("%.*s", (2 ** 31, "x")), ("%99999999999999999999d", 1),
    ("%.99999999999999999999d", 1), ("%s%%%s", (1, 2)), ("x" * 3000 + "%s", "y"), ("%s", "é" * 3),
    ("%d", 10 ** 30), ("%x", -255), ("%o", -8), ("%.5d", -42), ("%5%", ()), ("%-5%|", ()),
    ("%0*d", (5, 42)), ("%#.3x", 5), ("%s", ValueError("boom")), ("%s", ()), ("%s", ((),)),
    ("%(a)s", [1]), ("%s", range(3)),
]


@pytest.mark.parametrize("fmt,values", PERCENT_CASES, ids=repr)
def test_percent_matches_cpython(fmt, values):
    real = outcome(lambda: fmt % values)
    assert outcome(P.safe_percent, fmt, values) == real
    assert outcome(P._percent_slow, fmt, values, False) == real
    try:
        bfmt = fmt.encode("latin-1")
    except UnicodeEncodeError:
        return
    bvalues = values
    if isinstance(values, str):
        bvalues = values.encode("utf-8")
    elif isinstance(values, tuple):
        bvalues = tuple(v.encode("utf-8") if isinstance(v, str) else v for v in values)
    breal = outcome(lambda: bfmt % bvalues)
    assert outcome(P.safe_percent, bfmt, bvalues) == breal
    assert outcome(P._percent_slow, bfmt, bvalues, True) == breal
    barr = outcome(lambda: bytearray(bfmt) % bvalues)
    assert outcome(P.safe_percent, bytearray(bfmt), bvalues) == barr


@pytest.mark.parametrize("fmt,values", [
    (b"%b|%s", (b"x", bytearray(b"y"))), (b"%b", "str"), (b"%b", 5), (b"%a|%r", ("é", b"\xff")),
    (b"%5b|%-5s|%.1b", (b"ab", b"cd", b"ef")), (b"%c%c", (65, b"B")), (b"%c", 256), (b"%c", b"xy"),
    (b"%\xe9", 1), (b"%(k)s", {b"k": b"v"}), (b"%(k)s", {"k": b"v"}), (b"abc", b""),
    (b"%s", memoryview(b"mv")), (b"%x|%d", (255, 3)),
], ids=repr)
def test_bytes_percent_matches_cpython(fmt, values):
    real = outcome(lambda: fmt % values)
    assert outcome(P.safe_percent, fmt, values) == real
    assert outcome(P._percent_slow, fmt, values, True) == real


def test_percent_other_receivers():
    assert P.safe_percent(5, 3) == 2
    with pytest.raises(TypeError):
        P.safe_percent([1], 2)


# ---------------------------------------------------------------------------------------------
# Helpers for the VM

def test_check_repeat():
    P.check_repeat("ab", 1000)
    P.check_repeat([1], 10)
    P.check_repeat("a", -5)
    P.check_repeat("a", 2.5)           # not an int: the operation itself raises
    P.check_repeat("ab", 2 ** 62)      # CPython raises OverflowError itself, without allocating
    P.check_repeat(b"", 10 ** 15)
    with pytest.raises(MemoryError):
        P.check_repeat(b"ab", 2 ** 31)
    with pytest.raises(MemoryError):
        P.check_repeat((1,), 10 ** 9)


def test_check_repeat_sizes(limit):
    seen = limit(10 ** 9)
    P.check_repeat("ab", 100)
    P.check_repeat("\u0101", 100)
    P.check_repeat([1, 2], 100)
    assert 200 < seen[0] < 300 and 250 < seen[1] < 300 and 1600 < seen[2] < 1700


def test_check_pow_and_lshift():
    P.check_pow(2, 100)
    P.check_pow(1, 10 ** 100)
    P.check_pow(-1, 10 ** 100)
    P.check_pow(10, 10 ** 100, 7)
    P.check_pow(2.0, 10 ** 10)
    P.check_pow(2, -10 ** 10)
    P.check_lshift(0, 10 ** 12)
    P.check_lshift(1, 100)
    with pytest.raises(MemoryError):
        P.check_pow(2, 2 ** 40)
    with pytest.raises(MemoryError):
        P.check_pow(-3, 10 ** 10)
    with pytest.raises(MemoryError):
        P.check_lshift(-1, 2 ** 40)


def test_check_iterable(limit):
    seen = limit(10 ** 8)
    P.check_iterable([1, 2, 3])
    P.check_iterable(iter([1]))
    P.check_iterable(range(100), 8)
    assert len(seen) == 2
    with pytest.raises(Refused):
        P.check_iterable(range(10 ** 7))
    with pytest.raises(MemoryError, match="walk"):
        P.check_iterable(range(10 ** 9), 0)


def test_module_does_not_import_the_vm():
    src = _PATH.read_text()
    assert "_core" not in src.replace("monty._core", "")  # no import of the VM
    assert "import monty" not in src and "from monty" not in src and "from ." not in src
