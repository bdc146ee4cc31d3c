"""`bisect` for sandbox code: CPython's functions (O(log n) comparisons on the sequence they
are given; a key function is called like any sandbox callback)."""

import bisect as _bisect

NAME = "bisect"


from .. import policy


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


def build(vm):
    return {name: _searching(name) for name in
            ("bisect_left", "bisect_right", "bisect", "insort_left", "insort_right", "insort")}
