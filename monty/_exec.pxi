# Sandboxed exec, eval and compile; globals() and locals().
#
# Sandbox code compiles sandbox code through the program's own front end (stdlib ast parse,
# CPython's checks, monty's compiler and its unsupported-syntax errors, the same source
# bounds) with compiler.compile_exec_source: the result is a function of two parameters, the
# globals and locals mappings, whose every module-level name goes through them (see
# Compiler.compile_exec). exec/eval called by the eval loop push that function's frame in the
# same loop (call_value -> enter_exec): it counts toward the recursion limit, obeys every
# limit and can pause at a host call like any other sandbox call. Functions the code defines
# reach the globals mapping through a cell (.g), so they snapshot like any closure.
#
# Module globals live in slots, not in a dict: `ModuleGlobals` is the mapping view of them
# that globals() (and exec/eval at the top level) hand out; writes go to the slots.

cdef class ModuleGlobals:
    """The sandbox's module-level names as a mapping: globals() at the top level. Reads and
    writes go to the VM's global slots (`globals()['x'] = 1` binds the global x)."""
    cdef VM vm

    def __repr__(self):
        check_in_run(self.vm)
        return repr(self.copy())

    cdef int check_key(self, object key) except -1:
        if type(key) is not str:
            raise TypeError(f"global names must be str in monty, not {type_name(key)}")
        if "." in <str>key:
            raise KeyError(key)
        return 0

    def __getitem__(self, key):
        check_in_run(self.vm)
        self.check_key(key)
        try:
            return self.vm.get_global(key)
        except KeyError:
            raise KeyError(key) from None

    def __setitem__(self, key, value):
        check_in_run(self.vm)
        if type(key) is not str or "." in <str>key:
            raise TypeError("global names must be str without '.' in monty")
        self.vm.set_global(key, value)

    def __delitem__(self, key):
        check_in_run(self.vm)
        self.check_key(key)
        self.vm.get_global(key)
        self.vm.del_global(key)

    def __contains__(self, key):
        check_in_run(self.vm)
        if type(key) is not str or "." in <str>key:
            return False
        try:
            self.vm.get_global(key)
        except KeyError:
            return False
        return True

    def __len__(self):
        check_in_run(self.vm)
        return len(self.vm.global_names())

    def __iter__(self):
        check_in_run(self.vm)
        return iter(self.vm.global_names())

    def __eq__(self, other):
        check_in_run(self.vm)
        if type(other) is ModuleGlobals:
            return other is self
        if isinstance(other, dict):
            return self.copy() == other
        return NotImplemented

    def __ne__(self, other):
        r = self.__eq__(other)
        return r if r is NotImplemented else not r

    __hash__ = None

    def copy(self):
        """A new dict of the globals now bound."""
        check_in_run(self.vm)
        return {name: self.vm.get_global(name) for name in self.vm.global_names()}

    def keys(self):
        return self.copy().keys()

    def values(self):
        return self.copy().values()

    def items(self):
        return self.copy().items()

    def get(self, key, default=None):
        check_in_run(self.vm)
        if type(key) is not str or "." in <str>key:
            return default
        try:
            return self.vm.get_global(key)
        except KeyError:
            return default

    def setdefault(self, key, default=None):
        if key in self:
            return self[key]
        self[key] = default
        return default

    def pop(self, key, *default):
        if len(default) > 1:
            raise TypeError(f"pop expected at most 2 arguments, got {1 + len(default)}")
        if key in self:
            value = self[key]
            del self[key]
            return value
        if default:
            return default[0]
        raise KeyError(key)

    def update(self, *args, **kwargs):
        if len(args) > 1:
            raise TypeError(f"update expected at most 1 argument, got {len(args)}")
        if args:
            other = args[0]
            if type(other) is ModuleGlobals:
                other = (<ModuleGlobals>other).copy()
            if type(other) is not dict:
                raise TypeError("globals().update() takes a dict in monty")
            for key, value in (<dict>other).items():
                self[key] = value
        for key, value in kwargs.items():
            self[key] = value

    def clear(self):
        for name in self.vm.global_names():
            self.vm.del_global(name)


