"""`string` for sandbox code: the character-class constants and capwords."""

import string as _string

NAME = "string"

_CONSTANTS = ("ascii_letters", "ascii_lowercase", "ascii_uppercase", "digits", "hexdigits",
              "octdigits", "punctuation", "printable", "whitespace")


def capwords(s, sep=None):
    return (sep or " ").join(map(str.capitalize, s.split(sep)))


def build(vm):
    names = {name: getattr(_string, name) for name in _CONSTANTS}
    names["capwords"] = capwords
    return names
