"""DSPy: `MontyInterpreter`, a `dspy.CodeInterpreter` that runs code in a monty Sandbox.

    import dspy
    from monty.integrations.dspy import MontyInterpreter

    rlm = dspy.RLM("context, query -> answer", interpreter_factory=MontyInterpreter)
    # or, with limits: interpreter_factory=MontyInterpreter.factory(limits=monty.Limits(...))

The interpreter keeps one Sandbox for its session: variables, functions and imports persist
across `execute()` calls, also after an error or a limit (a limit stops one run, never the
session). `SUBMIT(...)` ends the run at once (sandbox code cannot catch it) and `execute()`
returns `FinalOutput`. A sandbox error, a limit or a syntax error is a `CodeExecutionError`
whose text is the sandbox traceback with its source lines and a one-line hint. `tools` is the
mutable dict DSPy fills before a run (each tool a host function, called on the host)."""

import keyword

from .. import Limits, MontyError, MontySyntaxError, Opaque, Sandbox
from . import prompt

_RESERVED = frozenset({"SUBMIT", "__builtins__"})


def _dspy():
    try:
        from dspy.primitives import code_interpreter
    except ImportError as e:    # pragma: no cover - the extra is not installed
        raise ImportError('monty.integrations.dspy needs dspy: pip install "monty-sandbox[dspy]"'
                          ) from e
    return code_interpreter


class _Submitted(SystemExit):
    """Raised by SUBMIT on the host: a host function's SystemExit unwinds the sandbox without
    running its handlers, so `try/except` in sandbox code cannot swallow the final answer."""

    def __init__(self, output):
        super().__init__()
        self.output = output


_BASE_RULES = (
    "Code runs in monty, a sandboxed Python interpreter inside the host process. "
    "Call SUBMIT(...) with the output fields to finish; it ends the run immediately. "
    "print() output and the value of the last expression are shown to you.")


class _Instructions:
    """`execution_instructions`, built on first use from monty.capabilities() (class access:
    the general text; an instance adds its tools' stubs)."""

    def __get__(self, obj, cls):
        if obj is None:
            return _BASE_RULES + "\n" + prompt.instructions(None)
        return _BASE_RULES + "\n" + prompt.instructions(obj._sandbox_for_docs())