_policy.METHODS[ModuleGlobals] = {
    name: ModuleGlobals.__dict__[name]
    for name in ("copy", "keys", "values", "items", "get", "setdefault", "pop", "update", "clear")}


cdef ModuleGlobals globals_view(VM vm):
    """The VM's one ModuleGlobals (made on first use)."""
    cdef ModuleGlobals view = vm.globals_view
    if view is None:
        view = ModuleGlobals.__new__(ModuleGlobals)
        view.vm = vm
        vm.globals_view = view
    return view


def vm_globals_view(VM vm):
    return globals_view(vm)


cdef object exec_cell(Frame* f, VM vm):
    """The globals cell (.g) of a frame running exec'd code, or None."""
    cdef Code code = <Code>f.code
    cdef int i
    if f.base < 0:
        return None
    for i in range(code.ncells):
        if code.cellvars[i] == ".g":
            return <object>vm.stack[f.base + code.nlocals + i]
    for i in range(code.nfree):
        if code.freevars[i] == ".g":
            return <object>vm.stack[f.base + code.nlocals + code.ncells + i]
    return None


cdef object frame_globals(VM vm, Frame* f):
    """The globals mapping of the code frame f runs: the module's, or its exec globals."""
    cell = exec_cell(f, vm)
    if cell is not None and type(cell) is Cell and (<Cell>cell).contents is not UNBOUND:
        return (<Cell>cell).contents
    return globals_view(vm)


cdef object frame_locals(VM vm, Frame* f):
    """locals() of frame f (the innermost): the module's globals at the top level, the locals
    mapping at the top level of exec'd code, a class body's namespace, else a new dict of the
    function's bound names (CPython 3.11's snapshot)."""
    cdef Code code = <Code>f.code
    cdef PyObject* item
    if f.base < 0:
        return globals_view(vm)
    if code.spec.get("exec_mode") is not None and code.nlocals >= 2:
        item = vm.stack[f.base + 1]
        if item != NULL:
            return <object>item
    return frame_names(vm)


cdef object b_globals2(VM vm, PyObject** args, Py_ssize_t npos, PyObject* kwnames):
    """globals(): the module namespace (a live view of the global slots), or in exec'd code
    the globals mapping it runs with."""
    positional, kwargs = call_args(args, npos, kwnames)
    no_kwargs("globals", kwargs)
    if npos:
        raise TypeError(f"globals() takes no arguments ({npos} given)")
    if vm.depth == 0:
        return globals_view(vm)
    return frame_globals(vm, &vm.frames[vm.depth - 1])


cdef object b_locals2(VM vm, PyObject** args, Py_ssize_t npos, PyObject* kwnames):
    """locals(): see frame_locals."""
    positional, kwargs = call_args(args, npos, kwnames)
    no_kwargs("locals", kwargs)
    if npos:
        raise TypeError(f"locals() takes no arguments ({npos} given)")
    if vm.depth == 0:
        return globals_view(vm)
    return frame_locals(vm, &vm.frames[vm.depth - 1])


# ---- the namespace helpers exec'd code calls for its module-level names

cdef object ns_get(VM vm, object ns, str name):
    """ns[name] without running sandbox code (a dict subclass's own storage, as CPython reads
    globals), or _MISSING."""
    if type(ns) is ModuleGlobals:
        if "." in name:
            return _MISSING
        try:
            return vm.get_global(name)
        except KeyError:
            return _MISSING
    return (<dict>ns).get(name, _MISSING)


