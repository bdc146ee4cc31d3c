"""`sys` for sandbox code: facts about the interpreter, nothing that reaches the host (no
argv, path, modules, standard streams or interpreter hooks)."""

import sys as _s

NAME = "sys"

ATTRIBUTES = {
    type(_s.version_info): ("major", "minor", "micro", "releaselevel", "serial"),
    type(_s.float_info): ("max", "max_exp", "max_10_exp", "min", "min_exp", "min_10_exp", "dig",
                          "mant_dig", "epsilon", "radix", "rounds"),
    type(_s.int_info): ("bits_per_digit", "sizeof_digit", "default_max_str_digits",
                        "str_digits_check_threshold"),
    type(_s.hash_info): ("width", "modulus", "inf", "nan", "imag", "algorithm", "hash_bits",
                         "seed_bits", "cutoff"),
}


def exit(status=None, /):
    raise SystemExit(status)


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
        "getdefaultencoding": _s.getdefaultencoding,
        "exit": exit,
    }
