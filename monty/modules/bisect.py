"""`bisect` for sandbox code: CPython's functions (O(log n) comparisons on the sequence they
are given; a key function is called like any sandbox callback)."""

import bisect as _bisect

NAME = "bisect"


from .. import policy
from ._support import _core, is_vm_code


def _searching(name):
    real = getattr(_bisect, name)
    insort = name.startswith("insort")

    def fn(a, x, *args, **kwargs):
        # about log2(len(a)) comparisons of x with items of a: each at most x's units
        try:
            n = len(a)
        except TypeError:
            n = 0
        policy.precheck_walk([x], n.bit_length() + 1)
        if insort and n > 4096:
            # the insertion moves up to every pointer of the list (a memmove of 8n bytes)
            policy.precheck_steps(n >> 6)
        return real(a, x, *args, **kwargs)

    fn.__name__ = fn.__qualname__ = name
    fn.__doc__ = real.__doc__
    return fn


_NAMES = ("bisect_left", "bisect_right", "bisect", "insort_left", "insort_right", "insort")
_FUNCTIONS = {name: _searching(name) for name in _NAMES}


def _route(a, x, lo=0, hi=None, *, key=None):
    # with a sandbox key function, or a sandbox object to place: monty/modules/_loops.py's
    # versions call the key and compare in the VM (host calls inside pause)
    return (type(a) is list and type(lo) is int and (hi is None or type(hi) is int)
            and ((key is not None and is_vm_code(key)) or is_vm_code(x)))


for _name, _target in (("bisect_left", "bisect_left_"), ("bisect_right", "bisect_right_"),
                       ("bisect", "bisect_right_"), ("insort_left", "insort_left_"),
                       ("insort_right", "insort_right_"), ("insort", "insort_right_")):
    _core.register_route(_FUNCTIONS[_name],
                         lambda *a, _target=_target, **k: _target if _route(*a, **k) else None)


def build(vm):
    return dict(_FUNCTIONS)
