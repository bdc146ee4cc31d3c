"""Pre-checks dispatch on the builtin base: an instance of a sandbox subclass of a builtin is
checked like its base wherever the base's C code does the work (operators, pow(), format
widths, %-format, bytes(n), construction, `in`); the sandbox `operator` module goes through
the eval loop's own checked path; iter(callable, sentinel) ticks while native code drains it.
Legit subclass arithmetic keeps CPython's results (differential tests)."""

import time

import pytest

import monty
from monty import policy

from conformance import assert_same

LIMIT = 64 * 1024 * 1024


def sandbox(duration=1.0, memory=LIMIT):
    return monty.Sandbox(limits=monty.Limits(max_duration=duration, max_memory=memory),
                         print_callback=lambda s: None)


def blocked(code, duration=1.0, memory=LIMIT):
    """Runs `code`; asserts it ends with a limit error (or MemoryError) before the deadline
    plus a margin, and that the Sandbox is still usable."""
    sb = sandbox(duration, memory)
    start = time.perf_counter()
    with pytest.raises(monty.MontyError) as info:
        sb.run(code)
    elapsed = time.perf_counter() - start
    err = info.value
    assert isinstance(err, monty.MontyLimitError) or getattr(err, "exc_type", "") in (
        "MemoryError", "OverflowError"), f"{type(err).__name__}: {err}"
    assert elapsed < duration + 0.5, f"took {elapsed:.2f} s"
    assert sb.run("1 + 1") == 2
    return err


SUBCLASSES = """
class I(int):
    pass
class F(float):
    pass
class S(str):
    pass
class B(bytes):
    pass
class L(list):
    pass
class T(tuple):
    pass
class D(dict):
    pass
class St(set):
    pass
class Fs(frozenset):
    pass
"""


# ------------------------------------------------------------------ policy helpers

def test_builtin_base_walks_the_mro():
    class I(int):
        pass

    class J(I):
        pass

    class L(list):
        pass

    assert policy.builtin_base(int) is int
    assert policy.builtin_base(bool) is int
    assert policy.builtin_base(J) is int
    assert policy.builtin_base(L) is list
    assert policy.builtin_base(object) is None
    assert policy.base_of(J(3)) is int


def test_exact_int_never_runs_overrides():
    calls = []

    class I(int):
        def __index__(self):
            calls.append(1)
            return 0

        def __int__(self):
            calls.append(1)
            return 0

    v = policy.exact_int(I(10 ** 20))
    assert type(v) is int and v == 10 ** 20
    assert policy.exact_int("x") is None
    assert calls == []


def test_check_repeat_sees_subclasses_and_lying_len():
    class L(list):
        def __len__(self):
            return 0

    class I(int):
        pass

    seen = []
    old = policy.precheck
    policy.precheck = seen.append
    try:
        policy.check_repeat(L([1, 2]), 10 ** 6)
        policy.check_repeat([1, 2], I(10 ** 6))
    finally:
        policy.precheck = old
    assert len(seen) == 2 and all(n >= 2 * 10 ** 6 * 8 for n in seen)


def test_check_pow_and_lshift_see_int_subclasses():
    class I(int):
        pass

    seen = []
    old = policy.precheck
    policy.precheck = seen.append
    try:
        policy.check_pow(I(10), I(10 ** 6))
        policy.check_lshift(I(1), I(10 ** 7))
    finally:
        policy.precheck = old
    assert len(seen) == 2


def test_sandbox_overrides_detects_sandbox_definitions():
    sb = sandbox()
    sb.run("class L(list):\n    def __mul__(self, n):\n        return 0\nclass M(list):\n    pass")
    # (classes are read back through the policy helpers in the sandbox module's globals)
    assert sb.run("L([1]) * 10 ** 12") == 0


# ------------------------------------------------------------------ operators on subclasses

