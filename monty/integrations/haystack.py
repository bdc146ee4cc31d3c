"""Haystack: `MontyPythonTool`, a `haystack.tools.Tool` that runs a Python program in a monty
Sandbox (kept across calls: names, functions and imports persist).

    from haystack.components.agents import Agent
    from monty.integrations.haystack import MontyPythonTool

    agent = Agent(chat_generator=..., tools=[MontyPythonTool(tools=[weather_tool])])

`tools` (Haystack Tools) and `functions` (name -> importable function) are the host functions
the program calls; their stubs are in the tool's description. The result is
`{"result", "stdout", "error"}` (error: None or `{"type", "message", "traceback", "hint"}`).
`to_dict()`/`from_dict()` round-trip the tool (its tools, functions by import path, limits),
so pipelines and agents that hold it serialize as usual (the modules of `functions` and of the
tools' functions must be on Haystack's deserialization allowlist, as for any Tool)."""

from .. import Limits, Sandbox
from ..limits import FIELDS
from . import _tools, prompt

try:
    from haystack.core.serialization import generate_qualified_class_name
    from haystack.core.serialization_security import allow_deserialization_module
    from haystack.tools import Tool
    from haystack.tools.serde_utils import (deserialize_tools_or_toolset_inplace,
                                            serialize_tools_or_toolset)
    from haystack.utils import deserialize_callable, serialize_callable
except ImportError as e:    # pragma: no cover - the extra is not installed
    raise ImportError('monty.integrations.haystack needs haystack-ai: '
                      'pip install "monty-sandbox[haystack]"') from e

# Haystack refuses to deserialize classes from modules not on its allowlist: this module's one
# class is safe to rebuild (its data is a name, a description, limits, and tools and functions
# that are themselves checked against the allowlist). In a process that loads a pipeline before
# importing this module, allow it with
# haystack.core.serialization.allow_deserialization_module("monty.integrations.haystack").
allow_deserialization_module(__name__)

_PARAMETERS = {
    "type": "object",
    "properties": {"code": {"type": "string", "description": "The Python program to run."}},
    "required": ["code"],
}
_LIMIT_FIELDS = tuple(name for name, _ in FIELDS)


def _host_functions(tools, functions):
    """name -> host function: the functions as given; a Tool with a sync `function` called
    through `invoke`, one with only an `async_function` through `invoke_async` (awaited in the
    sandbox; the calls a program gathers run concurrently)."""
    out = dict(functions or {})
    for tool in tools:
        is_async = tool.function is None
        if is_async:
            async def call(args, tool=tool):
                return await tool.invoke_async(**args)
        else:
            def call(args, tool=tool):
                return tool.invoke(**args)
        out[tool.name] = _tools.host_function(tool.name, tool.parameters, tool.description,
                                              call, is_async=is_async)
    return out


class MontyPythonTool(Tool):
    """A Haystack Tool running Python in a monty Sandbox (see the module docstring).

    name: the tool's name ("run_python"); description: default, the sandbox instructions with
    the host functions' stubs; limits: monty.Limits for each program.
    """

    def __init__(self, *, name="run_python", description=None, tools=None, functions=None,
                 limits=None):
        if limits is not None and not isinstance(limits, Limits):
            raise TypeError(f"limits must be a monty.Limits, not {type(limits).__name__}")
        tools = list(tools or ())
        for t in tools:
            if not isinstance(t, Tool):
                raise TypeError(f"tools must be haystack Tools, not {type(t).__name__}")
        functions = dict(functions or {})
        self.host_tools = tools
        self.host_functions = functions
        self.limits = limits
        self._captured = _tools.Captured()
        self.sandbox = Sandbox(functions=_host_functions(tools, functions), limits=limits,
                               print_callback=self._captured)
        if description is None:
            description = ("Run a Python program and get its result, its printed output and any "
                           "error.\n" + prompt.instructions(self.sandbox))
        super().__init__(name=name, description=description, parameters=_PARAMETERS,
                         function=self._run, async_function=self._arun)

    def _run(self, code):
        return _report(self.sandbox.execute(code))

    async def _arun(self, code):
        return _report(await _tools.execute_async(self.sandbox, self._captured, code))

    def to_dict(self):
        limits = None
        if self.limits is not None:
            limits = {k: getattr(self.limits, k) for k in _LIMIT_FIELDS}
        data = {
            "name": self.name,
            "description": self.description,
            "tools": serialize_tools_or_toolset(self.host_tools) if self.host_tools else None,
            "functions": {k: serialize_callable(f) for k, f in self.host_functions.items()},
            "limits": limits,
        }
        return {"type": generate_qualified_class_name(type(self)), "data": data}

    @classmethod
    def from_dict(cls, data):
        inner = dict(data["data"])
        if inner.get("tools"):
            deserialize_tools_or_toolset_inplace(inner, key="tools")
        functions = {k: deserialize_callable(v) for k, v in (inner.get("functions") or {}).items()}
        limits = Limits(**inner["limits"]) if inner.get("limits") else None
        return cls(name=inner["name"], description=inner.get("description"),
                   tools=inner.get("tools"), functions=functions, limits=limits)


def _report(outcome):
    rep = _tools.report(outcome)
    return {"result": rep["result"], "stdout": rep["stdout"] + rep["stderr"],
            "error": rep["error"]}
