"""`unicodedata` for sandbox code: CPython's lookups in the Unicode database (pure functions of
their arguments); `normalize` has its result size checked first (NFKC/NFKD can expand one
character into up to 18)."""

import unicodedata as _u

from ._support import charge, need

NAME = "unicodedata"

_FUNCTIONS = """
name lookup category bidirectional combining east_asian_width mirrored decomposition numeric
decimal digit is_normalized
""".split()

_MAX_EXPANSION = 18


def normalize(form, unistr, /):
    if type(unistr) is not str and isinstance(unistr, str):
        # the exact text: the checks below looked only at exact str, the C code reads the
        # raw data of a subclass
        unistr = str.__str__(unistr)
    if type(form) is not str and isinstance(form, str):
        form = str.__str__(form)
    if type(unistr) is str and unistr and not unistr.isascii():
        charge(len(unistr))
        need(len(unistr) * _MAX_EXPANSION * 4)
    return _u.normalize(form, unistr)


def build(vm):
    names = {name: getattr(_u, name) for name in _FUNCTIONS}
    names["normalize"] = normalize
    names["unidata_version"] = _u.unidata_version
    return names