OPERATOR_BOMBS = [
    "L([1]) * 10 ** 9",
    "10 ** 9 * L([1])",
    "x = L([1])\nx *= 10 ** 9",
    "T((1,)) * 10 ** 9",
    "S('ab') * 10 ** 9",
    "B(b'ab') * 10 ** 9",
    "'ab' * I(10 ** 9)",
    "[1] * I(10 ** 9)",
    "I(10 ** 9) * (1,)",
    "I(10) ** 10 ** 8",
    "10 ** I(10 ** 8)",
    "x = I(7)\nx **= 10 ** 8",
    "pow(I(10), 10 ** 8)",
    "pow(10, I(10 ** 8))",
    "I(1) << 10 ** 10",
    "1 << I(10 ** 10)",
    "x = I(1)\nx <<= 10 ** 10",
    "x = I(7 ** 2000000)\nwhile True:\n    y = x * x",
    "x = I(7 ** 3000000)\ny = I(3 ** 1500000)\nwhile True:\n    z = x // y",
    "x = I(7 ** 3000000)\ny = I(3 ** 1500000)\nwhile True:\n    z = x % y",
    "s = S('x' * 1000)\nwhile True:\n    s = S(s + s)",
    "s = L([0] * 1000)\nwhile True:\n    s = L(s + s)",
    "s = B(b'x' * 1000)\nwhile True:\n    s = B(s + s)",
]


@pytest.mark.parametrize("code", OPERATOR_BOMBS)
def test_operator_on_subclass_is_prechecked(code):
    blocked(SUBCLASSES + code)


@pytest.mark.parametrize("code", [
    # an override returning NotImplemented: CPython falls back to the base's C code
    "class I2(int):\n    def __pow__(self, o):\n        return NotImplemented\n"
    "    def __rpow__(self, o):\n        return NotImplemented\nI2(10) ** 10 ** 8",
    "class L2(list):\n    def __mul__(self, n):\n        return NotImplemented\nL2([1]) * 10 ** 9",
    "class L2(list):\n    def __rmul__(self, n):\n        return NotImplemented\n10 ** 9 * L2([1])",
    # a lying __len__ does not shrink the estimate
    "class L2(list):\n    def __len__(self):\n        return 0\nL2([1] * 100) * 10 ** 8",
    # subclasses of subclasses
    "class J(I):\n    pass\nJ(10) ** 10 ** 8",
])
def test_fallback_and_lies_are_prechecked(code):
    blocked(SUBCLASSES + code)


def test_override_result_is_used_without_a_precheck():
    # a sandbox __pow__ that does modular arithmetic: the base's size is never computed
    sb = sandbox()
    code = SUBCLASSES + (
        "class Mod7(int):\n"
        "    def __pow__(self, e):\n"
        "        return Mod7(pow(int(self), e, 7))\n"
        "    def __mul__(self, n):\n"
        "        return 'mul'\n"
        "class Rep(list):\n"
        "    def __mul__(self, n):\n"
        "        return len(self) * 0 + 1\n"
        "(int(Mod7(3) ** 10 ** 9), Mod7(3) * 10 ** 9, Rep([1]) * 10 ** 12)")
    assert sb.run(code) == (3 ** (10 ** 9 % 6) % 7, "mul", 1)


# ------------------------------------------------------------------ formatting

@pytest.mark.parametrize("code", [
    "S('%*d') % (10 ** 9, 1)",
    "'%*d' % (I(10 ** 9), 1)",
    "'%.*f' % (I(10 ** 9), 1.5)",
    "b'%*d' % (10 ** 9, 1)",
    "B(b'%*d') % (10 ** 9, 1)",
    "format(I(1), '>1000000000')",
    "format(F(1.5), '.1000000000f')",
    "format(S('a'), '>1000000000')",
    "format(1, S('>1000000000'))",
    "x = I(1)\nf'{x:>1000000000}'",
    "'{:>1000000000}'.format(I(1))",
])
def test_format_widths_on_subclasses(code):
    blocked(SUBCLASSES + code)


# ------------------------------------------------------------------ construction, bytes(n)

