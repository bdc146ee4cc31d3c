"""monty as the sandbox of FastMCP's code mode:

    from fastmcp.experimental.transforms.code_mode import CodeMode
    from monty.integrations.fastmcp import MontySandboxProvider
    mcp.add_transform(CodeMode(sandbox_provider=MontySandboxProvider()))

`MontySandboxProvider` implements FastMCP's `SandboxProvider` protocol
(`async run(code, *, inputs=None, external_functions=None)`). Each run is a fresh
`monty.Sandbox` on the caller's event loop (`Sandbox.run_async`): the code's `await call_tool(...)`
calls are tasks of that loop, those it gathers run concurrently, cancelling the run (a client
that disconnects, CodeMode's wall-clock limit) stops the sandbox at its next instruction and
cancels the tool calls in flight, and when `run` returns no tool call of it is still running.
An error reaches the model as a `ToolError` carrying the sandbox traceback with source lines,
a one-line hint and what the code printed (`monty.integrations.prompt`).
"""

from .. import Limits, MontyError, MontyTypeError, Sandbox
from . import prompt as _prompt

__all__ = ["MontySandboxProvider"]


class MontySandboxProvider:
    """FastMCP `SandboxProvider` backed by monty.

    Args:
        limits: a `monty.Limits` for every run (default `monty.Limits()`: 5 s of sandbox time,
            256 MB; `max_duration` excludes time spent awaiting tools, `max_wall_time`
            includes it), or a dict of its fields; the keys of FastMCP's own provider
            (`max_feed_duration_secs`, `max_memory`, `max_recursion_depth`) are understood too,
            the other limits keeping monty's defaults. An unknown key is a ValueError.
    """

    def __init__(self, *, limits=None):
        if limits is None:
            limits = Limits()
        elif isinstance(limits, dict):
            limits = _limits_from_dict(limits)
        if not isinstance(limits, Limits):
            raise TypeError(f"limits must be a monty.Limits or a dict, not "
                            f"{type(limits).__name__}")
        self.limits = limits
        # (a sandbox given an async function compiles its asyncio module once per process:
        # done here rather than inside the first timed run)
        Sandbox(functions={"call_tool": _warm})

    async def run(self, code, *, inputs=None, external_functions=None):
        """Run `code` (top-level `await` and `return` allowed) with `inputs` as globals and
        `external_functions` (sync or async callables) callable by name; its value."""
        printed = []
        sandbox = Sandbox(functions=dict(external_functions or {}), limits=self.limits,
                          print_callback=printed.append)
        try:
            return await sandbox.run_async(code, inputs=inputs or None)
        except MontyTypeError as error:
            if "out of the sandbox" not in str(error):
                raise       # (the host's inputs)
            # the code ran to its end (its tool calls made); only its value cannot leave
            return _prompt.unshown_value(error)
        except MontyError as error:
            from fastmcp.exceptions import ToolError
            text = _prompt.error_text(error)
            if printed:
                text = "Printed before the error:\n" + "".join(printed).rstrip("\n") + "\n\n" + text
            raise ToolError(text) from None

    def instructions(self):
        """What the sandbox offers (modules, how to return a value), for `execute_description`;
        CodeMode adds `call_tool` itself."""
        return _prompt.instructions(None)


_FASTMCP_KEYS = {"max_feed_duration_secs": "max_duration", "max_memory": "max_memory",
                 "max_recursion_depth": "max_recursion_depth"}


def _limits_from_dict(given):
    from monty.limits import FIELDS
    _LIMIT_FIELDS = [name for name, _ in FIELDS]
    fields = {}
    for key, value in given.items():
        field = _FASTMCP_KEYS.get(key, key)
        if field not in _LIMIT_FIELDS:
            known = sorted(set(_LIMIT_FIELDS) | set(_FASTMCP_KEYS))
            raise ValueError(f"unknown limit {key!r}; known: {', '.join(known)}")
        fields[field] = value
    return Limits(**fields)


async def _warm(*args, **kwargs):     # pragma: no cover - never called
    return None
