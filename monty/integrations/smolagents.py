"""monty as the code executor of a smolagents `CodeAgent`:

    from monty.integrations.smolagents import MontyExecutor
    agent = CodeAgent(tools=[...], model=model, executor=MontyExecutor())

The agent's code runs in one `monty.Sandbox` that lives as long as the executor, so variables,
functions and imports persist across steps and across `agent.run` calls (a new tool set keeps
them: `Sandbox.set_functions`). Tools stay on the host: the program runs under `start()`, pauses
at each tool call, the tool runs here and the program resumes with its result (or its exception,
raised at the call site). A call to `final_answer(...)` ends the step there, so no `try/except`
in the model's code can swallow it. Printed text is collected per step and reported in
`state["_print_outputs"]` even when the code then fails; an error reaches the model as the
sandbox traceback (with source lines) and a one-line hint (`monty.integrations.prompt`).
"""

from .. import Call, Done, Limits, MontyError, MontyTypeError, Pending, Sandbox
from . import prompt as _prompt

try:    # (a lazy base: importing this module without smolagents still names the class)
    from smolagents.local_python_executor import CodeOutput, InterpreterError, PythonExecutor
except ImportError as _e:    # pragma: no cover - exercised only without the extra
    _IMPORT_ERROR = _e

    class PythonExecutor:       # noqa: D401 - placeholder base
        def __init__(self, *args, **kwargs):
            raise ImportError("monty.integrations.smolagents needs smolagents: "
                              "pip install 'monty-sandbox[smolagents]'") from _IMPORT_ERROR

    CodeOutput = InterpreterError = None

__all__ = ["MontyExecutor"]

_PLAIN_SCALARS = (str, int, float, bytes)


