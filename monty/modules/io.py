"""`io` for sandbox code: StringIO and BytesIO, in-memory streams.

Written in sandbox Python (monty/modules/_sandbox/io.py, read as SOURCE) and run by the VM, so
a stream is a sandbox object like any other: its contents count against the memory limit, its
work against the time limit, and a program paused holding one dumps and loads."""

from ._support import build_internal, sandbox_source

NAME = "io"
PREFIX = "io."
EXPORTS = """StringIO BytesIO IOBase TextIOBase BufferedIOBase RawIOBase UnsupportedOperation
SEEK_SET SEEK_CUR SEEK_END DEFAULT_BUFFER_SIZE""".split()

SOURCE = sandbox_source(NAME)


def build(vm):
    return build_internal(vm, NAME, SOURCE, PREFIX, EXPORTS)