class MontyInterpreter:
    """A DSPy CodeInterpreter on a monty Sandbox (see the module docstring).

    tools: host functions by name (callables; DSPy adds its own before each run).
    output_fields: [{"name", "type"?}] of the signature, for SUBMIT (DSPy sets it).
    limits: monty.Limits for each run (default monty.Limits()).
    """

    execution_instructions = _Instructions()

    def __init__(self, tools=None, output_fields=None, *, limits=None):
        if limits is not None and not isinstance(limits, Limits):
            raise TypeError(f"limits must be a monty.Limits, not {type(limits).__name__}")
        self.tools = dict(tools or {})
        self.output_fields = output_fields
        self.limits = limits
        self._sandbox = None
        self._installed = None      # (tool items, output_fields) the sandbox was given
        self._ended = False

    @classmethod
    def factory(cls, **config):
        """A zero-argument interpreter factory for `dspy.RLM(interpreter_factory=...)` that makes
        MontyInterpreter(**config); it carries `execution_instructions`."""
        return _Factory(cls, config)

    # -- the CodeInterpreter protocol ----------------------------------------------------------

    def start(self):
        ci = _dspy()
        if self._ended:
            raise ci.CodeInterpreterError("this MontyInterpreter has been shut down")
        if self._sandbox is None:
            self._sandbox = Sandbox(limits=self.limits)

    def execute(self, code, variables=None):
        ci = _dspy()
        if not isinstance(code, str):
            raise ci.CodeInterpreterError("code must be a string")
        variables = dict(variables or {})
        bad = [n for n in variables if not isinstance(n, str) or not n.isidentifier()
               or keyword.iskeyword(n) or n in _RESERVED or n in self.tools]
        if bad:
            raise ci.CodeInterpreterError(
                f"variable names must be identifiers distinct from SUBMIT and the tools: {bad!r}")
        if "__dspy_host_token" in variables:
            # DSPy's sub-agent facade builds a module object and edits sys.modules / builtins;
            # the sandbox offers neither, so sub-agents are not available (RLM runs without them)
            raise ci.CodeExecutionError(
                "the dspy sub-agent facade needs module objects and sys.modules, which the monty "
                "sandbox does not provide; use llm_query and the tools instead")
        self.start()
        self._install()
        try:
            outcome = self._sandbox.execute(code, variables)
        except _Submitted as done:
            return ci.FinalOutput(done.output)
        except MontyError as e:         # inputs the sandbox cannot hold, a busy sandbox
            raise ci.CodeInterpreterError(str(e)) from None
        except TypeError as e:
            raise ci.CodeInterpreterError(f"variables must be plain data: {e}") from None
        if outcome.error is not None:
            text = prompt.error_text(outcome.error)
            if outcome.stdout or outcome.stderr:
                text = outcome.stdout + outcome.stderr + text
            if isinstance(outcome.error, MontySyntaxError) and outcome.error.construct is None:
                raise SyntaxError(text)
            raise ci.CodeExecutionError(text)
        out = outcome.stdout + outcome.stderr
        value = outcome.value
        if value is not None:
            shown = value.repr if isinstance(value, Opaque) else repr(value)
            out = out + shown if not out or out.endswith("\n") else out + "\n" + shown
        return out.rstrip("\n") or None     # (as DSPy's own interpreters return it)

    def shutdown(self):
        self._sandbox = None
        self._ended = True

    def __call__(self, code, variables=None):
        return self.execute(code, variables)

    def __enter__(self):
        self.start()
        return self

    def __exit__(self, *exc):
        self.shutdown()

    # -- internals -----------------------------------------------------------------------------

    def _functions(self):
        functions = {}
        for name, func in self.tools.items():
            if not isinstance(name, str) or not name.isidentifier() or name in _RESERVED:
                raise _dspy().CodeInterpreterError(f"invalid tool name {name!r}")
            functions[name] = _keyword_call(name, func)
        functions["SUBMIT"] = self._make_submit()
        return functions

    def _install(self):
        key = (list(self.tools.items()), repr(self.output_fields))
        if self._installed != key:
            self._sandbox.set_functions(self._functions())
            self._installed = key

    def _sandbox_for_docs(self):
        sb = Sandbox()
        sb.set_functions(self._functions())
        return sb

    def _make_submit(self):
        import inspect
        fields = self.output_fields
        if fields is None:
            def SUBMIT(output):
                """Finish with the final output."""
                raise _Submitted({"output": output})
            return SUBMIT
        names = [f["name"] for f in fields]
        types = {"str": str, "int": int, "float": float, "bool": bool, "list": list,
                 "dict": dict, "NoneType": type(None)}

        def SUBMIT(*args, **kwargs):
            if args and kwargs:
                raise TypeError("SUBMIT takes the output fields by position or by keyword, "
                                "not both")
            if len(args) > len(names):
                raise TypeError(f"SUBMIT takes {len(names)} output fields: {', '.join(names)}")
            values = dict(zip(names, args)) if args else dict(kwargs)
            if set(values) != set(names):
                missing = [n for n in names if n not in values]
                extra = [n for n in values if n not in names]
                parts = []
                if missing:
                    parts.append("missing " + ", ".join(missing))
                if extra:
                    parts.append("unexpected " + ", ".join(extra))
                raise TypeError(f"SUBMIT({', '.join(names)}): " + "; ".join(parts))
            raise _Submitted(values)

        SUBMIT.__signature__ = inspect.Signature([
            inspect.Parameter(f["name"], inspect.Parameter.POSITIONAL_OR_KEYWORD,
                              annotation=types.get(f.get("type"), inspect.Parameter.empty))
            for f in fields])
        SUBMIT.__doc__ = "Finish with the final output fields (ends the run)."
        return SUBMIT


def _keyword_call(name, func):
    """`func` called with keyword arguments only (DSPy's tools take keywords: RLM's wrappers
    are `invoke(**kwargs)` carrying the tool's signature), whatever way sandbox code passes
    them; the wrapper keeps the signature and docstring for the stubs."""
    import functools
    import inspect
    try:
        sig = inspect.signature(func)
    except (TypeError, ValueError):
        return func
    if any(p.kind is p.VAR_POSITIONAL for p in sig.parameters.values()):
        return func

    def as_keywords(args, kwargs):
        bound = sig.bind(*args, **kwargs)
        out = {}
        for key, value in bound.arguments.items():
            if sig.parameters[key].kind is inspect.Parameter.VAR_KEYWORD:
                out.update(value)
            else:
                out[key] = value
        return out

    if inspect.iscoroutinefunction(func) or inspect.iscoroutinefunction(
            getattr(type(func), "__call__", None)):
        async def call(*args, **kwargs):
            return await func(**as_keywords(args, kwargs))
    else:
        def call(*args, **kwargs):
            return func(**as_keywords(args, kwargs))
    try:
        functools.update_wrapper(call, func)
    except AttributeError:
        pass
    call.__name__ = name
    call.__signature__ = sig
    return call


class _Factory:
    """Makes MontyInterpreter(**config); DSPy reads `execution_instructions` from it."""

    def __init__(self, cls, config):
        self._cls = cls
        self._config = config

    @property
    def execution_instructions(self):
        return self._cls.execution_instructions

    def __call__(self):
        return self._cls(**self._config)
