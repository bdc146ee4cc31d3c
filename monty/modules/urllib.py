"""`urllib` for sandbox code: only the package; `urllib.parse` (monty/modules/urllib_parse.py)
becomes its attribute once imported, as in CPython."""

NAME = "urllib"


def build(vm):
    return {}
