"""Other Python sandboxes, for `python -m monty.bench --compare`: each rival that is installed
(pip install "monty-sandbox[bench]") runs the same code as monty and CPython, in the same
process and run, and its time is reported as a ratio to CPython's.

A rival is a function (source, inputs, functions) -> a callable that runs the source once and
returns the value of its last expression; `fresh` sources get new text at every call."""

RESULT = "bench_result"       # (RestrictedPython refuses names starting with '_')


def _stored(source):
    """`source` with its last expression statement assigned to RESULT."""
    head, last = source.rstrip("\n").rsplit("\n", 1)
    return f"{head}\n{RESULT} = {last}\n"


def _pydantic_monty():
    import pydantic_monty as pm
    pool = pm.Monty(min_processes=1, max_processes=1)
    pool.__enter__()

    def make(source, inputs, functions, fresh):
        if fresh is not None:
            def run():
                with pool.checkout() as session:
                    return session.feed_run(fresh(source), inputs=inputs or None,
                                            external_lookup=functions or None)
            return run
        session = pool.checkout()
        session.__enter__()

        def run():
            return session.feed_run(source, inputs=inputs or None,
                                    external_lookup=functions or None)
        return run
    return make, pool


def _restricted_python():
    from RestrictedPython import compile_restricted, limited_builtins, safe_builtins
    from RestrictedPython.Eval import default_guarded_getitem, default_guarded_getiter
    from RestrictedPython.Guards import (full_write_guard, guarded_iter_unpack_sequence,
                                         guarded_unpack_sequence)

    def make(source, inputs, functions, fresh):
        base = {"__builtins__": {**safe_builtins, **limited_builtins, "sorted": sorted,
                                 "sum": sum, "min": min, "max": max, "enumerate": enumerate,
                                 "Exception": Exception, "ZeroDivisionError": ZeroDivisionError,
                                 "range": range},   # (its own range stops at 1000 items)
                "_getitem_": default_guarded_getitem, "_getiter_": default_guarded_getiter,
                "_write_": full_write_guard, "_iter_unpack_sequence_": guarded_iter_unpack_sequence,
                "_unpack_sequence_": guarded_unpack_sequence, "__name__": "restricted",
                "__metaclass__": type, "_getattr_": getattr,
                "_inplacevar_": _inplacevar, **functions}
        stored = _stored(source)
        code = None if fresh is not None else compile_restricted(stored, "<bench>", "exec")

        def run():
            ns = dict(base, **inputs)
            exec(compile_restricted(fresh(stored), "<bench>", "exec") if code is None else code, ns)
            return ns[RESULT]
        return run
    return make, None


def _inplacevar(op, x, y):
    import operator
    return {"+=": operator.iadd, "-=": operator.isub, "*=": operator.imul}[op](x, y)


def _asteval():
    from asteval import Interpreter

    def make(source, inputs, functions, fresh):
        def run():
            interp = Interpreter(usersyms={**inputs, **functions}, raise_errors=True)
            return interp.eval(fresh(source) if fresh is not None else source, raise_errors=True)
        return run
    return make, None


def _smolagents():
    from smolagents.local_python_executor import LocalPythonExecutor

    def make(source, inputs, functions, fresh):
        if functions:
            raise NotImplementedError("host functions are smolagents Tool objects")

        def run():
            ex = LocalPythonExecutor(additional_authorized_imports=[])
            ex.send_tools({})
            ex.send_variables(dict(inputs))
            return ex(fresh(source) if fresh is not None else source).output
        return run
    return make, None


RIVALS = {"pydantic-monty": _pydantic_monty, "RestrictedPython": _restricted_python,
          "asteval": _asteval, "smolagents": _smolagents}


def available():
    """{name: (make, handle)} of the rivals importable here."""
    out = {}
    for name, setup in RIVALS.items():
        try:
            out[name] = setup()
        except ImportError:
            continue
    return out


def close(rivals):
    for make, handle in rivals.values():
        if handle is not None:
            try:
                handle.__exit__(None, None, None)
            except Exception:
                pass