cdef object b_ns_load(VM vm, PyObject** args, Py_ssize_t npos, PyObject* kwnames):
    """.ns_load(locals, globals, name): the value of a module-level name of exec'd code."""
    if npos != 3 or kwnames != NULL or TYPE(args[2]) != <PyObject*>str:
        raise SystemError("bad namespace access")
    l = <object>args[0]
    g = <object>args[1]
    name = <str>args[2]
    if l is not g:
        check_ns(l)
        v = ns_get(vm, l, name)
        if v is not _MISSING:
            return v
    check_ns(g)
    v = ns_get(vm, g, name)
    if v is not _MISSING:
        return v
    if type(g) is not ModuleGlobals:
        # CPython's builtins of a globals dict: its '__builtins__' (a dict, or a module's
        # names); these are sandbox values, and the sandbox's own builtins otherwise
        bt = (<dict>g).get("__builtins__", _MISSING)
        if isinstance(bt, dict):
            v = (<dict>bt).get(name, _MISSING)
            if v is not _MISSING:
                return v
            raise NameError(f"name '{name}' is not defined")
        if type(bt) is _modules.SandboxModule and bt.__name__ == "builtins":
            if name == "__name__":
                return "builtins"
    if not name.startswith("."):
        v = vm.builtins.get(name, _MISSING)
        if v is not _MISSING:
            return v
    raise NameError(f"name '{name}' is not defined")


cdef inline int check_ns(object ns) except -1:
    if type(ns) is not ModuleGlobals and not isinstance(ns, dict):
        raise SystemError("bad namespace")
    return 0


cdef object b_ns_store(VM vm, PyObject** args, Py_ssize_t npos, PyObject* kwnames):
    """.ns_store(value, namespace, name)."""
    if npos != 3 or kwnames != NULL or TYPE(args[2]) != <PyObject*>str:
        raise SystemError("bad namespace access")
    ns = <object>args[1]
    check_ns(ns)
    if type(ns) is ModuleGlobals:
        ns[<str>args[2]] = <object>args[0]
    else:
        (<dict>ns)[<str>args[2]] = <object>args[0]
    return None


cdef object b_ns_delete(VM vm, PyObject** args, Py_ssize_t npos, PyObject* kwnames):
    """.ns_delete(namespace, name)."""
    if npos != 2 or kwnames != NULL or TYPE(args[1]) != <PyObject*>str:
        raise SystemError("bad namespace access")
    ns = <object>args[0]
    name = <str>args[1]
    check_ns(ns)
    if ns_get(vm, ns, name) is _MISSING:
        raise NameError(f"name '{name}' is not defined")
    if type(ns) is ModuleGlobals:
        vm.del_global(name)
    else:
        del (<dict>ns)[name]
    return None


cdef object b_ns_shown(VM vm, PyObject** args, Py_ssize_t npos, PyObject* kwnames):
    """.ns_shown(value): what compile(..., 'single') code prints of an expression statement,
    as a sequence of the value or nothing (None)."""
    if npos != 1:
        raise SystemError("bad call")
    if args[0] == NONE_P:
        return ()
    return (<object>args[0],)


# ---- exec, eval, compile

cdef class CompiledCode:
    """What compile() returns: code that exec() and eval() run (linked to its sandbox).
    Nothing of it is readable from sandbox code (no co_code, co_consts, ...)."""
    cdef Code code
    cdef str filename
    cdef VM vm

    def __repr__(self):
        return (f'<code object {self.code.name} at {id(self):#x}, file "{self.filename}", '
                f'line {self.code.firstlineno}>')


cdef object _exec_cache = None


cdef str source_text(object source, str fname, bint strip):
    """The text of exec/eval/compile's source argument: an exact str (a str or bytes subclass's
    own data is copied, none of its methods run)."""
    if isinstance(source, str):
        text = "".join((source,)) if type(source) is not str else source
    elif isinstance(source, (bytes, bytearray)):
        data = b"".join((source,))
        text = data.decode("utf-8")
    else:
        raise TypeError(f"{fname}() arg 1 must be a string, bytes or code object")
    if "\0" in text:
        raise SyntaxError("source code string cannot contain null bytes")
    if strip:
        text = text.lstrip(" \t")
    return text


