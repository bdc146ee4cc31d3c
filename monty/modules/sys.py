"""`sys` for sandbox code: facts about the interpreter, nothing that reaches the host (no
argv, path, modules or interpreter hooks). `stdout` and `stderr` are write-only streams whose
text goes where `print` sends it (the sandbox's print callback)."""

import sys as _s

from ._support import type_name

NAME = "sys"

ATTRIBUTES = {
    # (__getnewargs__: tuple's, giving the values wrapped in a 1-tuple)
    type(_s.version_info): ("major", "minor", "micro", "releaselevel", "serial",
                            "__getnewargs__"),
    type(_s.float_info): ("max", "max_exp", "max_10_exp", "min", "min_exp", "min_10_exp", "dig",
                          "mant_dig", "epsilon", "radix", "rounds"),
    type(_s.int_info): ("bits_per_digit", "sizeof_digit", "default_max_str_digits",
                        "str_digits_check_threshold"),
    type(_s.hash_info): ("width", "modulus", "inf", "nan", "imag", "algorithm", "hash_bits",
                         "seed_bits", "cutoff"),
}


class TextIOWrapper:
    """sys.stdout / sys.stderr: `write(s)` and `flush()`, nothing else reachable."""

    __slots__ = ("_vm", "_name")

    def __init__(self, vm, name):
        self._vm = vm
        self._name = name

    def write(self, s, /):
        if type(s) is not str:
            if not isinstance(s, str):
                raise TypeError(f"write() argument must be str, not {type_name(s)}")
            s = str.__str__(s)
        if s:
            self._vm.print_text(s, self._name == "stderr")
        return len(s)

    def flush(self, /):
        return None

    def __repr__(self):
        return f"<_io.TextIOWrapper name='<{self._name}>' mode='w' encoding='utf-8'>"


TextIOWrapper.__module__ = "_io"
TP_NAMES = {TextIOWrapper: "_io.TextIOWrapper"}

METHODS = {TextIOWrapper: {"write": TextIOWrapper.write, "flush": TextIOWrapper.flush}}


def exit(status=None, /):
    raise SystemExit(status)


def _setrecursionlimit(vm):
    def setrecursionlimit(limit, /):
        """Set the depth sandbox calls may reach. A limit above the host's
        (Limits.max_recursion_depth) is accepted and clamped to it: getrecursionlimit() tells
        the limit in force."""
        if type(limit) is not int:
            if isinstance(limit, float) or not isinstance(limit, int):
                raise TypeError(f"'{type_name(limit)}' object cannot be interpreted as an integer")
            limit = int.__index__(limit)
        if limit < 1:
            raise ValueError("recursion limit must be greater or equal than 1")
        depth = vm.frame_depth + 1      # like CPython: this call counts as a level
        if depth >= limit:
            raise RecursionError(f"cannot set the recursion limit to {limit} at the recursion "
                                 f"depth {depth}: the limit is too low")
        vm.set_recursion_limit(min(limit, vm.host_max_depth))
    return setrecursionlimit


def build(vm):
    return {
        "version": _s.version,
        "version_info": _s.version_info,
        "hexversion": _s.hexversion,
        "implementation_name": _s.implementation.name,
        "maxsize": _s.maxsize,
        "maxunicode": _s.maxunicode,
        "byteorder": _s.byteorder,
        "float_info": _s.float_info,
        "int_info": _s.int_info,
        "hash_info": _s.hash_info,
        "float_repr_style": _s.float_repr_style,
        "platform": _s.platform,
        "getrecursionlimit": lambda: vm.max_depth,
        "setrecursionlimit": _setrecursionlimit(vm),
        "getdefaultencoding": _s.getdefaultencoding,
        "exit": exit,
        "stdout": TextIOWrapper(vm, "stdout"),
        "stderr": TextIOWrapper(vm, "stderr"),
    }