@pytest.mark.parametrize("code", [
    "bytes(I(10 ** 9))",
    "bytearray(I(10 ** 9))",
    "B(10 ** 9)",
    "L(range(10 ** 9))",
    "T(range(10 ** 9))",
    "St(range(10 ** 9))",
    "Fs(range(10 ** 9))",
    "L(iter(int, 1))",
    "sum([L([0] * 1000)] * 100000, [])",
])
def test_construction_and_sizes_of_subclasses(code):
    blocked(SUBCLASSES + code)


def test_contains_on_list_subclass_with_lying_len():
    blocked("class L(list):\n    def __len__(self):\n        return 0\n"
            "x = L([[0] * 50] * 10 ** 6)\nwhile True:\n    [0] * 49 + [1] in x")


# ------------------------------------------------------------------ operator module

@pytest.mark.parametrize("code", [
    "operator.mod('%*d', (10 ** 9, 1))",
    "operator.imod('%*d', (10 ** 9, 1))",
    "operator.__mod__('%*d', (10 ** 9, 1))",
    "operator.mod(b'%*d', (10 ** 9, 1))",
    "x = 7 ** 3000000\ny = 3 ** 1500000\nwhile True:\n    operator.floordiv(x, y)",
    "x = 7 ** 3000000\ny = 3 ** 1500000\nwhile True:\n    operator.ifloordiv(x, y)",
    "x = 7 ** 2000000\nwhile True:\n    operator.mul(x, x)",
    "operator.mul(L([1]), 10 ** 9)",
    "operator.mul(10 ** 9, [1])",
    "operator.imul('ab', 10 ** 9)",
    "operator.__imul__('ab', 10 ** 9)",
    "operator.pow(I(10), 10 ** 8)",
    "operator.ipow(10, 10 ** 8)",
    "operator.__pow__(10, 10 ** 8)",
    "operator.lshift(I(1), 10 ** 10)",
    "operator.ilshift(1, 10 ** 10)",
    "s = 'x' * 1000\nwhile True:\n    s = operator.concat(s, s)",
    "s = 'x' * 1000\nwhile True:\n    s = operator.add(s, s)",
    "s = [0] * 1000\nwhile True:\n    s = operator.__add__(s, s)",
    "s = (0,) * 1000\nwhile True:\n    s = operator.iadd(s, s)",
])
def test_operator_module_takes_the_checked_path(code):
    blocked("import operator\n" + SUBCLASSES + code)


def test_operator_module_functions_are_not_cpythons():
    import operator as host_operator
    sb = sandbox()
    sb.run("import operator")
    names = ["add", "sub", "mul", "truediv", "floordiv", "mod", "pow", "lshift", "rshift",
             "and_", "or_", "xor", "matmul", "iadd", "isub", "imul", "itruediv", "ifloordiv",
             "imod", "ipow", "ilshift", "irshift", "iand", "ior", "ixor", "imatmul", "concat",
             "iconcat"]
    for name in names:
        assert sb.run(f"callable(operator.{name})"), name
    from monty.modules import operator as sandbox_operator
    built = sandbox_operator.build(None)
    for name in names:
        assert built[name] is not getattr(host_operator, name), name


@pytest.mark.parametrize("code", [
    "import operator\n(operator.add(2, 3), operator.sub(7, 2), operator.mul('ab', 3), "
    "operator.mul(3, [1]), operator.truediv(7, 2), operator.floordiv(-7, 2), "
    "operator.mod('%05d|%s', (42, 'x')), operator.mod(b'%d', 3), operator.mod(-7, 3), "
    "operator.pow(2, 100), operator.lshift(1, 70), operator.rshift(-9, 1), "
    "operator.and_(12, 10), operator.or_({1}, {2}), operator.xor(5, 3), "
    "operator.concat([1], [2]), operator.iadd([1], (2,)), operator.imul([1], 3), "
    "operator.ipow(3, 4), operator.imod(10, 4), operator.ifloordiv(9, 2), "
    "operator.__add__('a', 'b'), operator.__mod__('%s', 1))",
    "import operator\nx = [1]\ny = operator.iadd(x, [2])\n(x is y, x)",
    "import operator\ntry:\n    operator.mod('%d', 'x')\nexcept TypeError as e:\n    r = str(e)\nr",
    "import operator\ntry:\n    operator.add(1, 'x')\nexcept TypeError as e:\n    r = str(e)\nr",
    "import operator\ntry:\n    operator.concat(1, 2)\nexcept TypeError as e:\n    r = str(e)\nr",
])
def test_operator_module_results_match_cpython(code):
    assert_same(code)


