"""`csv` for sandbox code: reader, writer, DictReader, DictWriter, dialects and Sniffer.

Written in sandbox Python (monty/modules/_sandbox/csv.py, read as SOURCE): the state machine
of CPython's _csv reader and its writer's quoting rules ported, with csv.py's own classes on
top. Readers and writers are sandbox objects, so they count against the limits, pause at host
calls (a reader over a generator that calls the host) and dump and load with the program."""

from ._support import build_internal, sandbox_source

NAME = "csv"
PREFIX = "csv."
EXPORTS = """reader writer DictReader DictWriter Sniffer Dialect excel excel_tab unix_dialect
register_dialect unregister_dialect get_dialect list_dialects field_size_limit Error
QUOTE_MINIMAL QUOTE_ALL QUOTE_NONNUMERIC QUOTE_NONE __version__""".split()

SOURCE = sandbox_source(NAME)


def build(vm):
    return build_internal(vm, NAME, SOURCE, PREFIX, EXPORTS)
