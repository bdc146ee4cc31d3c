"""LangChain: `MontyTool`, a tool that runs Python in a monty Sandbox, and
`MontyCodeInterpreterMiddleware`, which gives a `create_agent` agent an `eval_python` tool over
chosen LangChain tools.

    from langchain.agents import create_agent
    from monty.integrations.langchain import MontyCodeInterpreterMiddleware

    agent = create_agent(model, tools=[],
                         middleware=[MontyCodeInterpreterMiddleware(tools=[get_weather])])

`eval_python(code)` runs the program in the thread's Sandbox (one per LangGraph thread: names,
functions and imports persist between calls of that thread), calls the chosen tools on the host
and returns `{"result", "stdout", "error"}` (error: None or `{"type", "message", "traceback",
"hint"}`, the sandbox traceback with its source lines). The tools' signatures are rendered as
Python stubs into the system prompt. With a LangGraph store, each thread's Sandbox is saved
there after every call (`Sandbox.dump`) and restored in a new process; when a tool called by
the program raises a human-in-the-loop `interrupt()`, the program paused at that call is saved
in the store, and the replay after `Command(resume=...)` resumes it there: the tool calls made
before the interrupt are not made again."""

import base64

from .. import Call, Done, Limits, MontyError, Outcome, Pending, Sandbox, load
from . import _tools, prompt

try:
    from langchain_core.messages import SystemMessage
    from langchain_core.tools import BaseTool, StructuredTool
    from langgraph.errors import GraphBubbleUp
    from langgraph.types import interrupt
    from pydantic import BaseModel, ConfigDict, Field, PrivateAttr
except ImportError as e:    # pragma: no cover - the extra is not installed
    raise ImportError('monty.integrations.langchain needs langchain: '
                      'pip install "monty-sandbox[langchain]"') from e

try:
    from langchain.agents.middleware import AgentMiddleware
    from langchain.tools import ToolRuntime
except ImportError:         # pragma: no cover - langchain-core alone: MontyTool only
    AgentMiddleware = object
    ToolRuntime = None


class _CodeInput(BaseModel):
    code: str = Field(description="The Python program to run.")


def _tool_schema(tool):
    schema = tool.tool_call_schema
    if isinstance(schema, dict):
        return schema
    return schema.model_json_schema()


def _is_async(tool):
    """Whether sandbox code awaits this tool: a tool with only a coroutine (`@tool async def`);
    every other tool is called like a plain function (the same in invoke and ainvoke, so the
    stubs in the prompt hold for both)."""
    return getattr(tool, "func", 1) is None and getattr(tool, "coroutine", None) is not None


def _host_functions(tools, functions=None):
    """name -> host function: plain callables as given; LangChain tools called through
    `invoke` (sync tools) or `ainvoke` (async-only tools: awaited in the sandbox, and calls the
    program gathers run concurrently)."""
    out = dict(functions or {})
    for tool in tools:
        if _is_async(tool):
            async def call(args, tool=tool):
                return await tool.ainvoke(args)
        else:
            def call(args, tool=tool):
                return tool.invoke(args)
        out[tool.name] = _tools.host_function(tool.name, _tool_schema(tool), tool.description,
                                              call, is_async=_is_async(tool))
    return out


def _run_coroutine(coro):
    """Run `coro` to its end from synchronous code (on a helper thread when this thread
    already runs an event loop), in the caller's context (LangGraph's config included)."""
    import asyncio
    import contextvars
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(coro)
    from concurrent.futures import ThreadPoolExecutor
    ctx = contextvars.copy_context()
    with ThreadPoolExecutor(1) as pool:
        return pool.submit(ctx.run, asyncio.run, coro).result()


def _check_tools(tools):
    tools = list(tools or ())
    for t in tools:
        if not isinstance(t, BaseTool):
            raise TypeError(f"tools must be LangChain tools (BaseTool), not {type(t).__name__}")
        if not t.name.isidentifier():
            raise ValueError(f"tool name {t.name!r} is not a Python identifier")
    return tools


def _report(outcome):
    rep = _tools.report(outcome)
    return {"result": rep["result"], "stdout": rep["stdout"] + rep["stderr"],
            "error": rep["error"]}


