"""Telling a model what it may use: `monty.capabilities()` (the modules sandbox code can import
with their public names, the builtins, the syntax monty does not support) and
`Sandbox.describe_functions()` (stub text of the host functions). Both are read from the real
tables (the module registry, the builtins, the compiler's dispatch), never from a list kept by
hand, so they cannot drift from what sandbox code meets."""

import ast
import copy
import inspect
import threading

_lock = threading.Lock()
_cached = None

# constructs the compiler refuses by name beyond whole node types (monty/compiler.py raises a
# MontySyntaxError naming each)
_REFUSED_FORMS = {
    "class bases": "starred base classes (class C(*bases))",
    "class keywords": "'**' in class keywords (class C(**kw))",
    "async comprehension": "async comprehensions inside a comprehension or a class body",
    "async generator expression": "asynchronous generator expressions",
}


def _node_types(base):
    out = []
    todo = [base]
    while todo:
        t = todo.pop()
        for sub in t.__subclasses__():
            if sub.__module__ == "ast" and not sub.__name__.startswith("_"):
                out.append(sub)
                todo.append(sub)
    return out


def _syntax():
    from .compiler import Compiler
    def missing(base, prefix):
        return sorted({t.__name__ for t in _node_types(base)
                       if t.__name__ not in _DEPRECATED_NODES
                       and not hasattr(Compiler, prefix + t.__name__)})
    return {
        "unsupported_statements": missing(ast.stmt, "stmt_"),
        "unsupported_expressions": missing(ast.expr, "expr_"),
        "unsupported_patterns": missing(ast.pattern, "pattern_"),
        "unsupported_forms": sorted(_REFUSED_FORMS.values()),
        "top_level_await": True,
        "top_level_return": True,
    }


# ast classes kept only for backward compatibility (never produced by ast.parse)
_DEPRECATED_NODES = frozenset({"Num", "Str", "Bytes", "NameConstant", "Ellipsis", "Index",
                               "ExtSlice", "Suite", "AugLoad", "AugStore", "Param"})


def _modules():
    from . import _core
    from ._sandbox import Sandbox
    from .modules import available
    sandbox = Sandbox()
    out = {}
    for name in available():
        try:
            module = _core.vm_import_module(sandbox._vm, name)
            names = module.names()
        except Exception:       # (a module that cannot be built here is not offered)
            continue
        out[name] = [n for n in names if not n.startswith("_")]
    return out


def _builtins():
    from ._shared import BUILTINS as _BUILTINS
    return sorted(n for n in _BUILTINS if n.isidentifier() and not n.startswith("_"))


def capabilities(sandbox=None):
    """{"modules": {name: [public names]}, "builtins": [names], "syntax": {...}}: what sandbox
    code can use; with a Sandbox, its host modules (`modules=`) are listed too. A fresh copy
    each call (the caller may change it)."""
    global _cached
    with _lock:
        if _cached is None:
            _cached = {"modules": _modules(), "builtins": _builtins(), "syntax": _syntax()}
        out = copy.deepcopy(_cached)
    if sandbox is not None:
        hosts = sandbox._modules
        for name, spec in hosts.spec.items():
            subs = [n[len(name) + 1:] for n in hosts.spec
                    if n.startswith(name + ".") and "." not in n[len(name) + 1:]]
            out["modules"][name] = sorted(n for n in set(spec) | set(subs)
                                          if not n.startswith("_"))
    return out


# ---------------------------------------------------------------------------------------------
# describe_functions


def _signature(func):
    for kwargs in ({"eval_str": True}, {}):
        try:
            return str(inspect.signature(func, **kwargs))
        except (TypeError, ValueError, NameError):
            continue
        except Exception:
            break
    return "(*args, **kwargs)"


def _is_async(func):
    if inspect.iscoroutinefunction(func):
        return True
    call = getattr(type(func), "__call__", None)
    return call is not None and inspect.iscoroutinefunction(call)


def describe_function(name, func):
    """The stub of one host function: `def name(signature):` and its docstring (or `...`)."""
    if func is None:
        return (f"def {name}(*args, **kwargs):\n"
                f'    """Host function (its arguments are handled by the host)."""\n')
    head = f"{'async ' if _is_async(func) else ''}def {name}{_signature(func)}:"
    doc = inspect.getdoc(func)
    if doc and not (inspect.isclass(type(func)) and doc == inspect.getdoc(type(func))
                    and not inspect.isroutine(func)):
        doc = doc.replace('"""', r'\"\"\"')
        body = "\n".join(("    " + line) if line else "" for line in doc.splitlines())
        return f'{head}\n    """{body.lstrip()}\n    """\n' if "\n" in doc else \
            f'{head}\n    """{doc}"""\n'
    return f"{head} ...\n"


def describe_functions(functions):
    """Stub text for every host function in `functions` (name -> callable or None), in order."""
    return "\n\n".join(describe_function(name, func) for name, func in functions.items())