class MontyExecutor(PythonExecutor):
    """A smolagents `PythonExecutor` that runs the agent's code in a monty sandbox.

    Args:
        limits: a `monty.Limits` for every step (default: `monty.Limits()` with
            `max_output=50_000`, smolagents' cap on printed text; `max_duration` counts sandbox
            time only, `max_wall_time` includes the tools' time).
        additional_authorized_imports, logger, **kwargs: accepted for the signature smolagents
            gives executors (`executor_kwargs`); the sandbox decides what may be imported
            (see `instructions()`), so they change nothing.
    """

    def __init__(self, additional_authorized_imports=None, logger=None, *, limits=None,
                 **kwargs):
        if limits is None:
            # smolagents' own cap on a step's printed text (DEFAULT_MAX_LEN_OUTPUT)
            limits = Limits(max_output=kwargs.get("max_print_outputs_length") or 50_000)
        self.limits = limits
        self.logger = logger
        self._logs = []
        self._tools = {}
        self._variables = {}
        self.sandbox = None
        self.state = {"_print_outputs": ""}
        self._new_sandbox()

    # -- the PythonExecutor interface ----------------------------------------------------

    def send_tools(self, tools):
        """Tools (and managed agents) the code may call, by name. Called by the agent at the
        start of every run; the sandbox's globals are kept."""
        self._tools = dict(tools)
        self.sandbox.set_functions(self._functions())

    def _functions(self):
        # start() pauses at every call, so the sandbox only needs the names (the callables
        # give describe_functions() their signatures); final_answer is always there
        functions = {"final_answer": _final_answer}
        functions.update((name, tool) for name, tool in self._tools.items()
                         if isinstance(name, str) and name.isidentifier())
        return functions

    def _new_sandbox(self):
        self.sandbox = Sandbox(functions=self._functions(), limits=self.limits,
                               print_callback=self._logs.append)

    def send_variables(self, variables):
        """Variables (the agent's `additional_args`) to define in the sandbox before the next
        step. Values that are not plain data (see `monty.Sandbox`) cannot enter and are
        skipped, with a note in the next step's logs."""
        self._variables.update(variables)
        self.state.update(variables)

    def __call__(self, code_action):
        logs = self._logs
        del logs[:]
        self.state["_print_outputs"] = ""
        inputs = self._take_variables()
        try:
            step = self.sandbox.start(code_action, inputs=inputs)
            while True:
                if isinstance(step, Done):
                    return self._output(step.value, False)
                if isinstance(step, Call):
                    if step.function_name == "final_answer":
                        # the step ends here: the paused program is dropped, never resumed
                        tool = self._tools.get("final_answer", _final_answer)
                        return self._output(tool(*step.args, **step.kwargs), True)
                    step = self._answer(step)
                elif isinstance(step, Pending):
                    step = self._answer_all(step)
                else:   # pragma: no cover - the API returns only the three
                    raise TypeError(f"unexpected step {step!r}")
        except MontyTypeError as error:
            # the code ran to its end; only its last value cannot leave the sandbox (raising
            # here would make the model redo what the code did)
            return self._output(_prompt.unshown_value(error), False)
        except MontyError as error:
            self.state["_print_outputs"] = "".join(logs)
            raise InterpreterError(_prompt.error_text(error)) from None

    def cleanup(self):
        """Forget the sandbox's state (a new, empty sandbox with the same tools)."""
        self._new_sandbox()
        self._variables.clear()

    # -- helpers --------------------------------------------------------------------------

    def instructions(self):
        """What the sandbox offers, for a system prompt (`monty.integrations.prompt`)."""
        return _prompt.instructions(self.sandbox)

    def _output(self, value, is_final):
        self.state["_print_outputs"] = "".join(self._logs)
        return CodeOutput(output=value, logs=self.state["_print_outputs"],
                          is_final_answer=is_final)

    def _take_variables(self):
        """The pending variables that can enter the sandbox; the others are noted in logs."""
        if not self._variables:
            return None
        inputs = {}
        for name, value in self._variables.items():
            if not (isinstance(name, str) and name.isidentifier()) or name == "_print_outputs":
                continue
            try:
                self.sandbox.run("None", inputs={name: value})
            except (MontyError, TypeError):
                self._logs.append(f"[variable {name!r} ({type(value).__name__}) is not plain "
                                  f"data and was not passed to the sandbox]\n")
                continue
            inputs[name] = value
        self._variables.clear()
        return inputs or None

    def _call_tool(self, call):
        """Run the tool a paused call names: ("ok", value) or ("error", exception)."""
        tool = self._tools.get(call.function_name)
        if tool is None:
            return "error", NameError(f"name '{call.function_name}' is not defined")
        try:
            return "ok", tool(*call.args, **call.kwargs)
        except Exception as e:
            return "error", e

    def _answer(self, call):
        kind, value = self._call_tool(call)
        if kind == "error":
            return call.resume_error(value)
        try:
            return call.resume(value)
        except MontyTypeError as e:
            if not _refused_in(e):
                raise       # (the program's value at its end, from the run resumed)
            plain = _plain(value)
            if plain is not None:
                return call.resume(plain)
            return call.resume_error(TypeError(
                f"{call.function_name}() returned {type(value).__name__}, which the sandbox "
                f"cannot hold ({e})"))

    def _answer_all(self, pending):
        results, errors = {}, {}
        for call in pending.calls:
            kind, value = self._call_tool(call)
            if kind == "error":
                errors[call.call_id] = value
            else:
                plain = _plain(value)
                results[call.call_id] = value if plain is None else plain
        try:
            return pending.resume(results=results, errors=errors)
        except MontyTypeError as e:
            if not _refused_in(e):
                raise
            return pending.resume(errors={k: TypeError(f"a tool returned a value the sandbox "
                                                       f"cannot hold ({e})") for k in
                                          list(results) + list(errors)})


def _refused_in(error):
    """Whether a MontyTypeError refused a value going into the sandbox (a tool's result; the
    program did not resume), not the program's value coming out at its end."""
    return "into the sandbox" in str(error)


def _final_answer(answer):
    """Provides a final answer to the given problem (ends the step)."""
    return answer


def _plain(value):
    """A subclass of a plain scalar (smolagents' AgentText is a str) as the base value."""
    for kind in _PLAIN_SCALARS:
        if isinstance(value, kind) and type(value) is not kind and not isinstance(value, bool):
            return kind(value)
    return None