class MontyTool(BaseTool):
    """A LangChain tool (sync and async) that runs a Python program in a monty Sandbox kept
    across calls. `tools` (LangChain tools) and `functions` (name -> callable) are the host
    functions the program may call; its description tells the model what the sandbox offers.
    Returns {"result", "stdout", "error"}."""

    name: str = "python"
    description: str = ""
    args_schema: type[BaseModel] = _CodeInput
    model_config = ConfigDict(arbitrary_types_allowed=True)

    _sandbox: Sandbox = PrivateAttr()
    _captured: object = PrivateAttr()
    _host_tools: list = PrivateAttr()
    _functions: dict = PrivateAttr()

    def __init__(self, *, tools=(), functions=None, limits=None, **kwargs):
        if limits is not None and not isinstance(limits, Limits):
            raise TypeError(f"limits must be a monty.Limits, not {type(limits).__name__}")
        tools = _check_tools(tools)
        sync_functions = _host_functions(tools, functions)
        if not kwargs.get("description"):
            docs = Sandbox(functions=sync_functions)
            kwargs["description"] = ("Run a Python program and get its result, its printed output "
                                     "and any error.\n" + prompt.instructions(docs))
        super().__init__(**kwargs)
        self._captured = _tools.Captured()
        self._sandbox = Sandbox(functions=sync_functions, limits=limits,
                                print_callback=self._captured)
        self._host_tools = tools
        self._functions = dict(functions or {})

    @property
    def sandbox(self):
        return self._sandbox

    def _run(self, code, run_manager=None):
        return _report(self._sandbox.execute(code))

    async def _arun(self, code, run_manager=None):
        return _report(await _tools.execute_async(self._sandbox, self._captured, code))


# ---------------------------------------------------------------------------------------------
# the middleware

_DESCRIPTION = ("Evaluate a Python program in a sandbox that keeps its variables between calls. "
                "Returns the value of its last expression (or of a top-level `return`) as "
                "`result`, its printed output as `stdout`, and `error` (with the traceback) if "
                "it failed. The functions it can call are listed in the system prompt.")


