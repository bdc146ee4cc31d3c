"""`string` for sandbox code: CPython's module (the character-class constants, capwords,
Template, Formatter) run as sandbox Python (monty/modules/_sandbox/string.py), so Template
subclasses and Formatter overrides are ordinary sandbox classes. The two format-string parsers
CPython writes in C are host functions here, given exact text only."""

import _string

from ._support import charge, exact_str, need_items, private_helpers, build_internal, sandbox_source

NAME = "string"
PREFIX = "string."
EXPORTS = """ascii_letters ascii_lowercase ascii_uppercase digits hexdigits octdigits punctuation
printable whitespace capwords Template Formatter""".split()

SOURCE = sandbox_source(NAME)


def _formatter_parser(format_string):
    s = exact_str(format_string, "format string")
    need_items(len(s) + 1)
    charge(len(s) // 8 + 1)
    return list(_string.formatter_parser(s))


def _formatter_field_name_split(field_name):
    s = exact_str(field_name, "field name")
    charge(len(s) // 8 + 1)
    first, rest = _string.formatter_field_name_split(s)
    return first, list(rest)


private_helpers(formatter_parser=_formatter_parser,
                formatter_field_name_split=_formatter_field_name_split)


def build(vm):
    return build_internal(vm, NAME, SOURCE, PREFIX, EXPORTS)
