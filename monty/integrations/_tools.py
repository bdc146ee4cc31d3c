"""What the LangChain, DSPy, Haystack and pydantic-ai adapters share: a framework's tool (a
name, a JSON schema of its arguments, a description) made into a host function with a real
Python signature (so `Sandbox.describe_functions()` renders it as a stub and sandbox code may
pass arguments by position), tool results made plain data, and one run of code reported the
way a model reads it (`prompt.outcome_report`), for sync and async hosts."""

import inspect
import keyword

from .. import MontyError, Outcome
from . import prompt

_JSON_TYPES = {"string": str, "integer": int, "number": float, "boolean": bool,
               "array": list, "object": dict, "null": type(None)}


def _annotation(schema):
    """A Python annotation for a JSON schema (as a stub would write it), or Parameter.empty."""
    if not isinstance(schema, dict):
        return inspect.Parameter.empty
    kind = schema.get("type")
    if isinstance(kind, list):
        types = [_JSON_TYPES[k] for k in kind if k in _JSON_TYPES]
        if not types:
            return inspect.Parameter.empty
        out = types[0]
        for t in types[1:]:
            out = out | t
        return out
    if kind == "array":
        item = _annotation(schema.get("items"))
        return list if item is inspect.Parameter.empty else list[item]
    if kind in _JSON_TYPES:
        return _JSON_TYPES[kind]
    for key in ("anyOf", "oneOf"):
        options = schema.get(key)
        if isinstance(options, list) and options:
            types = [_annotation(o) for o in options]
            if inspect.Parameter.empty in types:
                return inspect.Parameter.empty
            out = types[0]
            for t in types[1:]:
                out = out | t
            return out
    return inspect.Parameter.empty


def signature_from_schema(schema):
    """inspect.Signature for a JSON object schema of keyword arguments (required ones first)."""
    schema = schema if isinstance(schema, dict) else {}
    props = schema.get("properties") or {}
    required = set(schema.get("required") or ())
    params = []
    optional = []
    for name, prop in props.items():
        if not isinstance(name, str) or not name.isidentifier() or keyword.iskeyword(name):
            continue
        ann = _annotation(prop)
        if name in required:
            params.append(inspect.Parameter(name, inspect.Parameter.POSITIONAL_OR_KEYWORD,
                                            annotation=ann))
        else:
            default = prop.get("default") if isinstance(prop, dict) else None
            optional.append(inspect.Parameter(name, inspect.Parameter.POSITIONAL_OR_KEYWORD,
                                              default=default, annotation=ann))
    return inspect.Signature(params + optional)


def host_function(name, schema, description, call, is_async=False):
    """A host function `name(...)` whose signature comes from `schema`: it binds the sandbox's
    arguments (positional or keyword) to the schema's names and hands the dict to `call`
    (a coroutine function when `is_async`)."""
    sig = signature_from_schema(schema)
    has_params = bool(sig.parameters)

    def bind(args, kwargs):
        if not has_params:
            if args:
                raise TypeError(f"{name}() takes keyword arguments only")
            return dict(kwargs)
        bound = sig.bind(*args, **kwargs)
        return dict(bound.arguments)

    if is_async:
        async def func(*args, **kwargs):
            return plain(await call(bind(args, kwargs)))
    else:
        def func(*args, **kwargs):
            return plain(call(bind(args, kwargs)))
    func.__name__ = func.__qualname__ = name
    func.__doc__ = description or None
    func.__signature__ = sig
    return func


def plain(value):
    """A tool's result as data the sandbox can hold: pydantic models dumped, tuples and lists
    walked (the sandbox refuses anything else with a clear TypeError)."""
    dump = getattr(value, "model_dump", None)
    if dump is not None and callable(dump) and not isinstance(value, type):
        try:
            return dump(mode="json")
        except TypeError:
            return dump()
    if type(value) is list:
        return [plain(v) for v in value]
    if type(value) is dict:
        return {k: plain(v) for k, v in value.items()}
    return value


def report(outcome):
    """What a model is shown for a run: {"status", "result", "stdout", "stderr", "error"}
    (error: {"type", "message", "traceback", "hint"} or None)."""
    return prompt.outcome_report(outcome)


class Captured:
    """A print callback that keeps what one run printed (for run_async and start(), where
    execute()'s buffers are not used)."""

    def __init__(self):
        self.parts = []

    def __call__(self, text, err=False):
        self.parts.append(text)

    def take(self):
        text = "".join(self.parts)
        self.parts = []
        return text


async def execute_async(sandbox, captured, code, inputs=None):
    """`sandbox.execute()` on the caller's event loop (via `run_async`): an Outcome, never an
    exception for what the sandbox did. `captured` is the sandbox's print callback."""
    captured.take()
    value = error = None
    try:
        value = await sandbox.run_async(code, inputs)
    except MontyError as e:
        error = e
    return Outcome(value, captured.take(), "", error)
