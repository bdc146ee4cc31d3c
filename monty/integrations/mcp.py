"""An MCP server that runs Python in monty, on the official `mcp` package (stdio transport):

    python -m monty.mcp [--max-duration N ...] [--functions MODULE[:NAME]]
    monty-mcp ...                                  (the same program)

It offers one tool, `run_python_code(python_code, global_variables=None)`, whose structured
content is `{"status", "stdout", "stderr", "return_value", "error"}` (`error`: None, or `{"type",
"message", "traceback", "hint"}` with the sandbox traceback and its source lines). Each client
session (over stdio: one server process) has its own `monty.Sandbox`, so variables, functions
and imports carry across calls. Limits come from the same flags as `python -m monty`. Printed text is also sent, as it is
printed, as progress notifications of the call (when the client asked for progress). Host
functions the code may call come from `--functions`: a module (its `__all__`, else its public
functions) or `MODULE:NAME` naming a dict of name -> function or a list of functions; async
ones are awaited on the server's event loop, those the code gathers run concurrently.
"""

import argparse
import asyncio
import importlib
import importlib.util
import inspect
import json
import math
import sys
from typing import Any, Optional

try:        # (pydantic reads TypedDicts from typing_extensions before Python 3.12)
    from typing_extensions import TypedDict
except ImportError:     # pragma: no cover
    from typing import TypedDict

from .. import Limits, MontyError, MontyTypeError, Sandbox
from . import prompt as _prompt

__all__ = ["create_server", "load_functions", "main"]

TOOL_NAME = "run_python_code"


def load_functions(spec):
    """The host functions `spec` names: "module" (its `__all__`, else the public functions it
    defines) or "module:NAME" (a dict of name -> callable, a list of callables, or one
    callable). A path ending in .py is loaded as a file."""
    module_name, _, attr = spec.partition(":")
    if module_name.endswith(".py"):
        import os
        name = os.path.splitext(os.path.basename(module_name))[0]
        loader_spec = importlib.util.spec_from_file_location(name, module_name)
        if loader_spec is None:
            raise ValueError(f"cannot load {module_name!r}")
        module = importlib.util.module_from_spec(loader_spec)
        loader_spec.loader.exec_module(module)
    else:
        module = importlib.import_module(module_name)
    if attr:
        target = getattr(module, attr)
        if isinstance(target, dict):
            functions = dict(target)
        elif isinstance(target, (list, tuple)):
            functions = {f.__name__: f for f in target}
        elif callable(target):
            functions = {attr: target}
        else:
            raise TypeError(f"{spec}: expected a dict, a list or a function, "
                            f"not {type(target).__name__}")
    elif hasattr(module, "__all__"):
        functions = {name: getattr(module, name) for name in module.__all__}
    else:
        functions = {name: obj for name, obj in vars(module).items()
                     if not name.startswith("_") and inspect.isfunction(obj)
                     and obj.__module__ == module.__name__}
    for name, func in functions.items():
        if not callable(func):
            raise TypeError(f"{spec}: {name!r} is not callable")
    return functions


def _jsonable(value, depth=0):
    """Plain sandbox data as JSON values (tuples and sets as lists, bytes and non-finite
    floats as their repr, keys as strings); a monty.Opaque as its repr."""
    if depth > 100:
        return repr(value)
    if value is None or isinstance(value, (bool, int, str)):
        return value
    if isinstance(value, float):
        return value if math.isfinite(value) else repr(value)
    if isinstance(value, (list, tuple)):
        return [_jsonable(v, depth + 1) for v in value]
    if isinstance(value, (set, frozenset)):
        items = [_jsonable(v, depth + 1) for v in value]
        try:
            return sorted(items)
        except TypeError:
            return items
    if isinstance(value, dict):
        return {(k if isinstance(k, str) else repr(k)): _jsonable(v, depth + 1)
                for k, v in value.items()}
    rep = getattr(value, "repr", None)      # monty.Opaque
    if isinstance(rep, str):
        return rep
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return repr(value)


def _text(report):
    """The report as text for the model (the content next to the structured content)."""
    parts = []
    if report["stdout"]:
        parts.append("stdout:\n" + report["stdout"].rstrip("\n"))
    if report["stderr"]:
        parts.append("stderr:\n" + report["stderr"].rstrip("\n"))
    error = report["error"]
    if error is not None:
        text = error["traceback"]
        if error["hint"]:
            text += "\nHint: " + error["hint"]
        parts.append("error:\n" + text)
    else:
        parts.append("return_value: " + json.dumps(report["return_value"]))
    return "\n\n".join(parts)


class _Session:
    """A client session's Sandbox, and the call in progress its printed text goes to."""

    def __init__(self, limits, functions):
        self.run = None
        self.sandbox = Sandbox(functions=dict(functions), limits=limits,
                               print_callback=self._out)
        self.sandbox._output.err_callback = self._err   # (stderr apart, as `python -m monty`)

    def _out(self, text):
        if self.run is not None:
            self.run.write(text, False)

    def _err(self, text):
        if self.run is not None:
            self.run.write(text, True)