# Sources up to this long are compiled once (shared code cache) and linked once per sandbox
# (kept for snapshots); longer ones are compiled and linked per call and kept by nothing
# outside the run, so sandbox code cannot park large code (constants, source text) where the
# memory limit does not see it. Their functions cannot be snapshotted.
cdef Py_ssize_t EXEC_CACHE_CHARS = 20_000

_compile_exec_source = None
_estimate_tokens = None
cdef Py_ssize_t _max_chars = 0, _max_tokens = 0
cdef double COMPILE_TOKEN_S = 60e-6     # seconds per token the front end reads (pessimistic)
cdef double COMPILE_CHAR_S = 150e-9     # seconds per source character


cdef Code compile_text(VM vm, str text, str mode, str filename):
    """The Code of `text` linked to the VM (see compiler.compile_exec_source); a SyntaxError
    raised inside the sandbox when monty refuses it, with CPython's message where CPython
    refuses it too."""
    global _exec_cache, _compile_exec_source, _estimate_tokens, _max_chars, _max_tokens
    if _exec_cache is None:
        from monty._shared import code_cache as _code_cache
        from monty.compiler import compile_exec_source, _estimate_tokens as estimate
        from monty.compiler import MAX_SOURCE_CHARS, MAX_SOURCE_TOKENS
        _max_chars = MAX_SOURCE_CHARS
        _max_tokens = MAX_SOURCE_TOKENS
        _exec_cache = _code_cache
        _compile_exec_source = compile_exec_source
        _estimate_tokens = estimate
    cached = len(text) <= EXEC_CACHE_CHARS and len(filename) <= 1000
    if not cached or (text, "\0exec", mode, filename) not in _exec_cache.entries:
        # the front end's time, estimated pessimistically from the source's size (the
        # top-level bounds make it at most about a second): refused if it cannot end before
        # the deadline
        # (a source past the bounds is refused before the parser sees it: nothing to charge)
        if len(text) <= _max_chars:
            tokens = _estimate_tokens(text)
            if tokens <= _max_tokens:
                charge_time(vm, COMPILE_TOKEN_S * tokens + COMPILE_CHAR_S * len(text))
    try:
        if cached:
            code = vm.link(_exec_cache.get_exec(text, mode, filename))
        else:
            code = (<Code>_compile_exec_source(text, Code, mode, filename)).relink(vm.slot_of)
            vm.grow_globals(len(vm.slot_names))
    except MontySyntaxError as e:
        raise sandbox_syntax_error(e) from None
    finally:
        # compiling took host time: the next instruction reads the clock
        vm.ticks = 1
    return <Code>code


cdef object sandbox_syntax_error(object e):
    message = e.message
    name, sep, msg = message.partition(": ")
    cls = SyntaxError
    if sep and name in ("SyntaxError", "IndentationError", "TabError"):
        cls = {"SyntaxError": SyntaxError, "IndentationError": IndentationError,
               "TabError": TabError}[name]
    else:
        msg = message
    lineno = e.lineno
    if lineno is None:
        return cls(msg)
    return cls(msg, (e.filename, lineno, e.offset, e.text, e.end_lineno, e.end_offset))


from monty.errors import MontySyntaxError