# ------------------------------------------------------------------ iter(callable, sentinel)

@pytest.mark.parametrize("consumer", [
    "list({})", "tuple({})", "set({})", "frozenset({})", "sorted({})", "''.join(map(str, {}))",
    "sum({})", "max({})", "min({})", "any({})", "all(x == 0 for x in {})", "bytes({})",
    "bytearray({})", "[*{}]", "5 in {}", "x = []\nx.extend({})", "list(map(str, {}))",
    "list(zip({}, {}))", "dict(enumerate({}))", "list(filter(None, map(abs, {})))",
    "import collections\ncollections.deque({})", "import itertools\nlist(itertools.chain({}))",
    "import itertools\nlist(itertools.islice({}, 10 ** 12))", "{{*{}}}", "(*{},)",
])
def test_callable_iterator_drained_by_native_code_ticks(consumer):
    it = "iter(int, 1)"
    code = consumer.format(*([it] * consumer.count("{}")))
    blocked(code, duration=0.5)


def test_callable_iterator_with_sandbox_function_and_sentinel():
    sb = sandbox()
    code = ("n = 0\n"
            "def f():\n"
            "    global n\n"
            "    n += 1\n"
            "    return n\n"
            "(list(iter(f, 5)), list(iter([1, 2, 3, 4].pop, 2)), sorted(iter(iter('abc').__next__, 'c')))")
    assert sb.run(code) == ([1, 2, 3, 4], [4, 3], ["a", "b"])


# ------------------------------------------------------------------ legit subclass arithmetic

DIFFERENTIAL = [
    SUBCLASSES + "(I(6) * 7, 7 * I(6), I(2) ** 10, 2 ** I(10), I(1) << 5, 1 << I(5), I(17) // 5, "
    "I(17) % 5, 17 % I(5), I(3) + 4, type(I(3) + 4).__name__, type(I(2) ** 3).__name__)",
    SUBCLASSES + "(L([1, 2]) * 2, 2 * L([1]), type(L([1]) * 2).__name__, T((1,)) * 3, "
    "S('ab') * 2, type(S('a') * 2).__name__, 'x' * I(3), [0] * I(2), B(b'z') * 3)",
    SUBCLASSES + "x = L([1])\nx *= 3\ny = L([1])\ny += [2]\n(x, type(x).__name__, y, type(y).__name__)",
    SUBCLASSES + "x = I(3)\nx **= 2\nx <<= 2\nx //= 5\nx %= 4\n(x, type(x).__name__)",
    SUBCLASSES + "(S('%s-%d') % ('a', 3), S('%(k)s') % {'k': 1}, '%*d|' % (I(4), 7), "
    "'%.*f' % (I(2), 1.5), B(b'%d') % 5, type(S('%s') % 1).__name__)",
    SUBCLASSES + "(format(I(5), '>4'), format(F(1.5), '.3f'), format(S('a'), '^5'), "
    "format(5, S('>3')), f'{I(7):03d}', '{:>4}'.format(S('x')))",
    SUBCLASSES + "(bytes(I(3)), bytearray(I(2)), B(3), L(range(3)), T(range(2)), sorted(St(range(3))), "
    "sorted(Fs('ab')), D(a=1), S(12), I('42'), int(S('17')), F('1.5'))",
    SUBCLASSES + "(sum([L([1]), L([2])], []), 3 in L([1, 2, 3]), L([1]) == [1], T((1,)) < (2,), "
    "pow(I(3), 4), pow(I(3), 4, 5), divmod(I(17), 5))",
    # overrides run, in CPython's order
    "class V(list):\n"
    "    def __mul__(self, k):\n"
    "        return V([x * k for x in self])\n"
    "    def __rmul__(self, k):\n"
    "        return V([k * x for x in self])\n"
    "    def __add__(self, o):\n"
    "        return V([a + b for a, b in zip(self, o)])\n"
    "(V([1, 2]) * 3, 3 * V([1, 2]), V([1, 2]) + V([10, 20]), type(V([1]) * 2).__name__)",
    "class N(int):\n"
    "    def __pow__(self, e):\n"
    "        return 'pow'\n"
    "    def __rpow__(self, b):\n"
    "        return 'rpow'\n"
    "    def __lshift__(self, n):\n"
    "        return NotImplemented\n"
    "(N(2) ** 3, 2 ** N(3), N(1) << 3, 1 << N(3))",
    "class A(int):\n"
    "    def __add__(self, o):\n"
    "        return 'A.add'\n"
    "class Bb(A):\n"
    "    def __radd__(self, o):\n"
    "        return 'B.radd'\n"
    "(A(1) + Bb(2), Bb(2) + A(1), 1 + Bb(2), Bb(2) + 1, A(1) + 1)",
    "class S(str):\n"
    "    def __mod__(self, o):\n"
    "        return 'own'\n"
    "(S('%s') % 1, '%s' % S('x'))",
    "class Log(list):\n"
    "    calls = []\n"
    "    def __iadd__(self, o):\n"
    "        Log.calls.append('iadd')\n"
    "        return super().__iadd__(o)\n"
    "x = Log([1])\nx += [2]\n(x, Log.calls)",
    "class I(int):\n    pass\ntry:\n    I(1) + 'x'\nexcept TypeError as e:\n    r = str(e)\nr",
    "class L(list):\n    pass\ntry:\n    L([1]) * 'x'\nexcept TypeError as e:\n    r = str(e)\nr",
    "class S(str):\n    pass\ntry:\n    S('%d') % 'x'\nexcept TypeError as e:\n    r = str(e)\nr",
]


