"""Sandbox modules never let host-side loops run past the sandbox's limits, and never reach
host internals."""

import time

import pytest

import monty

RUNAWAY = [
    "import itertools\nlist(itertools.count())",
    "import itertools\nlist(itertools.repeat(1))",
    "import itertools\nsum(itertools.cycle([1]))",
    "import itertools\nlist(itertools.product(range(100), repeat=10))",
    "import itertools\nlist(itertools.permutations(range(100)))",
    "import itertools\nlist(itertools.combinations(range(1000), 10))",
    "import itertools\nnext(itertools.islice(range(10**15), 10**14, None))",
    "import itertools\nnext(itertools.filterfalse(None, range(1, 10**15)))",
    "import itertools\nmax(itertools.accumulate(itertools.repeat(1)))",
    "import itertools\nlist(itertools.chain.from_iterable(itertools.repeat([1])))",
    "import itertools\nset(itertools.zip_longest(itertools.count(), []))",
    "import collections\ncollections.deque(range(10**15), maxlen=1)",
    "import collections\ncollections.Counter(range(10**15))",
    "import collections\ncollections.OrderedDict.fromkeys(range(10**15))",
    "import collections\nd = collections.deque(maxlen=2)\nd.extend(range(10**15))",
    "import functools, operator\nfunctools.reduce(operator.add, range(10**15))",
    "import operator\noperator.countOf(range(10**15), -1)",
    "import heapq\nheapq.nlargest(3, range(10**15))",
    "import statistics\nstatistics.mean(range(10**15))",
    "import collections\nlist(collections.Counter(a=10**15).elements())",
]


@pytest.mark.parametrize("code", RUNAWAY)
def test_runaway_work_ends_at_the_limit(code):
    _ends_within(monty.Limits(max_duration=0.5), code, 2.0, ("MemoryError", "OverflowError"))


def _ends_within(limits, code, seconds, exc_types):
    """`code` stops with a limit error, or one of the sandbox exceptions `exc_types`, within
    `seconds`."""
    sandbox = monty.Sandbox(limits=limits)
    start = time.perf_counter()
    with pytest.raises(monty.MontyError) as info:
        sandbox.run(code)
    elapsed = time.perf_counter() - start
    assert elapsed < seconds, f"took {elapsed:.2f} s"
    error = info.value
    assert isinstance(error, monty.MontyLimitError) or getattr(error, "exc_type", "") in (
        exc_types), repr(error)


@pytest.mark.parametrize("code", [
    "import collections\ncollections.deque([1]) * 10**12",
    "import operator\noperator.mul([0], 10**12)",
    "import operator\noperator.pow(10, 10**12)",
    "import itertools\nitertools.tee([], 10**12)",
])
def test_huge_results_are_refused_before_allocating(code):
    with pytest.raises(monty.MontyError) as info:
        monty.Sandbox(limits=monty.Limits(max_duration=2.0)).run(code)
    assert getattr(info.value, "exc_type", "") == "MemoryError" or isinstance(
        info.value, monty.MontyLimitError)


@pytest.mark.parametrize("code", [
    "import operator\noperator.attrgetter('__class__.__mro__')(1)",
    "import operator\noperator.attrgetter('__globals__')(lambda: 0)",
    "import operator\noperator.methodcaller('__reduce_ex__', 2)(1)",
    "import operator\noperator.attrgetter('__dict__')(operator.attrgetter('x'))",
    "import itertools\nitertools.count()._n",
    "import itertools\ngetattr(itertools.chain(), '__init__')",
    "import collections\ncollections.deque().__init__",
    "from collections import abc\nabc.Mapping.register",
    "from collections import namedtuple\nnamedtuple('P', 'x').__new__.__globals__",
])
def test_internals_stay_unreachable(code):
    with pytest.raises(monty.MontyRuntimeError) as info:
        monty.Sandbox().run(code)
    assert info.value.exc_type == "AttributeError"


def test_deepcopy_refuses_what_it_cannot_copy_safely():
    with pytest.raises(monty.MontyRuntimeError) as info:
        monty.Sandbox().run("import copy\ncopy.deepcopy(iter([1]))")
    assert info.value.exc_type == "TypeError"
    # a class's __reduce__ is never used to rebuild objects
    code = """
import copy
class Evil:
    def __reduce__(self):
        return (print, ('reduced',))
e = Evil()
e.v = [1]
c = copy.deepcopy(e)
[type(c).__name__, c.v, c.v is e.v]
"""
    assert monty.Sandbox().run(code) == ["Evil", [1], False]


def test_total_ordering_only_changes_sandbox_classes():
    import collections
    before = dict(vars(collections.Counter))
    with pytest.raises(monty.MontyRuntimeError) as info:
        monty.Sandbox().run("import functools, collections\nfunctools.total_ordering(collections.Counter)")
    assert info.value.exc_type == "TypeError"
    assert dict(vars(collections.Counter)) == before


# json's classes and stream functions: every entry point ends within the limits
JSON_BOMBS = [
    # a structure sharing one list 2**40 times, through JSONEncoder and dump
    "import json\nx = [1]\nfor i in range(40):\n    x = [x, x]\njson.JSONEncoder().encode(x)",
    "import io, json\nx = [1]\nfor i in range(40):\n    x = [x, x]\njson.dump(x, io.StringIO())",
    # a default that keeps making new work
    "import json\nclass E(json.JSONEncoder):\n    def default(self, o):\n        return [o, o]\n"
    "json.dumps(object(), cls=E, check_circular=False)",
    # a decoder hook that never ends, a huge document through load and raw_decode
    "import json\nclass D(json.JSONDecoder):\n    def decode(self, s):\n        while True:\n"
    "            s = s + s\njson.loads('1', cls=D)",
    "import io, json\njson.load(io.StringIO('[' * 100000 + ']' * 100000))",
    "import json\njson.JSONDecoder().raw_decode('[' + '1,' * 10**7 + '1]')",
]


@pytest.mark.parametrize("code", JSON_BOMBS)
def test_json_classes_end_within_the_limits(code):
    _ends_within(monty.Limits(max_duration=0.5, max_memory=64 << 20), code, 2.5,
                 ("MemoryError", "RecursionError", "ValueError"))