class _Run:
    """Printed text of one call: collected per stream, and sent as progress notifications
    when the client gave a progress token."""

    def __init__(self, ctx):
        self.stdout = []
        self.stderr = []
        self.ctx = ctx
        self.sent = []
        self.progress = 0
        self.token = None
        if ctx is not None:
            try:
                meta = ctx.request_context.meta
            except Exception:
                meta = None
            if isinstance(meta, dict):
                self.token = meta.get("progress_token", meta.get("progressToken"))
            elif meta is not None:
                self.token = getattr(meta, "progress_token", None)

    def write(self, text, err):
        (self.stderr if err else self.stdout).append(text)
        if self.token is not None:
            self.progress += 1
            try:
                task = asyncio.get_running_loop().create_task(
                    self.ctx.report_progress(self.progress, None, text))
            except RuntimeError:
                return
            self.sent.append(task)

    async def flush(self):
        if self.sent:
            await asyncio.gather(*self.sent, return_exceptions=True)


class RunResult(TypedDict):
    """The structured content of a run_python_code call."""
    status: str                     # "success" or "error"
    stdout: str
    stderr: str
    return_value: Any               # the last expression's value (or `return`'s), as JSON
    error: Optional[dict]           # {"type", "message", "traceback", "hint"} or None


def create_server(limits=None, functions=None, name="monty"):
    """An `mcp.server.MCPServer` offering `run_python_code` on one Sandbox (the state of the
    client session: over stdio a server process serves one client)."""
    from mcp.server import MCPServer
    from mcp.server.mcpserver import Context
    from mcp.types import CallToolResult, TextContent

    if limits is None:
        limits = Limits()
    functions = dict(functions or {})
    # The stdio transport serves one client per server process, and MCP's 2026 protocol has no
    # connection that outlives a request: the client session is the server's lifetime.
    state = _Session(limits, functions)
    probe = Sandbox(functions=functions, limits=limits)
    description = (
        "Run Python code in a sandbox and get back its result, printed output and any error "
        "(with a traceback). State persists between calls in this session.\n"
        + _prompt.instructions(probe))
    del probe
    server = MCPServer(name, instructions=description)

    async def run_python_code(python_code: str, global_variables: dict[str, Any] | None = None,
                              ctx: Context = None) -> RunResult:
        run = _Run(ctx)
        value = error = None
        if state.run is not None:
            error = MontyError("another run_python_code call of this session is running; "
                               "wait for it to finish")
        else:
            state.run = run
            try:
                value = await state.sandbox.run_async(python_code,
                                                      inputs=global_variables or None)
            except MontyTypeError as e:
                # (JSON arguments are plain data: this is the program's value, computed after
                # the code ran to its end, that cannot leave the sandbox)
                value = _prompt.unshown_value(e)
            except MontyError as e:
                error = e
            except TypeError as e:      # bad global_variables (names, values)
                error = MontyError(str(e))
            finally:
                state.run = None
        await run.flush()
        report = {"status": "error" if error is not None else "success",
                  "stdout": "".join(run.stdout), "stderr": "".join(run.stderr),
                  "return_value": None if error is not None else _jsonable(value),
                  "error": _prompt.error_report(error) if error is not None else None}
        return CallToolResult(content=[TextContent(type="text", text=_text(report))],
                              structured_content=report, is_error=error is not None)

    server.add_tool(run_python_code, name=TOOL_NAME, description=description)
    return server


def _parser():
    from ..cli import _LIMIT_FLAGS, _number
    p = argparse.ArgumentParser(
        prog="monty-mcp", description="An MCP server (stdio) with a run_python_code tool that "
                                      "runs Python in a monty sandbox, one per client session.")
    for flag, field, kind in _LIMIT_FLAGS:
        p.add_argument(flag, dest=field, type=_number(kind), default=argparse.SUPPRESS,
                       metavar="N", help=f"Limits.{field} ('none': no cap)")
    p.add_argument("--functions", "--tools", dest="functions", action="append", default=[],
                   metavar="MODULE[:NAME]",
                   help="host functions the code may call: a module (its __all__, else its "
                        "public functions) or MODULE:NAME (a dict or list of functions); "
                        "repeatable")
    p.add_argument("--name", default="monty", help="the server's name (default: monty)")
    return p


def main(argv=None):
    parser = _parser()
    args = parser.parse_args(argv)
    from ..cli import _LIMIT_FLAGS
    limits = Limits(**{field: getattr(args, field) for _, field, _ in _LIMIT_FLAGS
                       if hasattr(args, field)})
    functions = {}
    for spec in args.functions:
        try:
            functions.update(load_functions(spec))
        except Exception as e:
            parser.error(f"--functions {spec}: {type(e).__name__}: {e}")
    server = create_server(limits, functions, name=args.name)
    server.run("stdio")
    return 0


if __name__ == "__main__":
    sys.exit(main())