class MontyCodeInterpreterMiddleware(AgentMiddleware):
    """Adds an `eval_python` tool over `tools` (LangChain tools the program calls as Python
    functions on the host) and puts the sandbox instructions with their stubs into the system
    prompt. One Sandbox per LangGraph thread (`config["configurable"]["thread_id"]`).

    limits: monty.Limits for each program. tool_name: the tool's name ("eval_python").
    secret: HMAC key for the snapshots kept in the store (recommended when the store is shared).
    namespace: the store namespace prefix (("monty",)).
    """

    def __init__(self, tools=(), *, limits=None, tool_name="eval_python", secret=None,
                 namespace=("monty",)):
        super().__init__()
        if limits is not None and not isinstance(limits, Limits):
            raise TypeError(f"limits must be a monty.Limits, not {type(limits).__name__}")
        self.host_tools = _check_tools(tools)
        self.limits = limits
        self.secret = secret
        self.namespace = tuple(namespace)
        self._sessions = {}             # thread id -> Sandbox
        self._paused = {}               # (thread id, tool call id) -> (Call | Pending, interrupts)
        self._outputs = {}              # thread id -> what its Sandbox printed
        docs = Sandbox(functions=_host_functions(self.host_tools))
        self.system_prompt = (
            f"You can run Python with the `{tool_name}` tool.\n" + prompt.instructions(docs))

        def eval_python(code: str, runtime: ToolRuntime) -> dict:
            return self._eval(code, runtime)

        async def aeval_python(code: str, runtime: ToolRuntime) -> dict:
            return await self._aeval(code, runtime)

        self.tools = [StructuredTool.from_function(
            func=eval_python, coroutine=aeval_python, name=tool_name, description=_DESCRIPTION,
            args_schema=_CodeInput, infer_schema=False)]

    # -- the system prompt ---------------------------------------------------------------------

    def _with_prompt(self, request):
        if request.system_message is not None:
            content = [*request.system_message.content_blocks,
                       {"type": "text", "text": "\n\n" + self.system_prompt}]
        else:
            content = [{"type": "text", "text": self.system_prompt}]
        return request.override(system_message=SystemMessage(content=content))

    def wrap_model_call(self, request, handler):
        return handler(self._with_prompt(request))

    async def awrap_model_call(self, request, handler):
        return await handler(self._with_prompt(request))

    # -- sessions ------------------------------------------------------------------------------

    @staticmethod
    def _thread(runtime):
        config = getattr(runtime, "config", None) or {}
        thread = (config.get("configurable") or {}).get("thread_id")
        return "default" if thread is None else str(thread)

    def _output(self, thread):
        out = self._outputs.get(thread)
        if out is None:
            out = self._outputs[thread] = _tools.Captured()
        return out

    def session(self, thread_id="default", store=None):
        """The Sandbox of a thread (restored from the store, or new)."""
        sb = self._sessions.get(thread_id)
        if sb is None:
            item = store.get(self.namespace + ("sessions",), thread_id) if store else None
            if item is not None:
                try:
                    sb = Sandbox.load(base64.b64decode(item.value["sandbox"]), functions=(
                        _host_functions(self.host_tools)), limits=self.limits,
                        print_callback=self._output(thread_id), secret=self.secret)
                except (MontyError, KeyError, ValueError, TypeError):
                    sb = None       # (unreadable: a fresh session rather than a failed tool)
            if sb is None:
                sb = Sandbox(limits=self.limits, print_callback=self._output(thread_id))
            self._sessions[thread_id] = sb
        return sb

    def _save_session(self, store, thread, sb):
        if store is None:
            return
        try:
            blob = sb.dump(secret=self.secret)
        except MontyError:
            return          # (a value that cannot be saved: the session stays in memory only)
        store.put(self.namespace + ("sessions",), thread,
                  {"sandbox": base64.b64encode(blob).decode("ascii")})

    # -- a program run with start(): every host call pauses, so a tool's interrupt() leaves a
    # program that can be saved and resumed at that call

    def _begin(self, code, runtime):
        store = getattr(runtime, "store", None)
        thread = self._thread(runtime)
        key = (thread, getattr(runtime, "tool_call_id", None) or "")
        functions = _host_functions(self.host_tools)
        self._output(thread).take()
        paused = self._paused.pop(key, None)
        if paused is None and store is not None:
            item = store.get(self.namespace + ("paused", thread), key[1])
            if item is not None:
                try:
                    paused = (base64.b64decode(item.value["program"]),
                              int(item.value["interrupts"]))
                except (KeyError, ValueError, TypeError):
                    paused = None
        if paused is not None:
            program, done_before = paused
            if isinstance(program, bytes):
                try:
                    program = load(program, functions=functions, limits=self.limits,
                                   print_callback=self._output(thread), secret=self.secret)
                except MontyError:
                    program = None  # (unreadable: the program starts over, not the tool failing)
            if program is not None:
                # interrupt() answers by position within this tool call: the answers to the
                # interrupts before the one this program paused at are consumed again, in order
                for _ in range(done_before):
                    interrupt(None)
                return store, thread, key, program, done_before, True
        sb = self.session(thread, store)
        sb.set_functions(functions)
        try:
            step = sb.start(code)
        except MontyError as e:
            step = e
        return store, thread, key, step, 0, False

    def _pause(self, store, key, step, interrupts):
        """A tool interrupted the program at `step`: keep it, as snapshot bytes (in the store
        when there is one), so later runs of the thread's session cannot make it stale."""
        try:
            blob = step.dump(secret=self.secret)
        except MontyError:
            self._paused[key] = (step, interrupts)  # (state that cannot be saved: in memory)
            return
        if store is None:
            self._paused[key] = (blob, interrupts)
            return
        store.put(self.namespace + ("paused", key[0]), key[1],
                  {"program": base64.b64encode(blob).decode("ascii"), "interrupts": interrupts})

    def _finish(self, store, thread, key, sb, resumed, value, error):
        self._paused.pop(key, None)
        if resumed and store is not None:
            store.delete(self.namespace + ("paused", thread), key[1])
        if sb is not None:
            self._sessions[thread] = sb
            self._save_session(store, thread, sb)
        return _report(Outcome(value, self._output(thread).take(), "", error))

    def _settle(self, store, key, step, calls, outcomes, interrupts):
        """Sort the tools' outcomes into results and errors; a human-in-the-loop interrupt
        saves the program paused at `step` and goes up to LangGraph."""
        results, errors = {}, {}
        for call, got in zip(calls, outcomes):
            if isinstance(got, GraphBubbleUp):
                self._pause(store, key, step, interrupts)
                raise got
            if isinstance(got, BaseException):
                if not isinstance(got, Exception):
                    raise got
                errors[call.call_id] = got
            else:
                results[call.call_id] = _tools.plain(got)
        return results, errors

    def _eval(self, code, runtime):
        store, thread, key, step, interrupts, resumed = self._begin(code, runtime)
        sb = step.sandbox if isinstance(step, (Call, Pending)) else self._sessions.get(thread)
        tools = {t.name: t for t in self.host_tools}
        counted = False
        while isinstance(step, (Call, Pending)):
            sb = step.sandbox
            if isinstance(step, Pending):
                calls = step.calls
                outcomes = _run_coroutine(_gather(tools, calls))
            else:
                calls = [step]
                try:
                    outcomes = [tools[step.function_name].invoke(_arguments(tools, step))]
                except Exception as e:
                    outcomes = [e]
            results, errors = self._settle(store, key, step, calls, outcomes, interrupts)
            step = _answer(step, results, errors)
            if resumed and not counted:
                # the call that raised the interrupt has now had its answer
                interrupts, counted = interrupts + 1, True
        if isinstance(step, MontyError):
            return self._finish(store, thread, key, sb, resumed, None, step)
        return self._finish(store, thread, key, sb, resumed, step.value, None)

    async def _aeval(self, code, runtime):
        # (store access, loading and the sandbox's own runs go to a worker thread, so neither
        # a store that must not be called on the loop nor sandbox compute blocks the loop;
        # the tools run on the loop, gathered)
        import asyncio
        store, thread, key, step, interrupts, resumed = await asyncio.to_thread(
            self._begin, code, runtime)
        sb = step.sandbox if isinstance(step, (Call, Pending)) else self._sessions.get(thread)
        tools = {t.name: t for t in self.host_tools}
        counted = False
        while isinstance(step, (Call, Pending)):
            sb = step.sandbox
            calls = step.calls if isinstance(step, Pending) else [step]
            outcomes = await _gather(tools, calls)
            if any(isinstance(got, GraphBubbleUp) for got in outcomes):
                await asyncio.to_thread(self._settle, store, key, step, calls, outcomes,
                                        interrupts)
            results, errors = self._settle(store, key, step, calls, outcomes, interrupts)
            step = await asyncio.to_thread(_answer, step, results, errors)
            if resumed and not counted:
                # the call that raised the interrupt has now had its answer
                interrupts, counted = interrupts + 1, True
        if isinstance(step, MontyError):
            value, error = None, step
        else:
            value, error = step.value, None
        return await asyncio.to_thread(self._finish, store, thread, key, sb, resumed, value,
                                       error)