cdef object exec_function(VM vm, PyObject** args, Py_ssize_t n, PyObject* kw, bint is_eval):
    """exec/eval's arguments checked as CPython checks them, the source compiled: a sandbox
    function of no arguments (the namespaces are its defaults) that runs it."""
    cdef str fname = "eval" if is_eval else "exec"
    cdef Function fn
    cdef Code code
    if kw != NULL and TUPLE_SIZE(kw):
        if is_eval:
            raise TypeError("eval() takes no keyword arguments")
        raise TypeError(f"'{<object>TUPLE_ITEM(kw, 0)}' is an invalid keyword argument for exec()")
    if n < 1:
        if is_eval:
            raise TypeError("eval expected at least 1 argument, got 0")
        raise TypeError("exec() takes at least 1 positional argument (0 given)")
    if n > 3:
        if is_eval:
            raise TypeError(f"eval expected at most 3 arguments, got {n}")
        raise TypeError(f"exec() takes at most 3 positional arguments ({n} given)")
    source = <object>args[0]
    g = <object>args[1] if n > 1 else None
    l = <object>args[2] if n > 2 else None
    if g is not None and type(g) is not ModuleGlobals and not isinstance(g, dict):
        if is_eval:
            if hasattr(type(g), "__getitem__") and not is_sandbox_object(g):
                raise TypeError("globals must be a real dict; try eval(expr, {}, mapping)")
            raise TypeError("globals must be a real dict; try eval(expr, {}, mapping)"
                            if is_sandbox_object(g) else "globals must be a dict")
        raise TypeError(f"exec() globals must be a dict, not {type_name(g)}")
    if l is not None and type(l) is not ModuleGlobals and not isinstance(l, dict):
        if is_sandbox_object(l) or isinstance(l, (list, tuple, str, bytes, range)):
            raise TypeError(f"{fname}() locals must be a dict in monty, not {type_name(l)}")
        if is_eval:
            raise TypeError("locals must be a mapping")
        raise TypeError(f"locals must be a mapping or None, not {type_name(l)}")
    if type(g) is ModuleGlobals and (<ModuleGlobals>g).vm is not vm:
        raise TypeError("globals of another sandbox")
    if type(l) is ModuleGlobals and (<ModuleGlobals>l).vm is not vm:
        raise TypeError("locals of another sandbox")
    if type(source) is CompiledCode:
        if (<CompiledCode>source).vm is not vm:
            raise TypeError("code compiled by another sandbox")
        code = (<CompiledCode>source).code
        if not is_eval and code.spec.get("exec_mode") == "eval":
            # exec() of eval code discards the value: the same text as a statement
            code = compile_text(vm, code.source, "exec", (<CompiledCode>source).filename)
    else:
        code = compile_text(vm, source_text(source, fname, is_eval),
                            "eval" if is_eval else "exec", "<string>")
    if g is None:
        if vm.depth == 0:
            g = globals_view(vm)
            if l is None:
                l = g
        else:
            g = frame_globals(vm, &vm.frames[vm.depth - 1])
            if l is None:
                l = frame_locals(vm, &vm.frames[vm.depth - 1])
    elif l is None:
        l = g
    if type(g) is not ModuleGlobals and "__builtins__" not in <dict>g:
        (<dict>g)["__builtins__"] = import_name(vm, "builtins", 1)
    fn = Function.__new__(Function)
    fn.code = code
    fn.name = fn.code.name
    fn.qualname = fn.code.qualname
    fn.vm = vm
    fn.defaults = (g, l)
    return fn


cdef int enter_exec(VM vm, Frame* f, int pc, PyObject** func_slot, PyObject** args,
                    PyObject** sp, Py_ssize_t n, PyObject* kw, bint is_eval) except -1:
    """CALL of exec/eval from the eval loop: the compiled code's frame runs next in this
    loop, in place of the call (its value is the call's result: None for exec)."""
    fn = exec_function(vm, args, n, kw, is_eval)
    release_to(sp, args)
    return enter_routed(vm, f, pc, func_slot, args, args, 0, NULL, fn)


cdef object b_exec(VM vm, PyObject** args, Py_ssize_t npos, PyObject* kwnames):
    """exec() called from native code (map(exec, ...)): a nested loop, which cannot pause."""
    fn = exec_function(vm, args, npos, kwnames, False)
    vm.call_nested(fn, (), None)
    return None


cdef object b_eval(VM vm, PyObject** args, Py_ssize_t npos, PyObject* kwnames):
    fn = exec_function(vm, args, npos, kwnames, True)
    return vm.call_nested(fn, (), None)


# CPython's compile() flags: the future-feature and PyCF_* bits it accepts
cdef long _CF_KNOWN = 0x3e000 | 0x1000000 | 0x0400 | 0x1000 | 0x2000 | 0x4000 | 0x0200 | 0x0100 | 0x800000 | 0x10000
cdef long _CF_ONLY_AST = 0x0400


