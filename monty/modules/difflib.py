"""`difflib` for sandbox code: CPython's Lib/difflib.py run as sandbox Python
(monty/modules/_sandbox/difflib.py): every comparison loop is the VM's, so its work counts
against the time limit and the memory it builds against the memory limit, and a program paused
inside a diff dumps and loads like any sandbox code."""

from ._support import sandbox_source

NAME = "difflib"
PREFIX = "difflib."
EXPORTS = """get_close_matches ndiff restore SequenceMatcher Differ IS_CHARACTER_JUNK
IS_LINE_JUNK context_diff unified_diff diff_bytes HtmlDiff Match""".split()

SOURCE = sandbox_source(NAME)


def build(vm):
    from .. import _core
    return _core.build_internal_module(vm, NAME, SOURCE, PREFIX, EXPORTS, {})
