"""pydantic-ai: `MontyCodeToolset`, an `AbstractToolset` that folds an agent's tools into one
`run_code` tool whose Python program runs in a monty Sandbox.

    from pydantic_ai import Agent
    from monty.integrations.pydantic_ai import MontyCodeToolset

    agent = Agent(model, toolsets=[MontyCodeToolset([get_weather, search])])

The model sees one tool, `run_code(code)`, whose description is the sandbox instructions with
every folded tool as a Python stub (`async def get_weather(city: str) -> ...`). The program
runs on the agent's event loop (`Sandbox.run_async`): each tool call goes through the wrapped
toolset (its argument validation included), and calls the program gathers with
`asyncio.gather` run concurrently. The Sandbox is kept across calls and runs (a REPL: names,
functions and imports persist). An error, a limit or a syntax error goes back to the model as
a retry prompt with the sandbox traceback, its source lines and a one-line hint."""

from typing import Any

from .. import Limits, Sandbox
from . import _tools, prompt

try:
    from pydantic import TypeAdapter
    from pydantic_ai.exceptions import ModelRetry
    from pydantic_ai.tools import ToolDefinition
    from pydantic_ai.toolsets import AbstractToolset, FunctionToolset, ToolsetTool
    from typing_extensions import TypedDict
except ImportError as e:    # pragma: no cover - the extra is not installed
    raise ImportError('monty.integrations.pydantic_ai needs pydantic-ai: '
                      'pip install "monty-sandbox[pydantic-ai]"') from e


class _RunCodeArgs(TypedDict):
    code: str


_ARGS_VALIDATOR = TypeAdapter(_RunCodeArgs).validator
_ARGS_SCHEMA = {
    "type": "object",
    "properties": {"code": {"type": "string", "description": "The Python program to run."}},
    "required": ["code"],
    "additionalProperties": False,
}


class MontyCodeToolset(AbstractToolset):
    """One `run_code` tool over the tools of `toolset` (an AbstractToolset, or a list of tool
    functions / `pydantic_ai.Tool`s made into a FunctionToolset).

    limits: monty.Limits for each program (default monty.Limits()).
    tool_name: the name the model calls (default "run_code").
    max_retries: how many failed programs in a row the model may retry (default 3).
    """

    def __init__(self, toolset=None, *, limits=None, tool_name="run_code", max_retries=3,
                 id=None):
        if toolset is None:
            toolset = FunctionToolset([])
        elif not isinstance(toolset, AbstractToolset):
            toolset = FunctionToolset(list(toolset))
        if limits is not None and not isinstance(limits, Limits):
            raise TypeError(f"limits must be a monty.Limits, not {type(limits).__name__}")
        self.wrapped = toolset
        self.tool_name = tool_name
        self.max_retries = max_retries
        self._id = id
        self._captured = _tools.Captured()
        self.sandbox = Sandbox(limits=limits, print_callback=self._captured)

    @property
    def id(self):
        return self._id

    async def __aenter__(self):
        await self.wrapped.__aenter__()
        return self

    async def __aexit__(self, *args):
        return await self.wrapped.__aexit__(*args)

    def apply(self, visitor):
        visitor(self)

    # -- the one tool --------------------------------------------------------------------------

    def _functions(self, inner, ctx):
        functions = {}
        for name, tool in inner.items():
            if not name.isidentifier():
                continue
            functions[name] = _tools.host_function(
                name, tool.tool_def.parameters_json_schema, tool.tool_def.description,
                self._caller(name, tool, ctx), is_async=True)
        return functions

    def _caller(self, name, tool, ctx):
        async def call(args):
            validated = tool.args_validator.validate_python(args)
            return await self.wrapped.call_tool(name, validated, ctx, tool)
        return call

    def description(self, functions):
        """The run_code tool's description: the sandbox instructions with the tools' stubs."""
        sandbox = Sandbox()
        sandbox.set_functions(functions)
        return ("Run a Python program in a sandbox and get its result and printed output. "
                "Call the functions below from the program (they are async: use `await`, "
                "and `asyncio.gather` to run several at once).\n\n"
                + prompt.instructions(sandbox))

    async def get_tools(self, ctx):
        inner = await self.wrapped.get_tools(ctx)
        tool_def = ToolDefinition(
            name=self.tool_name,
            parameters_json_schema=_ARGS_SCHEMA,
            description=self.description(self._functions(inner, ctx)),
            sequential=True,
        )
        return {self.tool_name: ToolsetTool(toolset=self, tool_def=tool_def,
                                            max_retries=self.max_retries,
                                            args_validator=_ARGS_VALIDATOR)}

    async def call_tool(self, name, tool_args, ctx, tool) -> Any:
        code = tool_args["code"]
        inner = await self.wrapped.get_tools(ctx)
        # (run_code is sequential: pydantic-ai never runs two of its calls at once)
        self.sandbox.set_functions(self._functions(inner, ctx))
        outcome = await _tools.execute_async(self.sandbox, self._captured, code)
        if outcome.error is not None:
            text = prompt.error_text(outcome.error)
            if outcome.stdout:
                text = "Printed before the error:\n" + outcome.stdout + "\n" + text
            raise ModelRetry(text)
        return {"result": outcome.value, "stdout": outcome.stdout}