@pytest.mark.parametrize("code", DIFFERENTIAL)
def test_subclass_arithmetic_matches_cpython(code):
    # (the values hold subclass instances: compared through their repr)
    body, last = code.rstrip("\n").rsplit("\n", 1)
    assert_same(f"{body}\nrepr({last})")


def test_exact_types_keep_their_results():
    assert_same("('ab' * 3, [1] * 2, 2 ** 10, 1 << 3, '%5s|' % 'x', b'%d' % 3, "
                "bytes(bytearray(b'%s') % b'x'), 17 // 5, 17 % 5, format(3, '>4'))")


# ------------------------------------------------------------------ checked methods on subclasses

@pytest.mark.parametrize("code", [
    "str.ljust(S('a'), 10 ** 9)",
    "str.center(S('a'), 10 ** 9, '*')",
    "str.zfill(S('1'), 10 ** 9)",
    "bytes.rjust(B(b'a'), 10 ** 9)",
    "str.replace(S('a' * 1000), 'a', 'b' * 10 ** 6)",
    "str.expandtabs(S('\\t' * 1000), 10 ** 6)",
    "str.join(S('x' * 10 ** 6), ['a'] * 1000)",
    "str.format(S('{:>1000000000}'), 1)",
    "str.format_map(S('{a:>1000000000}'), {'a': 1})",
])
def test_checked_methods_on_subclass_instances(code):
    blocked(SUBCLASSES + code)


def test_checked_methods_on_subclass_instances_match_cpython():
    code = SUBCLASSES + (
        "repr((str.ljust(S('ab'), 5, '*'), str.split(S('a b')), str.join(S(','), ['a', 'b']), "
        "str.format(S('{0}-{1}'), 1, 2), str.format_map(S('{a}'), {'a': 3}), "
        "str.replace(S('aba'), 'a', 'cc'), str.expandtabs(S('a\\tb'), 4), str.splitlines(S('a\\nb')), "
        "bytes.center(B(b'x'), 5), bytes.split(B(b'a b')), str.upper(S('x') * 2000) == 'X' * 2000))")
    assert_same(code)
