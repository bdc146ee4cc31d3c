"""`bisect` for sandbox code: CPython's functions (O(log n) comparisons on the sequence they
are given; a key function is called like any sandbox callback)."""

import bisect as _bisect

NAME = "bisect"


def build(vm):
    return {name: getattr(_bisect, name) for name in
            ("bisect_left", "bisect_right", "bisect", "insort_left", "insort_right", "insort")}