async def _gather(tools, calls):
    """The tools' results (or exceptions) for `calls`, run concurrently through `ainvoke`."""
    import asyncio

    async def one(call):
        return await tools[call.function_name].ainvoke(_arguments(tools, call))
    return await asyncio.gather(*[one(c) for c in calls], return_exceptions=True)


def _arguments(tools, call):
    """The arguments of a paused host call, by the tool's parameter names."""
    fn = _tools.signature_from_schema(_tool_schema(tools[call.function_name]))
    bound = fn.bind(*call.args, **call.kwargs)
    return dict(bound.arguments)


def _answer(step, results, errors):
    """Resume `step` with the host calls' results and errors: the next Call, Pending, Done, or
    the MontyError the program ended with. A result the sandbox cannot hold is a TypeError
    raised in the program where it called the tool."""
    from ..errors import MontyTypeError
    try:
        try:
            if isinstance(step, Pending):
                return step.resume(results=results, errors=errors)
            if step.call_id in errors:
                return step.resume_error(errors[step.call_id])
            return step.resume(results[step.call_id])
        except MontyTypeError as e:
            refused = TypeError(f"a tool returned a value the sandbox cannot hold: {e}")
            try:
                if isinstance(step, Pending):
                    return step.resume(errors={**errors, **{k: refused for k in results}})
                return step.resume_error(refused)
            except MontyError:
                return e        # (the program's own value could not leave the sandbox)
    except MontyError as e:
        return e


__all__ = ["MontyTool", "MontyCodeInterpreterMiddleware"]