cdef object b_compile(VM vm, PyObject** args, Py_ssize_t npos, PyObject* kwnames):
    """compile(source, filename, mode, flags=0, dont_inherit=False, optimize=-1): a code
    object exec() and eval() run; flags other than 0 are refused (no ast module)."""
    cdef CompiledCode out
    positional, kwargs = call_args(args, npos, kwnames)
    names = ("source", "filename", "mode", "flags", "dont_inherit", "optimize")
    if len(positional) > 6:
        raise TypeError(f"compile() takes at most 6 arguments ({len(positional)} given)")
    bound = dict(zip(names, positional))
    for key, value in kwargs.items():
        if key not in names and key != "_feature_version":
            raise TypeError(f"compile() got an unexpected keyword argument '{key}'")
        if key in bound:
            raise TypeError(f"argument for compile() given by name ('{key}') and position "
                            f"({names.index(key) + 1})")
        bound[key] = value
    for i, key in enumerate(names[:3]):
        if key not in bound:
            raise TypeError(f"compile() missing required argument '{key}' (pos {i + 1})")
    flags = bound.get("flags", 0)
    if type(flags) is not int and type(flags) is not bool:
        raise TypeError(f"'{type_name(flags)}' object cannot be interpreted as an integer")
    mode = bound["mode"]
    if type(mode) is not str:
        raise TypeError(f"compile() argument 'mode' must be str, not {type_name(mode)}")
    if mode not in ("exec", "eval", "single"):
        if mode == "func_type":
            raise ValueError("compile() mode 'func_type' requires flag PyCF_ONLY_AST")
        raise ValueError("compile() mode must be 'exec', 'eval' or 'single'")
    if flags & ~_CF_KNOWN:
        raise ValueError("compile(): unrecognised flags")
    if flags & _CF_ONLY_AST:
        raise ValueError("compile() with ast.PyCF_ONLY_AST is not supported in monty "
                         "(the sandbox has no ast module)")
    if flags:
        raise ValueError(f"compile() flags are not supported in monty (got {flags:#x})")
    filename = bound["filename"]
    if isinstance(filename, str):
        filename = "".join((filename,))
    elif isinstance(filename, bytes):
        filename = b"".join((filename,)).decode("utf-8", "surrogateescape")
    else:
        raise TypeError(f"expected str, bytes or os.PathLike object, not {type_name(filename)}")
    source = bound["source"]
    if not isinstance(source, (str, bytes, bytearray)):
        raise TypeError("compile() arg 1 must be a string, bytes or AST object")
    out = CompiledCode.__new__(CompiledCode)
    out.code = compile_text(vm, source_text(source, "compile", False), mode, filename)
    out.filename = filename
    out.vm = vm
    return out


def compiled_code_parts(CompiledCode c):
    """(linked Code, file name) of a compile() result, for snapshots."""
    return c.code, c.filename


def make_compiled_code(VM vm, Code code, str filename):
    """A compile() result from a snapshot: `code` is the loading VM's linked code."""
    cdef CompiledCode out = CompiledCode.__new__(CompiledCode)
    out.code = code
    out.filename = filename
    out.vm = vm
    return out


_VM_BUILTINS.update({
    "globals": make_builtin("globals", b_globals2),
    "locals": make_builtin("locals", b_locals2),
    "exec": make_builtin("exec", b_exec),
    "eval": make_builtin("eval", b_eval),
    "compile": make_builtin("compile", b_compile),
    ".ns_load": make_builtin("ns_load", b_ns_load),
    ".ns_store": make_builtin("ns_store", b_ns_store),
    ".ns_delete": make_builtin("ns_delete", b_ns_delete),
    ".ns_shown": make_builtin("ns_shown", b_ns_shown),
    ".ns_print": _VM_BUILTINS["print"],
    ".ns_repr": _py_builtins.repr,
})
