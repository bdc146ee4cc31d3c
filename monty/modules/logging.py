"""`logging` for sandbox code: CPython's logging package (loggers, handlers, formatters,
basicConfig, levels, LoggerAdapter) run as sandbox Python (monty/modules/_sandbox/logging.py).

Records are rendered by the sandbox's own code and written through the stream's write() (by
default sys.stderr: the sandbox's stderr), so logging counts against the limits, pauses with
the program and dumps and loads with it. Without threads, processes, files or frames:
FileHandler refuses, and a record's caller is the program (`<string>`, line 0)."""

from ._support import build_internal, sandbox_source

NAME = "logging"
PREFIX = "logging."
EXPORTS = """BASIC_FORMAT BufferingFormatter CRITICAL DEBUG ERROR FATAL FileHandler Filter Formatter
Handler INFO LogRecord Logger LoggerAdapter NOTSET NullHandler StreamHandler WARN WARNING
addLevelName basicConfig captureWarnings critical debug disable error exception fatal
getLevelName getLogger getLoggerClass info log makeLogRecord setLoggerClass shutdown warn warning
getLogRecordFactory setLogRecordFactory lastResort raiseExceptions getLevelNamesMapping root
Filterer PercentStyle StrFormatStyle StringTemplateStyle Manager PlaceHolder RootLogger""".split()

SOURCE = sandbox_source(NAME)


def build(vm):
    return build_internal(vm, NAME, SOURCE, PREFIX, EXPORTS)
