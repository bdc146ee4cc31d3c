"""Compile Python source to monty bytecode: parse with `ast`, check policy, resolve scopes,
emit instructions, compute stack depths."""

import ast
import threading
from collections import OrderedDict

from . import opcodes as O
from .errors import MontySyntaxError

FILENAME = "<string>"

# Code flags
CO_VARARGS = 1
CO_VARKEYWORDS = 2
CO_MODULE = 4
CO_GENERATOR = 8
CO_COROUTINE = 0x80
CO_ITERABLE_COROUTINE = 0x100      # a generator that `await` accepts (internal modules only)
CO_ASYNC_GENERATOR = 0x200

_CURRENT = object()


class _PatternContext:
    """State of one case's pattern compilation (CPython's pattern_context)."""
    __slots__ = ("stores", "fail_pop", "on_top")

    def __init__(self):
        self.stores = []        # captured names, waiting on the stack (last one on top)
        self.fail_pop = []      # fail_pop[n]: label that pops n items, then fails the case
        self.on_top = 0         # items above the captures that the pattern still needs


def _is_wildcard(p):
    return isinstance(p, ast.MatchAs) and p.pattern is None and p.name is None


_COMPREHENSIONS = (ast.ListComp, ast.SetComp, ast.DictComp, ast.GeneratorExp)


class Label:
    __slots__ = ("index",)

    def __init__(self):
        self.index = None


# ---------------------------------------------------------------- scopes

class Scope:
    """Names of one function-like scope and how each resolves."""

    def __init__(self, node, kind, parent):
        self.node = node
        self.kind = kind            # "module" | "function"
        self.parent = parent
        self.children = []
        self.generator = False
        self.coroutine = False
        self.params = []
        self.assigned = set()
        self.used = set()
        self.globals = set()
        self.nonlocals = set()
        self.cells = set()
        self.frees = set()

    def is_local(self, name):
        if self.kind == "class":
            return name == "__class__" and name in self.cells
        return (self.kind == "function" and name not in self.globals
                and name not in self.nonlocals
                and (name in self.assigned or name in self.params))

    def resolve(self, name):
        """'fast' | 'cell' | 'free' | 'global' | 'module'"""
        if self.kind == "module":
            return "module"
        if name in self.globals:
            return "global"
        if name in self.frees:
            return "free"
        if name in self.cells:
            return "cell"
        if self.kind == "class":
            return "name"
        if self.is_local(name):
            return "fast"
        return "global"


_LEAVES = (ast.expr_context, ast.Constant, ast.operator, ast.unaryop, ast.cmpop, ast.boolop)
_VISIT_METHODS = {}


def _visit_methods(cls):
    """{node type: unbound visit method} of a visitor class, filled as node types are met;
    leaf node types (no children, no visit method of the class's own) map to a no-op."""
    methods = _VISIT_METHODS.get(cls)
    if methods is None:
        methods = _VISIT_METHODS[cls] = {}
        own = [k for k in cls.__mro__ if k not in (ast.NodeVisitor, object)]
        for leaf in _leaf_types():
            if not any("visit_" + leaf.__name__ in vars(k) for k in own):
                methods[leaf] = _visit_nothing
    return methods


def _leaf_types():
    out, todo = [], list(_LEAVES)
    while todo:
        t = todo.pop()
        out.append(t)
        todo.extend(t.__subclasses__())
    return out


def _visit_nothing(visitor, node):
    return None


# fields that never hold a node with children: names, flags, and the context / operator
# leaves (Load, Add, Eq...), which no visitor here handles
_LEAF_FIELDS = frozenset({"ctx", "op", "ops", "id", "attr", "arg", "kind", "type_comment",
                          "conversion", "is_async", "level", "module", "name"})
_CHILD_FIELDS = {}


def _generic_visit(visitor, node):
    """Visit the child nodes of `node` (ast.NodeVisitor.generic_visit, without its generator,
    reading only the fields of its type that can hold such nodes)."""
    fields = _CHILD_FIELDS.get(type(node))
    if fields is None:
        fields = _CHILD_FIELDS[type(node)] = tuple(
            f for f in node._fields if f not in _LEAF_FIELDS)
    visit = visitor.visit
    AST = ast.AST
    for field in fields:
        value = getattr(node, field, None)
        if type(value) is list:
            for item in value:
                if isinstance(item, AST):
                    visit(item)
        elif isinstance(value, AST):
            visit(value)


def _annotation_nodes(node, args):
    """The annotation expressions of a def, in CPython's order (parameters, then return)."""
    out = []
    params = args.posonlyargs + args.args + ([args.vararg] if args.vararg else []) + \
        args.kwonlyargs + ([args.kwarg] if args.kwarg else [])
    for a in params:
        if a.annotation is not None:
            out.append(a.annotation)
    if getattr(node, "returns", None) is not None:
        out.append(node.returns)
    return out


class ScopeBuilder(ast.NodeVisitor):
    """First pass: collect the names each scope binds, declares and uses."""

    def __init__(self):
        self.scopes = {}
        self.scope = None
        self._methods = _visit_methods(type(self))

    def visit(self, node):
        # (ast.NodeVisitor.visit builds the method name from the class name at every node)
        method = self._methods.get(type(node))
        if method is None:
            method = self._methods[type(node)] = getattr(
                type(self), "visit_" + type(node).__name__, _generic_visit)
        return method(self, node)

    def generic_visit(self, node):
        _generic_visit(self, node)

    def build(self, tree):
        self.scope = Scope(tree, "module", None)
        self.scopes[tree] = self.scope
        for stmt in tree.body:
            self.visit(stmt)
        self._resolve(self.scope)
        return self.scopes

    def _enter(self, node, params):
        scope = Scope(node, "function", self.scope)
        scope.params = params
        self.scope.children.append(scope)
        self.scopes[node] = scope
        return scope

    def _bind(self, name):
        self.scope.assigned.add(name)

    def visit_Global(self, node):
        for name in node.names:
            if self.scope.kind == "function" and (name in self.scope.used or name in self.scope.assigned):
                kind = "assigned" if name in self.scope.assigned else "used"
                raise MontySyntaxError(f"name '{name}' is {kind} prior to global declaration", node.lineno)
            self.scope.globals.add(name)

    def visit_Nonlocal(self, node):
        if self.scope.kind == "module":
            raise MontySyntaxError("nonlocal declaration not allowed at module level", node.lineno)
        for name in node.names:
            self.scope.nonlocals.add(name)

    def visit_Name(self, node):
        if isinstance(node.ctx, ast.Load):
            self.scope.used.add(node.id)
            if node.id == "super" and self.scope.kind == "function":
                self.scope.used.add("__class__")   # zero-argument super() needs the class cell
        else:
            self._bind(node.id)

    def _args(self, args):
        params = [a.arg for a in args.posonlyargs + args.args]
        params += [a.arg for a in args.kwonlyargs]
        if args.vararg:
            params.append(args.vararg.arg)
        if args.kwarg:
            params.append(args.kwarg.arg)
        return params

    def _function(self, node, body, args):
        for d in getattr(node, "decorator_list", ()):
            self.visit(d)
        for d in args.defaults + [d for d in args.kw_defaults if d is not None]:
            self.visit(d)
        for ann in _annotation_nodes(node, args):     # (evaluated where the def runs)
            self.visit(ann)
        outer = self.scope
        self.scope = self._enter(node, self._args(args))
        self.scope.coroutine = isinstance(node, ast.AsyncFunctionDef)
        if isinstance(body, list):
            for stmt in body:
                self.visit(stmt)
        else:
            self.visit(body)
        self.scope = outer

    def visit_FunctionDef(self, node):
        self._function(node, node.body, node.args)
        self._bind(node.name)

    visit_AsyncFunctionDef = visit_FunctionDef

    def visit_ClassDef(self, node):
        for d in node.decorator_list:
            self.visit(d)
        for b in node.bases:
            self.visit(b)
        for k in node.keywords:
            self.visit(k.value)
        outer = self.scope
        scope = self.scope = self._enter(node, [".ns"])
        scope.kind = "class"
        for stmt in node.body:
            self.visit(stmt)
        self.scope = outer
        self._bind(node.name)
        if any("__class__" in child.used for child in scope.children):
            scope.cells.add("__class__")

    def visit_Lambda(self, node):
        self._function(node, node.body, node.args)

    def _comprehension(self, node, elts):
        gens = node.generators
        self.visit(gens[0].iter)
        outer = self.scope
        self.scope = self._enter(node, [".0"])
        for i, gen in enumerate(gens):
            self.visit(gen.target)
            if i:
                self.visit(gen.iter)
            for cond in gen.ifs:
                self.visit(cond)
        for elt in elts:
            self.visit(elt)
        self.scope = outer
        if self.scope.children[-1].coroutine and isinstance(outer.node, _COMPREHENSIONS):
            outer.coroutine = True

    def visit_ListComp(self, node):
        self._comprehension(node, [node.elt])

    visit_SetComp = visit_GeneratorExp = visit_ListComp

    def visit_DictComp(self, node):
        self._comprehension(node, [node.key, node.value])

    def visit_NamedExpr(self, node):
        self.visit(node.value)
        # the target binds in the nearest enclosing non-comprehension scope
        scope = self.scope
        while isinstance(scope.node, (ast.ListComp, ast.SetComp, ast.DictComp, ast.GeneratorExp)):
            if node.target.id in scope.assigned:
                raise MontySyntaxError(
                    f"assignment expression cannot rebind comprehension iteration variable '{node.target.id}'",
                    node.lineno)
            scope.used.add(node.target.id)
            scope = scope.parent
        scope.assigned.add(node.target.id)
        if scope.kind == "module":
            return
        # names used in the comprehension scopes resolve to it through cells
        self.scope.used.add(node.target.id)

    def visit_Yield(self, node):
        self.scope.generator = True
        self.generic_visit(node)

    def visit_Await(self, node):
        # an await in a comprehension makes it a coroutine that its caller awaits
        if isinstance(self.scope.node, _COMPREHENSIONS):
            self.scope.coroutine = True
        self.generic_visit(node)

    visit_YieldFrom = visit_Yield

    def visit_ExceptHandler(self, node):
        if node.type:
            self.visit(node.type)
        if node.name:
            self._bind(node.name)
        for stmt in node.body:
            self.visit(stmt)

    def visit_Import(self, node):
        for alias in node.names:
            self._bind(alias.asname or alias.name.split(".")[0])

    def visit_ImportFrom(self, node):
        for alias in node.names:
            if alias.name == "*":
                if self.scope.kind != "module":
                    raise MontySyntaxError("import * only allowed at module level", node.lineno)
                continue
            self._bind(alias.asname or alias.name)

    # match patterns bind names that are plain strings in the tree, not Name nodes
    def visit_MatchAs(self, node):
        if node.name:
            self._bind(node.name)
        self.generic_visit(node)

    def visit_MatchStar(self, node):
        if node.name:
            self._bind(node.name)

    def visit_MatchMapping(self, node):
        if node.rest:
            self._bind(node.rest)
        self.generic_visit(node)

    def _resolve(self, scope):
        for child in scope.children:
            self._resolve(child)
        if scope.kind == "module":
            return
        if scope.kind == "class":
            for name in scope.used:
                if name not in scope.assigned and name not in scope.globals:
                    self._bind_free(scope, name)
            return
        for name in scope.nonlocals:
            if name in scope.params:
                raise MontySyntaxError(f"name '{name}' is parameter and nonlocal", scope.node.lineno)
            if not self._bind_free(scope, name):
                raise MontySyntaxError(f"no binding for nonlocal '{name}' found", scope.node.lineno)
        for name in scope.used | scope.assigned:
            if scope.is_local(name) or name in scope.globals or name in scope.frees:
                continue
            self._bind_free(scope, name)
        for child in scope.children:
            for name in child.frees:
                if scope.is_local(name):
                    scope.cells.add(name)

    def _bind_free(self, scope, name):
        """Make `name` a free variable of `scope` if an enclosing function binds it."""
        chain = []
        outer = scope.parent
        while outer is not None and outer.kind != "module":
            if outer.kind == "class" and name != "__class__":
                chain.append(outer)       # class scopes are skipped, but pass the cell on
                outer = outer.parent
                continue
            if name in outer.globals:
                return False
            if outer.is_local(name) or name in outer.nonlocals:
                for s in [scope] + chain:
                    s.frees.add(name)
                if outer.is_local(name):
                    outer.cells.add(name)
                return True
            chain.append(outer)
            outer = outer.parent
        return False


# ---------------------------------------------------------------- code building

HIDDEN_FRAME = (-1, -1, -1, -1)     # the position of code no traceback shows: a sandbox
                                    # module's, the wrapper running a top-level await


def _HIDDEN_POSITIONS(n):
    return (HIDDEN_FRAME,) * n


def _positions(instrs):
    """Per instruction, (lineno, end_lineno, col_offset, end_col_offset) of the AST node that
    emitted it (UTF-8 byte columns, as CPython's co_positions), or None: read only to draw
    a traceback's carets."""
    out = []
    seen = {}
    for ins in instrs:
        node = ins[5]
        pos = seen.get(id(node), False) if node is not None else None
        if pos is False:
            try:
                pos = (node.lineno, node.end_lineno, node.col_offset, node.end_col_offset)
            except AttributeError:
                pos = None
            if pos is not None and None in pos:
                pos = None
            seen[id(node)] = pos
        out.append(pos)
    return tuple(out)


def _error_text(e, source):
    """The source line of a SyntaxError (a check compile of a tree leaves it out; CPython
    compiling the text shows it, with its caret)."""
    if e.text is None and e.lineno is not None and type(source) is str:
        lines = source.splitlines()
        if 0 < e.lineno <= len(lines):
            return lines[e.lineno - 1]
    return e.text


class CodeUnit:
    """Instructions and tables of one code object under construction."""

    def __init__(self, scope, name, qualname, firstlineno):
        self.scope = scope
        self.name = name
        self.qualname = qualname
        self.firstlineno = firstlineno
        self.instrs = []          # [op, a, b, line, handler, node]
        self.node = None          # the AST node whose code is being emitted (its columns
                                  # place the carets of a traceback, as CPython's positions)
        self.consts = []
        self._const_index = {}
        self.names = []
        self._name_index = {}
        self.varnames = []
        self.cellvars = []
        self.freevars = []
        self.handler = None       # active handler: (label, depth) or None
        self.fblocks = []
        self.depth = 0            # statement-level stack depth held by enclosing blocks
        self.line = firstlineno
        self.label_at = -1        # index of the last instruction a label points at
        self.doc = None
        self.argcount = self.posonly = self.kwonly = 0
        self.flags = 0

    def emit(self, op, a=0, b=0):
        self.instrs.append([op, a, b, self.line, self.handler, self.node])

    def const(self, value):
        t = type(value)
        if t is str or t is int or value is None:
            key = (t, value)          # (the common keys, without _const_key)
        elif t not in _FOLDABLE:
            self.consts.append(value)
            return len(self.consts) - 1
        else:
            key = (t, _const_key(value))
        index = self._const_index.get(key)
        if index is None:
            index = self._const_index[key] = len(self.consts)
            self.consts.append(value)
        return index

    def nameidx(self, name):
        index = self._name_index.get(name)
        if index is None:
            index = self._name_index[name] = len(self.names)
            self.names.append(name)
        return index

    def local(self, name):
        return self.varnames.index(name)


_FOLDABLE = (type(None), bool, int, float, complex, str, bytes, tuple, type(Ellipsis))


def _const_key(value):
    if isinstance(value, float):
        return repr(value)
    if isinstance(value, tuple):
        return tuple((type(v), _const_key(v)) for v in value)
    return value


_EFFECTS = {}
"""(op, a, b, jump) -> stack effect, for the instructions whose effect depends on their
operands (BUILD_LIST n, CALL n...): the same few recur in every program."""


def _stack_effect(op, a, b, jump):
    key = (op, a, b, jump)
    effect = _EFFECTS.get(key)
    if effect is None:
        effect = O.stack_effect(op, a, b, jump=jump)
        if len(_EFFECTS) > 4096:
            _EFFECTS.clear()
        _EFFECTS[key] = effect
    return effect


# node type -> the Compiler method that compiles it (looked up by name once per type)
_STMT_METHODS = {}
_EXPR_METHODS = {}


class Compiler:
    def __init__(self, source, filename, make_code, internal=None):
        self.source = source
        self.filename = filename
        self.make_code = make_code
        self.internal = internal   # prefix of an internal module's globals, or None
        self.module_names = ()     # names bound at module level
        self.builtins = None
        self.unit = None
        self.scopes = None
        self.class_names = []     # enclosing class names, innermost last (name mangling)
        self.future_annotations = False
        self.exec_mode = None      # 'exec' | 'eval' | 'single': code for the exec/eval builtins

    # ------------------------------------------------------------ driver

    def compile_exec(self, tree, mode):
        """Code that sandbox code compiled (exec, eval, compile): a function of two
        parameters, the globals and locals mappings (.G, .L). Every name the top level
        binds or reads goes through them (.L, then .G, then the builtins), and so does every
        global name of the functions and classes it defines, which reach .G through the
        cell .g, as CPython's functions reach their __globals__."""
        if "async" in self.source or "await" in self.source:
            _lower_async(tree, False)
        self.exec_mode = mode
        self.scopes = ScopeBuilder().build(tree)
        root = self.scopes[tree]
        for scope in self.scopes.values():
            if scope is not root:
                scope.frees.add(".g")
        unit = self.unit = CodeUnit(root, "<module>", "<module>", 1)
        unit.exec_root = True
        unit.varnames = [".G", ".L"]
        unit.argcount = 2
        unit.cellvars = [".g"]
        unit.emit(O.LOAD_FAST, 0)
        unit.emit(O.STORE_DEREF, self.deref_slot(".g"))
        body = tree.body
        if mode == "eval":
            unit.line = body[0].lineno
            self.expr(body[0].value)
            unit.emit(O.RETURN_VALUE)
        else:
            self.body(body)
            unit.emit(O.LOAD_CONST, unit.const(None))
            unit.emit(O.RETURN_VALUE)
        return self.assemble(unit)

    def ns_op(self, action, name, where):
        """Load/store/delete `name` through the exec namespaces: `where` is "local" (the top
        level: .L, then .G), "global" (.G) or "class" (a class body's namespace, then .G)."""
        u = self.unit
        helper = {"load": ".ns_load", "store": ".ns_store", "delete": ".ns_delete"}[action]
        u.emit(O.LOAD_GLOBAL, u.nameidx(helper))
        if action == "store":
            u.emit(O.SWAP, 2)
        if where == "local":
            u.emit(O.LOAD_FAST, u.local(".L"))
        elif where == "class":
            u.emit(O.LOAD_FAST, 0)
        else:
            u.emit(O.LOAD_DEREF, self.deref_slot(".g"))
        if action == "load":
            u.emit(O.LOAD_DEREF, self.deref_slot(".g"))
        u.emit(O.LOAD_CONST, u.const(name))
        u.emit(O.CALL, 3 if action != "delete" else 2, 0)
        if action != "load":
            u.emit(O.POP_TOP)

    def compile_module(self, tree):
        # every async node needs one of the two keywords in the source: without them the
        # lowering passes (four walks of the tree) have nothing to do
        if "async" in self.source or "await" in self.source:
            _lower_async(tree, self.internal is None)
        self.scopes = ScopeBuilder().build(tree)
        if self.internal is not None:
            from ._shared import BUILTINS as _BUILTINS
            self.builtins = _BUILTINS
            self.module_names = self.scopes[tree].assigned
        unit = self.unit = CodeUnit(self.scopes[tree], "<module>", "<module>", 1)
        unit.hidden = getattr(tree, "monty_hidden", False)
        unit.flags = CO_MODULE
        body = tree.body
        for i, stmt in enumerate(body):
            if i == len(body) - 1 and isinstance(stmt, ast.Expr):
                unit.line = stmt.lineno
                self.expr(stmt.value)
                unit.emit(O.RETURN_VALUE)
                break
            self.stmt(stmt)
        else:
            unit.emit(O.LOAD_CONST, unit.const(None))
            unit.emit(O.RETURN_VALUE)
        return self.assemble(unit)

    def assemble(self, unit):
        labels_fixed = []
        for ins in unit.instrs:
            op = ins[0]
            operand = O.JUMP_OPERAND.get(op)
            if operand is not None:
                pos = 1 if operand == "a" else 2
                labels_fixed.append((ins, pos))
        for ins, pos in labels_fixed:
            ins[pos] = ins[pos].index
        handlers = []
        handler_index = {}
        handler_of = []
        for ins in unit.instrs:
            h = ins[4]
            if h is None:
                handler_of.append(-1)
                continue
            key = (h[0].index, h[1])
            if key not in handler_index:
                handler_index[key] = len(handlers)
                handlers.append(key)
            handler_of.append(handler_index[key])
        stacksize = self.stack_depth(unit, handlers, handler_of)
        exec_root = getattr(unit, "exec_root", False)
        if unit.scope.kind == "module" and not exec_root:
            nlocals = 0
        else:
            nlocals = len(unit.varnames)
        extra = {"exec_mode": self.exec_mode} if exec_root else {}
        return self.make_code(**extra,
            name=unit.name, qualname=unit.qualname, flags=unit.flags, doc=unit.doc,
            argcount=unit.argcount, posonlyargcount=unit.posonly, kwonlyargcount=unit.kwonly,
            nlocals=nlocals, stacksize=stacksize,
            instrs=[(i[0], int(i[1]), int(i[2])) for i in unit.instrs],   # (enum operands as plain ints)
            lines=[i[3] for i in unit.instrs],
            positions=(_HIDDEN_POSITIONS(len(unit.instrs))
                       if self.internal is not None or getattr(unit, "hidden", False)
                       else _positions(unit.instrs)),
            handler_of=handler_of, handlers=handlers,
            consts=tuple(unit.consts), names=tuple(unit.names),
            varnames=tuple(unit.varnames), cellvars=tuple(unit.cellvars),
            freevars=tuple(unit.freevars), firstlineno=unit.firstlineno,
            filename=self.filename, source=self.source if unit.scope.kind == "module" else None)

    def stack_depth(self, unit, handlers, handler_of):
        """Max stack depth by flow analysis; also checks the compiler kept depths consistent."""
        instrs = unit.instrs
        n = len(instrs)
        depth = [None] * n
        work = [(0, 0)]
        maxdepth = 0

        def push(target, d):
            if depth[target] is None:
                depth[target] = d
                work.append((target, d))
            elif depth[target] != d:
                raise AssertionError(f"inconsistent stack depth at {target} in {unit.qualname}: "
                                     f"{depth[target]} != {d}")

        depth[0] = 0
        jumps, terminators = O.JUMP_OPERAND, O.TERMINATORS
        fixed, fixed_jump = O.FIXED_EFFECT, O.FIXED_JUMP_EFFECT
        while work:
            i, d = work.pop()
            while i < n:
                ins = instrs[i]
                op = ins[0]
                h = handler_of[i]
                if h >= 0:
                    hd = handlers[h][1] + 1
                    push(handlers[h][0], hd)
                    if hd > maxdepth:
                        maxdepth = hd
                jump = jumps.get(op)
                if jump is not None:
                    target = ins[1] if jump == "a" else ins[2]
                    je = fixed_jump[op]
                    if je is None:
                        je = _stack_effect(op, ins[1], ins[2], True)
                    push(target, d + je)
                    if d + je > maxdepth:
                        maxdepth = d + je
                if op in terminators:
                    break
                e = fixed[op]
                d += e if e is not None else _stack_effect(op, ins[1], ins[2], False)
                if d < 0:
                    raise AssertionError(f"negative stack depth at {i} in {unit.qualname}")
                if d > maxdepth:
                    maxdepth = d
                i += 1
                if i < n:
                    if depth[i] is None:
                        depth[i] = d
                    elif depth[i] != d:
                        raise AssertionError(f"inconsistent stack depth at {i} in {unit.qualname}")
                    else:
                        break   # explored already, or queued
        return maxdepth + 1

    # ------------------------------------------------------------ helpers

    def error(self, message, node, construct=None):
        lineno = getattr(node, "lineno", None)
        col = getattr(node, "col_offset", None)
        end_col = getattr(node, "end_col_offset", None)
        text = None
        if lineno is not None:
            lines = self.source.splitlines()
            if 0 < lineno <= len(lines):
                text = lines[lineno - 1]
        same_line = getattr(node, "end_lineno", None) == lineno
        return MontySyntaxError(message, lineno, construct,
                                offset=None if col is None or text is None else col + 1,
                                text=text,
                                end_offset=end_col + 1 if same_line and end_col is not None
                                and text is not None else None,
                                filename=self.filename)

    def new_unit(self, node, name, qualname):
        scope = self.scopes[node]
        unit = CodeUnit(scope, name, qualname, getattr(node, "lineno", 1))
        unit.varnames = list(scope.params)
        for name in sorted(scope.assigned | scope.used):
            if scope.resolve(name) == "fast" and name not in unit.varnames:
                unit.varnames.append(name)
        unit.cellvars = sorted(scope.cells)
        unit.freevars = sorted(scope.frees)
        return unit

    def qualname(self, name):
        unit = self.unit
        if unit.scope.kind == "module":
            return name
        if unit.scope.kind == "class":
            return f"{unit.qualname}.{name}"
        return f"{unit.qualname}.<locals>.{name}"

    # opcode per name kind: (module-level / fast local, class namespace, global, cell)
    _NAME_OPS = {
        "load": (O.LOAD_FAST, O.LOAD_NAME, O.LOAD_GLOBAL, O.LOAD_DEREF),
        "store": (O.STORE_FAST, O.STORE_NAME, O.STORE_GLOBAL, O.STORE_DEREF),
        "delete": (O.DELETE_FAST, O.DELETE_NAME, O.DELETE_GLOBAL, O.DELETE_DEREF),
    }

    def name_op(self, action, name):
        """Emit the load/store/delete of `name` that its scope resolves to."""
        u = self.unit
        fast, by_name, by_global, deref = self._NAME_OPS[action]
        kind = u.scope.resolve(name)
        if self.exec_mode is not None:
            if name.startswith("."):
                if kind == "module":
                    kind = "global"     # (the VM's hidden helpers)
            elif kind == "module":
                self.ns_op(action, name, "global" if name in u.scope.globals else "local")
                return
            elif kind == "global":
                self.ns_op(action, name, "global")
                return
            elif kind == "name" and action == "load":
                self.ns_op(action, name, "class")
                return
        if self.internal is not None and kind in ("module", "global", "name"):
            # an internal module: its globals live under a prefix that sandbox code cannot
            # spell, and the builtins it names are bound now, so no sandbox global shadows them
            if name in self.module_names:
                gname = self.internal + name
            elif action == "load" and name.startswith("_b_"):
                # the VM's private helpers ('.name' in the builtins)
                u.emit(O.LOAD_CONST, u.const(self.builtins["." + name[3:]]))
                return
            elif action == "load" and kind != "name" and name in self.builtins:
                u.emit(O.LOAD_CONST, u.const(self.builtins[name]))
                return
            else:
                gname = name
        else:
            gname = name
        if kind == "module":
            u.emit(fast, u.nameidx(gname))
        elif kind == "fast":
            u.emit(fast, u.local(name))
        elif kind == "name":
            # LOAD_NAME falls back to the global slot named by b
            u.emit(by_name, u.nameidx(name), u.nameidx(gname) if action == "load" else 0)
        elif kind == "global":
            u.emit(by_global, u.nameidx(gname))
        else:
            u.emit(deref, self.deref_slot(name))

    def fusable(self, u, name):
        """How `name` resolves, for the instructions that use its slot directly; in an
        internal module a module-level name that is not one of its own globals (a builtin,
        bound as a constant) resolves as "other", so no instruction reaches a sandbox global."""
        kind = u.scope.resolve(name)
        if kind == "module" and self.internal is not None and name not in self.module_names:
            return "other"
        if kind == "module" and self.exec_mode is not None:
            return "other"
        return kind

    def module_slot(self, name):
        """The global slot name of a module-level `name` (an internal module's are prefixed)."""
        if self.internal is not None:
            name = self.internal + name
        return self.unit.nameidx(name)

    def load_name(self, name):
        self.name_op("load", name)

    def store_name(self, name):
        self.name_op("store", name)

    def delete_name(self, name):
        self.name_op("delete", name)

    def deref_slot(self, name):
        u = self.unit
        if name in u.cellvars:
            return len(u.varnames) + u.cellvars.index(name)
        return len(u.varnames) + len(u.cellvars) + u.freevars.index(name)

    def set_line(self, node):
        lineno = getattr(node, "lineno", None)
        if lineno is not None:
            self.unit.line = lineno

    # ------------------------------------------------------------ statements

    def body(self, stmts):
        for s in stmts:
            self.stmt(s)

    def stmt(self, node):
        try:
            self.unit.line = node.lineno
        except AttributeError:      # (a node the compiler made without a position)
            pass
        method = _STMT_METHODS.get(type(node))
        if method is None:
            method = getattr(type(self), "stmt_" + type(node).__name__, None)
            if method is None:
                raise self.error(f"'{type(node).__name__}' statements are not supported", node,
                                 type(node).__name__)
            _STMT_METHODS[type(node)] = method
        u = self.unit
        outer = u.node
        u.node = node
        method(self, node)
        u.node = outer

    def stmt_Expr(self, node):
        self.expr(node.value)
        self.unit.emit(O.POP_TOP)

    def stmt_Pass(self, node):
        pass

    def stmt_Assign(self, node):
        self.expr(node.value)
        for i, target in enumerate(node.targets):
            if i < len(node.targets) - 1:
                self.unit.emit(O.COPY, 1)
            self.store(target)

    def stmt_AnnAssign(self, node):
        u = self.unit
        if node.value is not None:
            self.expr(node.value)
            self.store(node.target)
        if u.scope.kind == "class" and isinstance(node.target, ast.Name) and node.simple:
            # class bodies record annotations, evaluated unless `from __future__ import annotations`
            if self.future_annotations:
                u.emit(O.LOAD_CONST, u.const(ast.unparse(node.annotation)))
            else:
                self.expr(node.annotation)
            u.emit(O.LOAD_NAME, u.nameidx("__annotations__"), u.nameidx("__annotations__"))
            u.emit(O.LOAD_CONST, u.const(self.mangle(node.target.id)))
            u.emit(O.STORE_SUBSCR)

    def stmt_AugAssign(self, node):
        u = self.unit
        op = O.BINOP_AST[type(node.op).__name__] + O.INPLACE
        target = node.target
        if isinstance(target, ast.Name):
            self.load_name(target.id)
            self.expr(node.value)
            self.set_line(node)
            kind = self.fusable(u, target.id)
            if kind in ("fast", "module"):
                slot = u.local(target.id) if kind == "fast" else self.module_slot(target.id)
                u.emit(O.BINARY_OP_STORE_FAST, op, slot)
            else:
                u.emit(O.BINARY_OP, op)
                self.store_name(target.id)
        elif isinstance(target, ast.Attribute):
            self.expr(target.value)
            u.emit(O.COPY, 1)
            u.node = target         # (the attribute's load and store: its carets, as CPython)
            u.emit(O.LOAD_ATTR, u.nameidx(self.mangle(target.attr)))
            u.node = node
            self.expr(node.value)
            self.set_line(node)
            u.emit(O.BINARY_OP, op)
            u.emit(O.SWAP, 2)
            u.node = target
            u.emit(O.STORE_ATTR, u.nameidx(self.mangle(target.attr)))
            u.node = node
        elif isinstance(target, ast.Subscript):
            self.expr(target.value)
            self.subscript_key(target.slice)
            u.emit(O.COPY, 2)
            u.emit(O.COPY, 2)
            u.node = target
            u.emit(O.BINARY_SUBSCR)
            u.node = node
            self.expr(node.value)
            self.set_line(node)
            u.emit(O.BINARY_OP, op)
            u.emit(O.SWAP, 3)
            u.emit(O.SWAP, 2)
            u.node = target
            u.emit(O.STORE_SUBSCR)
            u.node = node
        else:
            raise self.error("illegal expression for augmented assignment", node)

    def store(self, target):
        u = self.unit
        outer = u.node
        u.node = target
        try:
            self._store(target)
        finally:
            u.node = outer

    def _store(self, target):
        u = self.unit
        if isinstance(target, ast.Name):
            self.store_name(target.id)
        elif isinstance(target, ast.Attribute):
            self.expr(target.value)
            u.emit(O.STORE_ATTR, u.nameidx(self.mangle(target.attr)))
        elif isinstance(target, ast.Subscript):
            self.expr(target.value)
            self.subscript_key(target.slice)
            u.emit(O.STORE_SUBSCR)
        elif isinstance(target, (ast.Tuple, ast.List)):
            self.set_line(target)
            stars = [i for i, e in enumerate(target.elts) if isinstance(e, ast.Starred)]
            if len(stars) > 1:
                raise self.error("multiple starred expressions in assignment", target)
            if stars:
                before = stars[0]
                after = len(target.elts) - before - 1
                u.emit(O.UNPACK_EX, before, after)
            else:
                u.emit(O.UNPACK_SEQUENCE, len(target.elts))
            for elt in target.elts:
                self.store(elt.value if isinstance(elt, ast.Starred) else elt)
        elif isinstance(target, ast.Starred):
            raise self.error("starred assignment target must be in a list or tuple", target)
        else:
            raise self.error(f"cannot assign to {type(target).__name__}", target)

    def stmt_Delete(self, node):
        for target in node.targets:
            self.delete(target)

    def delete(self, target):
        u = self.unit
        outer = u.node
        u.node = target
        try:
            self._delete(target)
        finally:
            u.node = outer

    def _delete(self, target):
        u = self.unit
        if isinstance(target, ast.Name):
            self.delete_name(target.id)
        elif isinstance(target, ast.Attribute):
            self.expr(target.value)
            u.emit(O.DELETE_ATTR, u.nameidx(self.mangle(target.attr)))
        elif isinstance(target, ast.Subscript):
            self.expr(target.value)
            self.subscript_key(target.slice)
            u.emit(O.DELETE_SUBSCR)
        elif isinstance(target, (ast.Tuple, ast.List)):
            for elt in target.elts:
                self.delete(elt)
        else:
            raise self.error(f"cannot delete {type(target).__name__}", target)

    def stmt_If(self, node):
        u = self.unit
        end = Label()
        orelse = Label() if node.orelse else end
        self.jump_if(node.test, False, orelse)
        self.body(node.body)
        if node.orelse:
            u.emit(O.JUMP, end)
            self.place(orelse)
            self.body(node.orelse)
        self.place(end)

    def place(self, label):
        label.index = self.unit.label_at = len(self.unit.instrs)

    def jump_if(self, test, value, label):
        """Jump to label when bool(test) == value; fall through otherwise."""
        u = self.unit
        if isinstance(test, ast.UnaryOp) and isinstance(test.op, ast.Not):
            return self.jump_if(test.operand, not value, label)
        if isinstance(test, ast.BoolOp):
            is_and = isinstance(test.op, ast.And)
            if is_and != value:
                # `a and b` jumping when false / `a or b` jumping when true: any operand decides
                for v in test.values:
                    self.jump_if(v, value, label)
            else:
                skip = Label()
                for v in test.values[:-1]:
                    self.jump_if(v, not value, skip)
                self.jump_if(test.values[-1], value, label)
                self.place(skip)
            return
        if (not value and isinstance(test, ast.Compare) and len(test.ops) == 1):
            self.expr(test.left)
            self.expr(test.comparators[0])
            self.set_line(test)
            u.emit(O.COMPARE_JUMP_IF_FALSE, O.CMP_AST[type(test.ops[0]).__name__], label)
            return
        self.expr(test)
        u.emit(O.POP_JUMP_IF_TRUE if value else O.POP_JUMP_IF_FALSE, label)

    def push_fblock(self, kind, handler=_CURRENT, **info):
        """Enter a block that break/continue/return must clean up; `handler` is the one in
        force once the block's cleanup has run (default: the current one)."""
        info["kind"] = kind
        info["handler"] = self.unit.handler if handler is _CURRENT else handler
        info["depth"] = self.unit.depth
        self.unit.fblocks.append(info)
        return info

    def stmt_While(self, node):
        u = self.unit
        top, end, brk = Label(), Label(), Label()
        orelse = Label() if node.orelse else brk
        self.place(top)
        if not (isinstance(node.test, ast.Constant) and node.test.value):
            self.jump_if(node.test, False, orelse)
        self.push_fblock("loop", cont=top, brk=brk, is_for=False)
        self.body(node.body)
        u.fblocks.pop()
        self.set_line(node)
        u.emit(O.JUMP_BACKWARD, top)
        if node.orelse:
            self.place(orelse)
            self.body(node.orelse)
        self.place(brk)
        self.place(end)

    def stmt_For(self, node):
        u = self.unit
        top, exhausted, brk = Label(), Label(), Label()
        self.expr(node.iter)
        self.set_line(node)
        u.emit(O.GET_ITER)
        u.depth += 1
        self.place(top)
        target = node.target
        fast = None
        if isinstance(target, ast.Name):
            kind = self.fusable(u, target.id)
            if kind == "fast":
                fast = u.local(target.id)
            elif kind == "module":
                fast = self.module_slot(target.id)
        if fast is not None:
            u.emit(O.FOR_ITER_STORE_FAST, exhausted, fast)
        else:
            u.emit(O.FOR_ITER, exhausted)
            self.store(target)
        self.push_fblock("loop", cont=top, brk=brk, is_for=True)
        self.body(node.body)
        u.fblocks.pop()
        self.set_line(node)
        u.emit(O.JUMP_BACKWARD, top)
        self.place(exhausted)
        u.depth -= 1
        self.body(node.orelse)
        self.place(brk)

    def stmt_Break(self, node):
        loop = self.unwind(node, to_loop=True, is_break=True)
        self.unit.emit(O.JUMP, loop["brk"])

    def stmt_Continue(self, node):
        loop = self.unwind(node, to_loop=True, is_break=False)
        self.unit.emit(O.JUMP, loop["cont"])

    def stmt_Return(self, node):
        u = self.unit
        if u.scope.kind == "module" and self.internal is not None:
            raise self.error("'return' outside function", node)
        # (at the top level of a program, `return` ends it with that value)
        if node.value is not None:
            self.expr(node.value)
        else:
            u.emit(O.LOAD_CONST, u.const(None))
        self.unwind(node, to_loop=False, is_break=False, value_on_top=True)
        self.set_line(node)
        u.emit(O.RETURN_VALUE)

    def unwind(self, node, to_loop, is_break, value_on_top=False):
        """Emit the cleanup of every block a break/continue/return leaves."""
        u = self.unit
        saved_blocks = list(u.fblocks)
        saved_handler = u.handler
        saved_depth = u.depth
        result = None
        try:
            while u.fblocks:
                block = u.fblocks[-1]
                kind = block["kind"]
                if kind == "loop":
                    if to_loop:
                        result = block
                        if is_break and block["is_for"]:
                            u.emit(O.POP_TOP)
                        break
                    u.fblocks.pop()
                    if block["is_for"]:
                        self.pop_below(value_on_top)
                    u.handler = block["handler"]
                    continue
                if kind == "except_star":
                    raise self.error("'break', 'continue' and 'return' cannot appear in an "
                                     "except* block", node)
                u.fblocks.pop()
                u.handler = block["handler"]
                if kind == "handler":          # inside an except body: prev_exc on the stack
                    if block.get("name"):
                        self.unbind_handler_name(block["name"])
                    if value_on_top:
                        u.emit(O.SWAP, 2)
                    u.emit(O.POP_EXCEPT)
                elif kind == "finally_try":    # leaving a try body: run the finally body
                    u.depth = block["depth"] + (1 if value_on_top else 0)
                    if value_on_top:
                        # a break/continue/return in this finally body drops the pending value
                        self.push_fblock("pop_value")
                    self.body(block["body"])
                    if value_on_top:
                        u.fblocks.pop()
                elif kind == "pop_value":
                    if value_on_top:
                        u.emit(O.SWAP, 2)
                    u.emit(O.POP_TOP)
                elif kind == "with":           # leaving a with body: exit(None, None, None)
                    if value_on_top:
                        u.emit(O.SWAP, 2)
                    self.call_exit_none(block.get("is_async", False))
                elif kind == "finally_end":    # inside a finally run for an exception
                    self.pop_below(value_on_top)
                    if value_on_top:
                        u.emit(O.SWAP, 2)
                    u.emit(O.POP_EXCEPT)
            if to_loop and result is None:
                what = "'break' outside loop" if is_break else "'continue' not properly in loop"
                raise self.error(what, node)
            return result
        finally:
            u.fblocks[:] = saved_blocks
            u.handler = saved_handler
            u.depth = saved_depth

    def pop_below(self, value_on_top):
        if value_on_top:
            self.unit.emit(O.SWAP, 2)
        self.unit.emit(O.POP_TOP)

    def unbind_handler_name(self, name):
        u = self.unit
        u.emit(O.LOAD_CONST, u.const(None))
        self.store_name(name)
        self.delete_name(name)

    def stmt_Raise(self, node):
        u = self.unit
        if node.exc is None:
            u.emit(O.RAISE, 0)
            return
        self.expr(node.exc)
        if node.cause is not None:
            self.expr(node.cause)
            self.set_line(node)
            u.emit(O.RAISE, 2)
        else:
            self.set_line(node)
            u.emit(O.RAISE, 1)

    def stmt_Assert(self, node):
        u = self.unit
        end = Label()
        self.jump_if(node.test, True, end)
        u.emit(O.LOAD_CONST, u.const(AssertionError))
        if node.msg is not None:
            self.expr(node.msg)
            self.set_line(node)
            u.emit(O.CALL, 1, 0)
        u.emit(O.RAISE, 1)
        self.place(end)

    # ------------------------------------------------------------ with

    def stmt_With(self, node):
        self.with_item(node, 0)

    def stmt_AsyncWith(self, node):
        if not self.unit.scope.coroutine:
            raise self.error("'async with' outside async function", node, "async with")
        self.with_item(node, 0, True)

    def stmt_AsyncFor(self, node):
        raise self.error("'async for' outside async function", node, "async for")

    def with_item(self, node, index, is_async=False):
        """One item of a with statement, CPython 3.11 style; the later items nest inside.

        [mgr] BEFORE_WITH, CALL 0 -> [exit, enter()]; the body runs with `exit` on the stack.
        On an exception: [exit, prev_exc, exc]; exit(type, exc, None) decides between
        re-raising and suppressing."""
        u = self.unit
        item = node.items[index]
        handler, cleanup, suppress, end = Label(), Label(), Label(), Label()
        outer = u.handler
        base = u.depth
        self.expr(item.context_expr)
        self.set_line(item.context_expr)
        u.emit(O.BEFORE_ASYNC_WITH if is_async else O.BEFORE_WITH)
        u.emit(O.CALL, 0, 0)
        if is_async:
            self.emit_await(item.context_expr)
        u.depth = base + 1
        u.handler = (handler, base + 1)
        self.push_fblock("with", handler=outer, is_async=is_async)
        if item.optional_vars is not None:
            self.store(item.optional_vars)
        else:
            u.emit(O.POP_TOP)
        if index + 1 < len(node.items):
            self.with_item(node, index + 1, is_async)
        else:
            self.body(node.body)
        u.fblocks.pop()
        u.handler = outer
        self.set_line(node)
        self.call_exit_none(is_async)
        u.emit(O.JUMP, end)
        # an exception in the body: [exit, exc]
        self.place(handler)
        u.handler = (cleanup, base + 2)
        u.emit(O.PUSH_EXC_INFO)          # [exit, prev_exc, exc]
        u.emit(O.COPY, 3)
        u.emit(O.COPY, 2)
        u.emit(O.WITH_EXCEPT_START)      # [..., exit, type, exc, None]
        u.emit(O.CALL, 3, 0)
        if is_async:
            self.emit_await(node)
        u.emit(O.POP_JUMP_IF_TRUE, suppress)
        u.emit(O.RERAISE)
        self.place(suppress)             # suppressed: [exit, prev_exc, exc]
        u.emit(O.POP_TOP)
        u.emit(O.POP_EXCEPT)
        u.handler = outer
        u.emit(O.POP_TOP)
        u.emit(O.JUMP, end)
        self.place(cleanup)              # raised again (or by __exit__): [exit, prev_exc, exc]
        u.emit(O.SWAP, 2)
        u.emit(O.POP_EXCEPT)
        u.emit(O.RERAISE)
        self.place(end)
        u.depth = base

    def call_exit_none(self, is_async=False):
        """[exit] -> []: exit(None, None, None) (awaited for `async with`), result dropped."""
        u = self.unit
        none = u.const(None)
        u.emit(O.LOAD_CONST, none)
        u.emit(O.LOAD_CONST, none)
        u.emit(O.LOAD_CONST, none)
        u.emit(O.CALL, 3, 0)
        if is_async:
            self.emit_await(None)
        u.emit(O.POP_TOP)

    # ------------------------------------------------------------ match

    def stmt_Match(self, node):
        """CPython 3.11's compiler_match: the subject stays on the stack (copied per case)
        while a case's pattern runs; captures wait on the stack and are stored only once the
        whole pattern matched; a failed pattern jumps to a chain of POP_TOPs (fail_pop) that
        clears what it left."""
        u = self.unit
        self.expr(node.subject)
        end = Label()
        cases = node.cases
        has_default = len(cases) > 1 and _is_wildcard(cases[-1].pattern)
        ncases = len(cases) - has_default
        for i in range(ncases):
            case = cases[i]
            self.set_line(case.pattern)
            last = i == ncases - 1
            if not last:
                u.emit(O.COPY, 1)
            pc = _PatternContext()
            self.pattern(case.pattern, pc)
            for name in pc.stores:
                self.store_name(name)
            if case.guard is not None:
                self.ensure_fail_pop(pc, 0)
                self.jump_if(case.guard, False, pc.fail_pop[0])
            if not last:
                u.emit(O.POP_TOP)
            self.body(case.body)
            u.emit(O.JUMP, end)
            self.set_line(case.pattern)
            self.emit_and_reset_fail_pop(pc)
        if has_default:
            case = cases[-1]
            self.set_line(case.pattern)
            if case.guard is not None:
                self.jump_if(case.guard, False, end)
            self.body(case.body)
        self.place(end)

    def ensure_fail_pop(self, pc, n):
        while len(pc.fail_pop) <= n:
            pc.fail_pop.append(Label())

    def jump_to_fail_pop(self, pc, op):
        """Jump (with `op`) to the label that pops everything the pattern pushed so far."""
        pops = pc.on_top + len(pc.stores)
        self.ensure_fail_pop(pc, pops)
        self.unit.emit(op, pc.fail_pop[pops])

    def emit_and_reset_fail_pop(self, pc):
        u = self.unit
        if not pc.fail_pop:
            return
        for n in range(len(pc.fail_pop) - 1, 0, -1):
            self.place(pc.fail_pop[n])
            u.emit(O.POP_TOP)
        self.place(pc.fail_pop[0])
        pc.fail_pop = []

    def pattern_rotate(self, count):
        """Move the top of the stack down to position `count`."""
        while count > 1:
            self.unit.emit(O.SWAP, count)
            count -= 1

    def pattern_store(self, name, pc):
        """Keep the value on top as the capture `name` (below what the pattern still needs)."""
        if name is None:
            self.unit.emit(O.POP_TOP)
            return
        # CPython's own compile() (in parse) has rejected duplicates and forbidden names
        self.pattern_rotate(pc.on_top + len(pc.stores) + 1)
        pc.stores.append(name)

    def pattern(self, p, pc):
        """Match the value on top of the stack (consuming it) against the pattern `p`."""
        self.set_line(p)
        method = getattr(self, "pattern_" + type(p).__name__, None)
        if method is None:
            raise self.error(f"'{type(p).__name__}' patterns are not supported", p)
        method(p, pc)

    def pattern_MatchValue(self, p, pc):
        u = self.unit
        self.expr(p.value)
        self.set_line(p)
        u.emit(O.COMPARE_OP, O.CmpOp.EQ)
        self.jump_to_fail_pop(pc, O.POP_JUMP_IF_FALSE)

    def pattern_MatchSingleton(self, p, pc):
        u = self.unit
        u.emit(O.LOAD_CONST, u.const(p.value))
        u.emit(O.COMPARE_OP, O.CmpOp.IS)
        self.jump_to_fail_pop(pc, O.POP_JUMP_IF_FALSE)

    def pattern_MatchAs(self, p, pc):
        if p.pattern is None:
            self.pattern_store(p.name, pc)
            return
        pc.on_top += 1
        self.unit.emit(O.COPY, 1)
        self.pattern(p.pattern, pc)
        pc.on_top -= 1
        self.pattern_store(p.name, pc)

    def pattern_MatchStar(self, p, pc):
        self.pattern_store(p.name, pc)

    def pattern_MatchSequence(self, p, pc):
        u = self.unit
        patterns = p.patterns
        size = len(patterns)
        star = -1
        only_wildcard = True
        star_wildcard = False
        for i, sub in enumerate(patterns):
            if isinstance(sub, ast.MatchStar):
                star = i
                star_wildcard = sub.name is None
                only_wildcard = only_wildcard and star_wildcard
                continue
            only_wildcard = only_wildcard and _is_wildcard(sub)
        pc.on_top += 1
        u.emit(O.MATCH_SEQUENCE)
        self.jump_to_fail_pop(pc, O.POP_JUMP_IF_FALSE)
        if star < 0:
            u.emit(O.GET_LEN)
            u.emit(O.LOAD_CONST, u.const(size))
            u.emit(O.COMPARE_OP, O.CmpOp.EQ)
            self.jump_to_fail_pop(pc, O.POP_JUMP_IF_FALSE)
        elif size > 1:
            u.emit(O.GET_LEN)
            u.emit(O.LOAD_CONST, u.const(size - 1))
            u.emit(O.COMPARE_OP, O.CmpOp.GE)
            self.jump_to_fail_pop(pc, O.POP_JUMP_IF_FALSE)
        pc.on_top -= 1
        if only_wildcard:
            u.emit(O.POP_TOP)
        elif star_wildcard:
            self.pattern_sequence_subscr(patterns, star, pc)
        else:
            self.pattern_sequence_unpack(patterns, star, pc)

    def pattern_sequence_unpack(self, patterns, star, pc):
        u = self.unit
        size = len(patterns)
        if star < 0:
            u.emit(O.UNPACK_SEQUENCE, size)
        else:
            u.emit(O.UNPACK_EX, star, size - star - 1)
        pc.on_top += size
        for sub in patterns:
            pc.on_top -= 1
            self.pattern(sub, pc)

    def pattern_sequence_subscr(self, patterns, star, pc):
        """[a, *_, b]: index the subject instead of unpacking it."""
        u = self.unit
        size = len(patterns)
        pc.on_top += 1
        for i, sub in enumerate(patterns):
            if i == star or _is_wildcard(sub):
                continue
            u.emit(O.COPY, 1)
            if i < star:
                u.emit(O.LOAD_CONST, u.const(i))
            else:
                u.emit(O.GET_LEN)
                u.emit(O.LOAD_CONST, u.const(size - i))
                u.emit(O.BINARY_OP, O.BinOp.SUB)
            u.emit(O.BINARY_SUBSCR)
            self.pattern(sub, pc)
        pc.on_top -= 1
        u.emit(O.POP_TOP)

    def pattern_MatchMapping(self, p, pc):
        u = self.unit
        keys = p.keys
        size = len(keys)
        pc.on_top += 1
        u.emit(O.MATCH_MAPPING)
        self.jump_to_fail_pop(pc, O.POP_JUMP_IF_FALSE)
        if not size and not p.rest:
            pc.on_top -= 1
            u.emit(O.POP_TOP)
            return
        if size:
            u.emit(O.GET_LEN)
            u.emit(O.LOAD_CONST, u.const(size))
            u.emit(O.COMPARE_OP, O.CmpOp.GE)
            self.jump_to_fail_pop(pc, O.POP_JUMP_IF_FALSE)
        for key in keys:
            self.expr(key)
        self.set_line(p)
        u.emit(O.BUILD_TUPLE, size)
        u.emit(O.MATCH_KEYS)              # [subject, keys, values or None]
        pc.on_top += 2
        u.emit(O.COPY, 1)
        u.emit(O.LOAD_CONST, u.const(None))
        u.emit(O.COMPARE_OP, O.CmpOp.IS_NOT)
        self.jump_to_fail_pop(pc, O.POP_JUMP_IF_FALSE)
        u.emit(O.UNPACK_SEQUENCE, size)
        pc.on_top += size - 1
        for sub in p.patterns:
            pc.on_top -= 1
            self.pattern(sub, pc)
        pc.on_top -= 2
        if p.rest:
            # rest = dict(subject); del rest[key] for each key
            u.emit(O.BUILD_MAP, 0)           # [subject, keys, {}]
            u.emit(O.SWAP, 3)                # [{}, keys, subject]
            u.emit(O.DICT_UPDATE, 2)         # [rest, keys]
            u.emit(O.UNPACK_SEQUENCE, size)  # [rest, keys...]
            while size:
                u.emit(O.COPY, 1 + size)
                size -= 1
                u.emit(O.SWAP, 2)
                u.emit(O.DELETE_SUBSCR)
            self.pattern_store(p.rest, pc)
        else:
            u.emit(O.POP_TOP)
            u.emit(O.POP_TOP)

    def pattern_MatchClass(self, p, pc):
        u = self.unit
        patterns = p.patterns + p.kwd_patterns
        nargs = len(p.patterns)
        self.expr(p.cls)
        self.set_line(p)
        u.emit(O.LOAD_CONST, u.const(tuple(p.kwd_attrs)))
        u.emit(O.MATCH_CLASS, nargs)
        u.emit(O.COPY, 1)
        u.emit(O.LOAD_CONST, u.const(None))
        u.emit(O.COMPARE_OP, O.CmpOp.IS_NOT)
        pc.on_top += 1
        self.jump_to_fail_pop(pc, O.POP_JUMP_IF_FALSE)
        u.emit(O.UNPACK_SEQUENCE, len(patterns))
        pc.on_top += len(patterns) - 1
        for sub in patterns:
            pc.on_top -= 1
            if _is_wildcard(sub):
                u.emit(O.POP_TOP)
                continue
            self.pattern(sub, pc)

    def pattern_MatchOr(self, p, pc):
        u = self.unit
        end = Label()
        outer_stores, outer_on_top = pc.stores, pc.on_top
        outer_fail_pop = pc.fail_pop
        control = None
        for i, alt in enumerate(p.patterns):
            self.set_line(alt)
            pc.stores = []
            pc.fail_pop = []
            pc.on_top = 0
            u.emit(O.COPY, 1)
            self.pattern(alt, pc)
            nstores = len(pc.stores)
            if control is None:
                control = pc.stores
            elif nstores != len(control) or set(pc.stores) != set(control):
                raise self.error("alternative patterns bind different names", alt)
            elif nstores:
                # reorder the captures on the stack to the order of the first alternative
                icontrol = nstores
                while icontrol:
                    icontrol -= 1
                    name = control[icontrol]
                    istores = pc.stores.index(name)
                    if icontrol != istores:
                        rotations = istores + 1
                        rotated = pc.stores[:rotations]
                        del pc.stores[:rotations]
                        pc.stores[icontrol - istores:icontrol - istores] = rotated
                        for _ in range(rotations):
                            self.pattern_rotate(icontrol + 1)
            u.emit(O.JUMP, end)
            self.emit_and_reset_fail_pop(pc)
        pc.stores, pc.on_top, pc.fail_pop = outer_stores, outer_on_top, outer_fail_pop
        # no alternative matched: drop the subject and fail
        u.emit(O.POP_TOP)
        self.jump_to_fail_pop(pc, O.JUMP)
        self.place(end)
        nstores = len(control)
        nrots = nstores + 1 + pc.on_top + len(pc.stores)
        for name in control:
            self.pattern_rotate(nrots)
            pc.stores.append(name)
        u.emit(O.POP_TOP)

    def stmt_Try(self, node):
        if node.finalbody:
            self.try_finally(node)
        else:
            self.try_except(node)

    def try_finally(self, node):
        u = self.unit
        handler, cleanup, end = Label(), Label(), Label()
        outer = u.handler
        block = self.push_fblock("finally_try", body=node.finalbody)
        u.handler = (handler, u.depth)
        if not node.handlers:
            self.body(node.body)
        elif isinstance(node, ast.Try):
            self.try_except(node)
        else:
            self.try_star(node)
        u.fblocks.pop()
        u.handler = outer
        # normal exit: run the finally body inline
        self.body(node.finalbody)
        u.emit(O.JUMP, end)
        # exceptional exit: [prev_exc, exc] on the stack while the finally body runs
        self.place(handler)
        u.handler = (cleanup, block["depth"] + 1)
        u.emit(O.PUSH_EXC_INFO)
        u.depth = block["depth"] + 2
        self.push_fblock("finally_end", handler=outer)
        self.body(node.finalbody)
        u.fblocks.pop()
        u.emit(O.RERAISE)
        self.place(cleanup)
        u.handler = outer
        u.depth = block["depth"]
        u.emit(O.SWAP, 2)
        u.emit(O.POP_EXCEPT)
        u.emit(O.RERAISE)
        self.place(end)

    def try_handlers(self, node, clauses):
        """The frame of try/except and try/except*: the body runs under a handler that pushes
        [prev_exc, exc] and emits `clauses(node, base, outer, cleanup, end)`, which jump to
        `end` when handled; an exception inside them reaches `cleanup` with [prev_exc, exc2]."""
        u = self.unit
        handler, cleanup, end = Label(), Label(), Label()
        outer = u.handler
        base = u.depth
        u.handler = (handler, base)
        self.body(node.body)
        u.handler = outer
        orelse = Label()
        u.emit(O.JUMP, orelse)
        self.place(handler)
        u.handler = (cleanup, base + 1)
        u.emit(O.PUSH_EXC_INFO)          # [prev_exc, exc]
        clauses(node, base, outer, cleanup, end)
        self.place(cleanup)
        u.handler = outer
        u.depth = base
        u.emit(O.SWAP, 2)
        u.emit(O.POP_EXCEPT)
        u.emit(O.RERAISE)
        self.place(orelse)
        self.body(node.orelse)
        self.place(end)

    def try_except(self, node):
        self.try_handlers(node, self.except_clauses)

    def except_clauses(self, node, base, outer, cleanup, end):
        u = self.unit
        for i, h in enumerate(node.handlers):
            self.set_line(h)
            nxt = Label()
            if h.type is None:
                if i != len(node.handlers) - 1:
                    raise self.error("default 'except:' must be last", h)
            else:
                self.expr(h.type)
                u.emit(O.CHECK_EXC_MATCH)
                u.emit(O.POP_JUMP_IF_FALSE, nxt)
            u.depth = base + 1
            if h.name:
                self.store_name(h.name)
                name_cleanup = Label()
                u.handler = (name_cleanup, base + 1)
                self.push_fblock("handler", handler=outer, name=h.name)
                self.body(h.body)
                u.fblocks.pop()
                u.handler = outer
                u.emit(O.POP_EXCEPT)
                self.unbind_handler_name(h.name)
                u.emit(O.JUMP, end)
                # an exception inside the handler body: unbind the name, then clean up
                u.handler = (cleanup, base + 1)
                self.place(name_cleanup)
                self.unbind_handler_name(h.name)
                u.emit(O.RERAISE)
            else:
                u.emit(O.POP_TOP)
                self.push_fblock("handler", handler=outer, name=None)
                self.body(h.body)
                u.fblocks.pop()
                u.handler = outer
                u.emit(O.POP_EXCEPT)
                u.emit(O.JUMP, end)
                u.handler = (cleanup, base + 1)
            self.place(nxt)
        u.depth = base
        if node.handlers[-1].type is not None:
            u.emit(O.RERAISE)                # no clause matched: [prev_exc, exc]

    def stmt_TryStar(self, node):
        if node.finalbody:
            self.try_finally(node)
        else:
            self.try_star(node)

    def try_star(self, node):
        """`try`/`except*` as CPython runs it: each clause in turn takes its part of what is
        left of the exception (a naked one wrapped in a group) and handles it as the exception
        being handled; what the handlers raised and what no clause took are raised together
        at the end. The .eg_* helpers keep that state in a list on the stack."""
        self.try_handlers(node, self.except_star_clauses)

    def except_star_clauses(self, node, base, outer, cleanup, end):
        u = self.unit
        done = Label()
        self.call_hidden(".eg_start", 1)         # [prev_exc, state]
        u.depth = base + 2
        for h in node.handlers:
            self.set_line(h)
            nxt, failed, unmatched = Label(), Label(), Label()
            u.emit(O.COPY, 1)
            self.expr(h.type)
            self.call_hidden(".eg_match", 2)     # [prev_exc, state, match or None]
            u.emit(O.COPY, 1)
            u.emit(O.LOAD_CONST, u.const(None))
            u.emit(O.COMPARE_OP, O.CmpOp.IS_NOT)
            u.emit(O.POP_JUMP_IF_FALSE, unmatched)
            if h.name:
                self.store_name(h.name)
            else:
                u.emit(O.POP_TOP)
            u.handler = (failed, base + 2)
            self.push_fblock("except_star")
            self.body(h.body)
            u.fblocks.pop()
            u.handler = (cleanup, base + 1)
            if h.name:
                self.unbind_handler_name(h.name)
            u.emit(O.JUMP, nxt)
            self.place(failed)                   # [prev_exc, state, raised]
            if h.name:
                self.unbind_handler_name(h.name)
            u.emit(O.COPY, 2)
            self.call_hidden(".eg_raised", 2)
            u.emit(O.POP_TOP)
            u.emit(O.JUMP, nxt)
            self.place(unmatched)
            u.emit(O.POP_TOP)
            self.place(nxt)
        # [prev_exc, state] -> [prev_exc, anything to raise?]: it is then the exception being
        # handled, and a bare raise raises it as it is
        self.call_hidden(".eg_end", 1)
        u.emit(O.POP_JUMP_IF_FALSE, done)
        u.emit(O.RAISE, 0)
        self.place(done)
        u.emit(O.POP_EXCEPT)
        u.emit(O.JUMP, end)

    def call_hidden(self, name, nargs):
        """Call the VM helper `name` with the `nargs` values on top of the stack."""
        u = self.unit
        self.load_name(name)
        for i in range(nargs + 1, 1, -1):
            u.emit(O.SWAP, i)
        u.emit(O.CALL, nargs, 0)

    def stmt_FunctionDef(self, node):
        for d in node.decorator_list:
            self.expr(d)
        self.make_function(node, node.name, node.args, node.body)
        self.function_annotations(node)
        self.set_line(node)
        self.apply_decorators(node)
        self.store_name(node.name)

    def apply_decorators(self, node):
        """Call the decorators innermost first, each call placed at its own `@` line (a
        traceback through a failing decorator names that line, as CPython's does)."""
        u = self.unit
        if not node.decorator_list:
            return
        outer = u.node
        for d in reversed(node.decorator_list):
            u.line = d.lineno
            u.node = d
            u.emit(O.CALL, 1, 0)
        u.node = outer
        self.set_line(node)

    stmt_AsyncFunctionDef = stmt_FunctionDef

    def function_annotations(self, node):
        """f.__annotations__ for the function on the stack top, when its def has any:
        evaluated now (strings under `from __future__ import annotations`)."""
        args = node.args
        params = args.posonlyargs + args.args + ([args.vararg] if args.vararg else []) + \
            args.kwonlyargs + ([args.kwarg] if args.kwarg else [])
        pairs = [(a.arg, a.annotation) for a in params if a.annotation is not None]
        if node.returns is not None:
            pairs.append(("return", node.returns))
        if not pairs:
            return
        u = self.unit
        u.emit(O.COPY, 1)
        for key, ann in pairs:
            u.emit(O.LOAD_CONST, u.const(self.mangle(key)))
            if self.future_annotations:
                u.emit(O.LOAD_CONST, u.const(ast.unparse(ann)))
            else:
                self.expr(ann)
        u.emit(O.BUILD_MAP, len(pairs))
        u.emit(O.SWAP, 2)
        u.emit(O.STORE_ATTR, u.nameidx("__annotations__"))

    def stmt_ClassDef(self, node):
        u = self.unit
        for d in node.decorator_list:
            self.expr(d)
        self.emit_make_function(self.compile_class_body(node), 0)
        u.emit(O.LOAD_CONST, u.const(node.name))
        for b in node.bases:
            if isinstance(b, ast.Starred):
                raise self.error("starred base classes are not supported", b, "class bases")
            self.expr(b)
        kwflag = 0
        if node.keywords:
            for k in node.keywords:
                if k.arg is None:
                    raise self.error("'**' in class keywords is not supported", node, "class keywords")
                u.emit(O.LOAD_CONST, u.const(k.arg))
                self.expr(k.value)
            u.emit(O.BUILD_MAP, len(node.keywords))
            kwflag = 1
        self.set_line(node)
        u.emit(O.BUILD_CLASS, len(node.bases), kwflag)
        self.apply_decorators(node)
        self.store_name(node.name)

    def compile_class_body(self, node):
        outer = self.unit
        unit = self.unit = self.new_unit(node, node.name, self.qualname(node.name))
        try:
            unit.argcount = 1
            body = node.body
            if (body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant)
                    and isinstance(body[0].value.value, str)):
                unit.emit(O.LOAD_CONST, unit.const(body[0].value.value))
                unit.emit(O.STORE_NAME, unit.nameidx("__doc__"))
            if any(isinstance(s, ast.AnnAssign) and isinstance(s.target, ast.Name) for s in body):
                unit.emit(O.BUILD_MAP, 0)
                unit.emit(O.STORE_NAME, unit.nameidx("__annotations__"))
            self.class_names.append(node.name)
            self.body(body)
            self.class_names.pop()
            if "__class__" in unit.cellvars:
                unit.emit(O.LOAD_CLOSURE, self.deref_slot("__class__"))
            else:
                unit.emit(O.LOAD_CONST, unit.const(None))
            unit.emit(O.RETURN_VALUE)
            return self.assemble(unit)
        finally:
            self.unit = outer

    def stmt_Global(self, node):
        pass

    stmt_Nonlocal = stmt_Global

    def stmt_Import(self, node):
        u = self.unit
        for alias in node.names:
            # `import a.b` binds the top package a; `import a.b as c` binds a.b
            u.emit(O.IMPORT_NAME, u.nameidx(alias.name), 1 if alias.asname else 0)
            self.store_name(alias.asname or alias.name.split(".")[0])

    def stmt_ImportFrom(self, node):
        u = self.unit
        if node.module == "__future__" and not node.level:
            for alias in node.names:
                if alias.name == "annotations":
                    self.future_annotations = True
            return
        module = "." * node.level + (node.module or "")
        if node.names[0].name == "*":
            u.emit(O.IMPORT_NAME, u.nameidx(module), 2)    # binds the module's names itself
            u.emit(O.POP_TOP)
            return
        u.emit(O.IMPORT_NAME, u.nameidx(module), 1)
        for alias in node.names:
            u.emit(O.IMPORT_FROM, u.nameidx(alias.name))
            self.store_name(alias.asname or alias.name)
        u.emit(O.POP_TOP)

    # ------------------------------------------------------------ functions

    def make_function(self, node, name, args, body, qualname=None):
        u = self.unit
        flags = 0
        if args.defaults:
            for d in args.defaults:
                self.expr(d)
            u.emit(O.BUILD_TUPLE, len(args.defaults))
            flags |= O.MF_DEFAULTS
        kwdefaults = [(a.arg, d) for a, d in zip(args.kwonlyargs, args.kw_defaults) if d is not None]
        if kwdefaults:
            for key, d in kwdefaults:
                u.emit(O.LOAD_CONST, u.const(key))
                self.expr(d)
            u.emit(O.BUILD_MAP, len(kwdefaults))
            flags |= O.MF_KWDEFAULTS
        code = self.compile_function(node, name, args, body, qualname or self.qualname(name))
        self.emit_make_function(code, flags)

    def emit_make_function(self, code, flags):
        """MAKE_FUNCTION for `code`, its closure built from this unit's cells (defaults and
        keyword defaults, as `flags` says, are already on the stack)."""
        u = self.unit
        if code.freevars:
            for free in code.freevars:
                u.emit(O.LOAD_CLOSURE, self.deref_slot(free))
            u.emit(O.BUILD_TUPLE, len(code.freevars))
            flags |= O.MF_CLOSURE
        u.emit(O.LOAD_CONST, u.const(code))
        u.emit(O.MAKE_FUNCTION, flags)

    def compile_function(self, node, name, args, body, qualname):
        outer = self.unit
        unit = self.unit = self.new_unit(node, name, qualname)
        try:
            unit.posonly = len(args.posonlyargs)
            unit.argcount = len(args.posonlyargs) + len(args.args)
            unit.kwonly = len(args.kwonlyargs)
            if args.vararg:
                unit.flags |= CO_VARARGS
            if args.kwarg:
                unit.flags |= CO_VARKEYWORDS
            if unit.scope.coroutine:
                # coroutines and async generators are suspended frames like generators
                unit.flags |= CO_GENERATOR | (CO_ASYNC_GENERATOR if unit.scope.generator else CO_COROUTINE)
            elif unit.scope.generator:
                unit.flags |= CO_GENERATOR | (CO_ITERABLE_COROUTINE if self.internal else 0)
            self.copy_params_to_cells(unit)
            if (isinstance(body, list) and body and isinstance(body[0], ast.Expr)
                    and isinstance(body[0].value, ast.Constant) and isinstance(body[0].value.value, str)):
                unit.doc = body[0].value.value
            if isinstance(body, list):
                self.body(body)
                unit.emit(O.LOAD_CONST, unit.const(None))
                unit.emit(O.RETURN_VALUE)
            else:
                self.expr(body)
                unit.emit(O.RETURN_VALUE)
            return self.assemble(unit)
        finally:
            self.unit = outer

    def copy_params_to_cells(self, unit):
        for name in unit.scope.params:
            if name in unit.cellvars:
                unit.emit(O.LOAD_FAST, unit.local(name))
                unit.emit(O.STORE_DEREF, len(unit.varnames) + unit.cellvars.index(name))

    # ------------------------------------------------------------ expressions

    def expr(self, node):
        try:
            self.unit.line = node.lineno
        except AttributeError:      # (a node the compiler made without a position)
            pass
        method = _EXPR_METHODS.get(type(node))
        if method is None:
            method = getattr(type(self), "expr_" + type(node).__name__, None)
            if method is None:
                raise self.error(f"'{type(node).__name__}' expressions are not supported", node,
                                 type(node).__name__)
            _EXPR_METHODS[type(node)] = method
        u = self.unit
        outer = u.node
        u.node = node
        method(self, node)
        u.node = outer

    def expr_Constant(self, node):
        self.unit.emit(O.LOAD_CONST, self.unit.const(node.value))

    def expr_Name(self, node):
        u = self.unit
        if (u.instrs and u.instrs[-1][0] == O.LOAD_FAST and u.instrs[-1][4] == u.handler
                and u.label_at != len(u.instrs)):
            kind = self.fusable(u, node.id)
            if kind in ("fast", "module"):
                prev = u.instrs.pop()
                slot = u.local(node.id) if kind == "fast" else self.module_slot(node.id)
                u.emit(O.LOAD_FAST_LOAD_FAST, prev[1], slot)
                return
        self.load_name(node.id)

    def expr_BinOp(self, node):
        self.expr(node.left)
        self.expr(node.right)
        self.set_line(node)
        self.unit.emit(O.BINARY_OP, O.BINOP_AST[type(node.op).__name__])

    def expr_UnaryOp(self, node):
        operand = node.operand
        if (isinstance(node.op, ast.USub) and isinstance(operand, ast.Constant)
                and type(operand.value) in (int, float, complex)):
            self.unit.emit(O.LOAD_CONST, self.unit.const(-operand.value))
            return
        self.expr(operand)
        self.set_line(node)
        self.unit.emit(O.UNARY_OP, O.UNARY_AST[type(node.op).__name__])

    def expr_BoolOp(self, node):
        u = self.unit
        end = Label()
        op = O.JUMP_IF_FALSE_OR_POP if isinstance(node.op, ast.And) else O.JUMP_IF_TRUE_OR_POP
        for v in node.values[:-1]:
            self.expr(v)
            u.emit(op, end)
        self.expr(node.values[-1])
        self.place(end)

    def expr_Compare(self, node):
        u = self.unit
        self.expr(node.left)
        if len(node.ops) == 1:
            self.expr(node.comparators[0])
            self.set_line(node)
            u.emit(O.COMPARE_OP, O.CMP_AST[type(node.ops[0]).__name__])
            return
        cleanup, end = Label(), Label()
        for op, comparator in zip(node.ops[:-1], node.comparators[:-1]):
            self.expr(comparator)
            u.emit(O.SWAP, 2)
            u.emit(O.COPY, 2)
            self.set_line(node)
            u.emit(O.COMPARE_OP, O.CMP_AST[type(op).__name__])
            u.emit(O.JUMP_IF_FALSE_OR_POP, cleanup)
        self.expr(node.comparators[-1])
        self.set_line(node)
        u.emit(O.COMPARE_OP, O.CMP_AST[type(node.ops[-1]).__name__])
        u.emit(O.JUMP, end)
        self.place(cleanup)
        u.emit(O.SWAP, 2)
        u.emit(O.POP_TOP)
        self.place(end)

    def expr_IfExp(self, node):
        u = self.unit
        orelse, end = Label(), Label()
        self.jump_if(node.test, False, orelse)
        self.expr(node.body)
        u.emit(O.JUMP, end)
        self.place(orelse)
        self.expr(node.orelse)
        self.place(end)

    def expr_NamedExpr(self, node):
        self.expr(node.value)
        self.unit.emit(O.COPY, 1)
        self.store_name(node.target.id)

    def mangle(self, name):
        """Private names (`__x`) inside a class become `_Class__x`, as in CPython."""
        if self.class_names and name.startswith("__") and not name.endswith("__"):
            owner = self.class_names[-1].lstrip("_")
            if owner:
                return f"_{owner}{name}"
        return name

    def expr_Attribute(self, node):
        self.expr(node.value)
        self.set_line(node)
        self.unit.emit(O.LOAD_ATTR, self.unit.nameidx(self.mangle(node.attr)))

    def expr_Subscript(self, node):
        self.expr(node.value)
        self.subscript_key(node.slice)
        self.set_line(node)
        self.unit.emit(O.BINARY_SUBSCR)

    def subscript_key(self, key):
        if isinstance(key, ast.Slice):
            n = 2
            for part in (key.lower, key.upper):
                if part is None:
                    self.unit.emit(O.LOAD_CONST, self.unit.const(None))
                else:
                    self.expr(part)
            if key.step is not None:
                self.expr(key.step)
                n = 3
            self.unit.emit(O.BUILD_SLICE, n)
        else:
            self.expr(key)

    def expr_Slice(self, node):
        self.subscript_key(node)

    def expr_Starred(self, node):
        raise self.error("can't use starred expression here", node)

    def _sequence(self, elts, build, extend, in_call=0):
        u = self.unit
        if not any(isinstance(e, ast.Starred) for e in elts):
            for e in elts:
                self.expr(e)
            u.emit(build, len(elts))
            return False
        pending = 0
        started = False
        for e in elts:
            if isinstance(e, ast.Starred):
                if not started:
                    u.emit(build, pending)
                    started = True
                elif pending:
                    u.emit(build, pending)
                    u.emit(extend, 1)
                pending = 0
                self.expr(e.value)
                u.emit(extend, 1, in_call)
            else:
                self.expr(e)
                pending += 1
        if pending:
            u.emit(build, pending)
            u.emit(extend, 1)
        return True

    def expr_List(self, node):
        if isinstance(node.ctx, ast.Load):
            self._sequence(node.elts, O.BUILD_LIST, O.LIST_EXTEND)
        else:
            raise self.error("invalid list context", node)

    def expr_Tuple(self, node):
        u = self.unit
        if node.elts and all(isinstance(e, ast.Constant) for e in node.elts):
            u.emit(O.LOAD_CONST, u.const(tuple(e.value for e in node.elts)))
            return
        if any(isinstance(e, ast.Starred) for e in node.elts):
            self._sequence(node.elts, O.BUILD_LIST, O.LIST_EXTEND)
            u.emit(O.LIST_TO_TUPLE)
        else:
            for e in node.elts:
                self.expr(e)
            u.emit(O.BUILD_TUPLE, len(node.elts))

    def expr_Set(self, node):
        self._sequence(node.elts, O.BUILD_SET, O.SET_UPDATE)

    def expr_Dict(self, node):
        u = self.unit
        if all(k is not None for k in node.keys):
            for k, v in zip(node.keys, node.values):
                self.expr(k)
                self.expr(v)
            u.emit(O.BUILD_MAP, len(node.keys))
            return
        pending = 0
        u.emit(O.BUILD_MAP, 0)
        for k, v in zip(node.keys, node.values):
            if k is None:
                if pending:
                    u.emit(O.BUILD_MAP, pending)
                    u.emit(O.DICT_UPDATE, 1)
                    pending = 0
                self.expr(v)
                u.emit(O.DICT_UPDATE, 1)
            else:
                self.expr(k)
                self.expr(v)
                pending += 1
        if pending:
            u.emit(O.BUILD_MAP, pending)
            u.emit(O.DICT_UPDATE, 1)

    def expr_JoinedStr(self, node):
        u = self.unit
        parts = node.values
        for part in parts:
            if isinstance(part, ast.Constant):
                u.emit(O.LOAD_CONST, u.const(part.value))
            else:
                self.expr(part)
        if len(parts) == 1:
            return      # a lone field or constant is already the string
        if len(parts) == 0:
            u.emit(O.LOAD_CONST, u.const(""))
            return
        u.emit(O.BUILD_STRING, len(parts))

    def expr_FormattedValue(self, node):
        self.expr(node.value)
        flags = {-1: 0, 115: 1, 114: 2, 97: 3}[node.conversion]
        if node.format_spec is not None:
            self.expr(node.format_spec)
            flags |= O.FV_SPEC
        self.set_line(node)
        self.unit.emit(O.FORMAT_VALUE, flags)

    def expr_Call(self, node):
        u = self.unit
        func = node.func
        starred = any(isinstance(a, ast.Starred) for a in node.args)
        double = any(k.arg is None for k in node.keywords)
        if starred or double:
            self.expr(func)
            if starred:
                self._sequence(node.args, O.BUILD_LIST, O.LIST_EXTEND, in_call=1)
                u.emit(O.LIST_TO_TUPLE)
            else:
                for a in node.args:
                    self.expr(a)
                u.emit(O.BUILD_TUPLE, len(node.args))
            flags = 0
            if node.keywords:
                flags = O.CALL_EX_KWARGS
                u.emit(O.BUILD_MAP, 0)
                for k in node.keywords:
                    if k.arg is None:
                        self.expr(k.value)
                        self.set_line(node)
                        u.emit(O.DICT_MERGE, 1)
                    else:
                        u.emit(O.LOAD_CONST, u.const(k.arg))
                        self.expr(k.value)
                        u.emit(O.BUILD_MAP, 1)
                        u.emit(O.DICT_MERGE, 1)
            self.set_line(node)
            u.emit(O.CALL_EX, flags)
            return
        flags = 0
        if isinstance(func, ast.Attribute):
            self.expr(func.value)
            self.set_line(func)
            u.node = func
            u.emit(O.LOAD_METHOD, u.nameidx(self.mangle(func.attr)))
            u.node = node
            flags |= O.CALL_METHOD
        else:
            self.expr(func)
        for a in node.args:
            self.expr(a)
        for k in node.keywords:
            self.expr(k.value)
        if node.keywords:
            u.emit(O.LOAD_CONST, u.const(tuple(k.arg for k in node.keywords)))
            flags |= O.CALL_KWNAMES
        self.set_line(node)
        u.emit(O.CALL, len(node.args) + len(node.keywords), flags)

    def expr_Lambda(self, node):
        self.make_function(node, "<lambda>", node.args, node.body)

    def comprehension(self, node, name, build, elts):
        u = self.unit
        outer = u
        gens = node.generators
        for gen in gens:
            if getattr(gen, "is_async", 0):
                if build is None:
                    raise self.error("asynchronous generator expressions in a lambda, a "
                                     "comprehension or a class body are not supported", node,
                                     "async generator expression")
                raise self.error("asynchronous comprehensions ('async for' in a comprehension) "
                                 "are not supported", node, "async comprehension")
        unit = self.unit = self.new_unit(node, name, self.qualname(name))
        is_async = unit.scope.coroutine
        try:
            unit.argcount = 1
            if is_async:
                if build is None:
                    raise self.error("asynchronous generator expressions are not supported",
                                     node, "async generator expression")
                unit.flags |= CO_GENERATOR | CO_COROUTINE
            if build is None:
                unit.flags |= CO_GENERATOR
            else:
                unit.emit(build, 0)
            self.comprehension_loop(node, gens, 0, elts)
            if build is None:
                unit.emit(O.LOAD_CONST, unit.const(None))
            unit.emit(O.RETURN_VALUE)
            code = self.assemble(unit)
        finally:
            self.unit = outer
        self.emit_make_function(code, 0)
        self.expr(gens[0].iter)
        self.set_line(node)
        u.emit(O.GET_ITER)
        u.emit(O.CALL, 1, 0)
        if is_async:
            self.emit_await(node)

    def comprehension_loop(self, node, gens, level, elts):
        u = self.unit
        gen = gens[level]
        top, end = Label(), Label()
        if level == 0:
            u.emit(O.LOAD_FAST, 0)
        else:
            self.expr(gen.iter)
            u.emit(O.GET_ITER)
        self.place(top)
        target = gen.target
        if isinstance(target, ast.Name) and u.scope.resolve(target.id) == "fast":
            u.emit(O.FOR_ITER_STORE_FAST, end, u.local(target.id))
        else:
            u.emit(O.FOR_ITER, end)
            self.store(target)
        for cond in gen.ifs:
            self.jump_if(cond, False, top)
        if level + 1 < len(gens):
            self.comprehension_loop(node, gens, level + 1, elts)
        else:
            depth = level + 2  # the container sits below one iterator per level
            for e in elts:
                self.expr(e)
            if isinstance(node, ast.GeneratorExp):
                u.emit(O.YIELD_VALUE)
                u.emit(O.POP_TOP)
            elif len(elts) == 2:
                u.emit(O.MAP_ADD, depth)
            elif isinstance(node, ast.SetComp):
                u.emit(O.SET_ADD, depth)
            else:
                u.emit(O.LIST_APPEND, depth)
        u.emit(O.JUMP_BACKWARD, top)
        self.place(end)

    def expr_ListComp(self, node):
        self.comprehension(node, "<listcomp>", O.BUILD_LIST, [node.elt])

    def expr_SetComp(self, node):
        self.comprehension(node, "<setcomp>", O.BUILD_SET, [node.elt])

    def expr_DictComp(self, node):
        self.comprehension(node, "<dictcomp>", O.BUILD_MAP, [node.key, node.value])

    def expr_GeneratorExp(self, node):
        self.comprehension(node, "<genexpr>", None, [node.elt])

    def expr_Yield(self, node):
        u = self.unit
        if u.scope.coroutine:
            # an async generator's values are wrapped, to tell them from what its awaits
            # pass up to the event loop
            self.load_name(".agen_value")
        if node.value is None:
            u.emit(O.LOAD_CONST, u.const(None))
        else:
            self.expr(node.value)
        self.set_line(node)
        if u.scope.coroutine:
            u.emit(O.CALL, 1, 0)
        u.emit(O.YIELD_VALUE)

    def expr_Await(self, node):
        u = self.unit
        if not u.scope.coroutine:
            raise self.error("'await' outside async function", node, "await")
        self.expr(node.value)
        self.set_line(node)
        self.emit_await(node)

    def emit_await(self, node):
        """[awaitable] -> [its result]: GET_AWAITABLE, then delegate like `yield from`."""
        u = self.unit
        u.emit(O.GET_AWAITABLE)
        u.emit(O.LOAD_CONST, u.const(None))
        top, done = Label(), Label()
        self.place(top)
        u.emit(O.SEND, done)
        u.emit(O.YIELD_VALUE)
        u.emit(O.JUMP_BACKWARD, top)
        self.place(done)

    def expr_YieldFrom(self, node):
        u = self.unit
        if u.scope.coroutine:
            raise self.error("'yield from' inside async function", node, "yield from")
        self.expr(node.value)
        self.set_line(node)
        u.emit(O.GET_YIELD_FROM_ITER)
        u.emit(O.LOAD_CONST, u.const(None))
        top, done = Label(), Label()
        self.place(top)
        u.emit(O.SEND, done)
        u.emit(O.YIELD_VALUE)
        u.emit(O.JUMP_BACKWARD, top)
        self.place(done)


MAX_SOURCE_CHARS = 10_000_000
"""Longest source accepted (characters)."""

MAX_SOURCE_TOKENS = 30_000
"""Most tokens accepted: names, keywords, numbers (and words inside string literals),
operator and punctuation characters, and lines. A bound on the number of AST nodes, which cost
the front end about a kilobyte and 10-30 us each (CPython's parser, its compile() check and
this compiler): 'a\\n' * 4_000_000 took 17 s and 1.8 GB, a million-element literal ~15 s. At
the bound the front end takes under a second and ~30 MB; a program of 3000 ordinary lines
has ~25_000 tokens."""

_TOKEN_CHARS = ",;()[]{}=+-*/%<>:.|&^~@\n"

# a byte of a name, keyword or number (UTF-8 bytes of non-ASCII identifiers too) -> 1, any
# other -> 0; and the bytes that are not operators, punctuation or newlines (deleted to count
# those)
_WORD_BYTES = bytes(range(48, 58)) + bytes(range(65, 91)) + bytes(range(97, 123)) + b"_" \
    + bytes(range(128, 256))
_WORD_TABLE = bytes(1 if b in _WORD_BYTES else 0 for b in range(256))
_NOT_TOKEN_BYTES = bytes(b for b in range(256) if chr(b) not in _TOKEN_CHARS)


def _estimate_tokens(source):
    """About the number of tokens CPython's parser reads in `source`: its word runs (names,
    keywords, numbers, and words inside string literals), operator and punctuation characters,
    and lines. A few passes over the bytes (~50 us for 10 KB)."""
    b = source.encode("utf-8", "surrogatepass")
    # one byte per source byte, 1 in words: each word run starts and ends with a change
    x = int.from_bytes(b.translate(_WORD_TABLE), "little")
    words = (x ^ (x << 8)).bit_count() >> 1
    return words + len(b.translate(None, _NOT_TOKEN_BYTES))


def _too_many_tokens():
    return MontySyntaxError(
        f"source is too long to compile: more than {MAX_SOURCE_TOKENS} tokens (names, "
        f"keywords, numbers, operators, punctuation and lines)")


def check_source_shape(source):
    """Bound the front end's time and memory before CPython's parser sees the source: its
    size, an estimate of its token (so node) count, and its bracket nesting (the tokenizer
    stops at 200 levels itself, but only after reading the whole source)."""
    if len(source) > MAX_SOURCE_CHARS:
        raise MontySyntaxError(
            f"source is too large ({len(source)} characters; at most {MAX_SOURCE_CHARS})")
    if _estimate_tokens(source) > MAX_SOURCE_TOKENS:
        raise _too_many_tokens()


# CPython 3.11 keeps the AST converter's recursion count in state shared by every thread: two
# threads converting at once (a thread switch inside, at a garbage collection's callback)
# fail with "AST constructor recursion depth mismatch". One conversion at a time.
_PARSE_LOCK = threading.Lock()


def parse(source, filename=FILENAME, top_level_return=True, mode=None):
    """Parse and validate `source` with CPython's own front end; return the AST. With
    `mode` ('exec', 'eval', 'single': sandbox code's exec, eval, compile), CPython's checks
    for that mode and no top-level await or return; the tree is a Module either way."""
    if not isinstance(source, str):
        raise TypeError(f"code must be str, not {type(source).__name__}")
    check_source_shape(source)
    if mode is not None:
        try:
            with _PARSE_LOCK:
                tree = ast.parse(source, filename, mode)
            compile(tree, filename, mode, dont_inherit=True)
        except SyntaxError as e:
            raise MontySyntaxError(f"{type(e).__name__}: {e.msg}", e.lineno, offset=e.offset,
                                   text=_error_text(e, source), end_offset=e.end_offset,
                                   end_lineno=e.end_lineno, filename=filename) from None
        except (RecursionError, MemoryError, ValueError, OverflowError) as e:
            raise MontySyntaxError(
                f"code could not be compiled: {type(e).__name__}: {e}") from None
        if mode == "eval":
            expr = ast.Expr(value=tree.body)
            ast.copy_location(expr, tree.body)
            return ast.Module(body=[expr], type_ignores=[])
        if mode == "single":
            # each expression statement shows its value, as the interactive prompt does
            # (for .d in .ns_shown(VALUE): .ns_print(.ns_repr(.d)))
            for i, stmt in enumerate(tree.body):
                if isinstance(stmt, ast.Expr):
                    def name(id, ctx=ast.Load):
                        return ast.Name(id=id, ctx=ctx())
                    show = ast.Expr(value=ast.Call(func=name(".ns_print"), args=[ast.Call(
                        func=name(".ns_repr"), args=[name(".d")], keywords=[])], keywords=[]))
                    loop = ast.For(target=name(".d", ast.Store), iter=ast.Call(
                        func=name(".ns_shown"), args=[stmt.value], keywords=[]),
                        body=[show], orelse=[])
                    tree.body[i] = ast.fix_missing_locations(ast.copy_location(loop, stmt))
            return ast.Module(body=tree.body, type_ignores=[])
        return tree
    try:
        with _PARSE_LOCK:
            tree = ast.parse(source, filename, "exec")
        # CPython's compiler performs the checks the parser leaves out ('return' outside
        # function, nonlocal errors, ...); its code object is discarded. `await` is allowed
        # at the top level: such a module runs as a coroutine. A `return` at the top level
        # of a program (outside any def or class body) ends it with its value: for CPython's
        # check, each one stands in the tree as an expression statement meanwhile.
        # (without such a `return`, CPython compiles the source text again: cheaper than
        # converting the tree back to its C form)
        returns = (_top_level_returns(tree.body, [])
                   if top_level_return and "return" in source else [])
        if not returns:
            compile(source, filename, "exec", flags=ast.PyCF_ALLOW_TOP_LEVEL_AWAIT,
                    dont_inherit=True)
            return tree
        for body, i in returns:
            ret = body[i]
            value = ret.value if ret.value is not None else ast.Constant(value=None)
            body[i] = ast.copy_location(ast.Expr(value=ast.copy_location(value, ret)), ret)
            body[i].monty_return = ret
        try:
            with _PARSE_LOCK:
                compile(tree, filename, "exec", flags=ast.PyCF_ALLOW_TOP_LEVEL_AWAIT,
                        dont_inherit=True)
        finally:
            for body, i in returns:
                body[i] = body[i].monty_return
    except SyntaxError as e:
        raise MontySyntaxError(f"{type(e).__name__}: {e.msg}", e.lineno, offset=e.offset,
                               text=_error_text(e, source), end_offset=e.end_offset,
                               end_lineno=e.end_lineno, filename=filename) from None
    except (RecursionError, MemoryError, ValueError, OverflowError) as e:
        raise MontySyntaxError(f"code could not be compiled: {type(e).__name__}: {e}") from None
    return tree


def _top_level_returns(body, out):
    """(statement list, index) of every `return` statement outside any def or class body."""
    for i, stmt in enumerate(body):
        if isinstance(stmt, ast.Return):
            out.append((body, i))
        elif isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            continue
        else:
            for field in ("body", "orelse", "finalbody"):
                inner = getattr(stmt, field, None)
                if type(inner) is list:
                    _top_level_returns(inner, out)
            for part in getattr(stmt, "handlers", ()) or getattr(stmt, "cases", ()):
                _top_level_returns(part.body, out)
    return out


class CodeCache:
    """Compiled module code by source text, least recently used dropped first.

    Code of a module written in sandbox Python (`internal`: its file name and global-name
    prefix) is kept apart from sandbox programs: a program whose text equals such a module's
    source compiles as an ordinary program and never stands in for the module. Threads share
    the cache: every read and update of the table holds its lock (compiling does not)."""

    def __init__(self, make_code, size=512):
        self.make_code = make_code
        self.size = size
        self.entries = OrderedDict()
        self.lock = threading.Lock()

    def get(self, source, internal=None):
        key = source if internal is None else (source, internal)
        with self.lock:
            code = self.entries.get(key)
            if code is not None:
                self.entries.move_to_end(key)
                return code
        code = None
        if internal is not None:        # a module written in sandbox Python: built already?
            from . import precompiled
            from ._shared import BUILTINS as _BUILTINS
            code = precompiled.lookup(source, internal, _BUILTINS, self.make_code)
        if code is None:
            code = compile_source(source, self.make_code, internal=internal)
        with self.lock:
            found = self.entries.get(key)
            if found is not None:          # another thread compiled it meanwhile: share one
                self.entries.move_to_end(key)
                return found
            self.entries[key] = code
            while len(self.entries) > self.size:
                self.entries.popitem(last=False)
        return code


    def get_exec(self, source, mode, filename):
        """Code for sandbox code's exec/eval/compile of `source` in `mode`."""
        key = (source, "\0exec", mode, filename)
        with self.lock:
            code = self.entries.get(key)
            if code is not None:
                self.entries.move_to_end(key)
                return code
        code = compile_exec_source(source, self.make_code, mode, filename)
        with self.lock:
            found = self.entries.get(key)
            if found is not None:
                return found
            self.entries[key] = code
            while len(self.entries) > self.size:
                self.entries.popitem(last=False)
        return code


INTERNAL_SOURCES = {}
"""Source text of the modules written in sandbox Python (monty/modules/*.py with SOURCE) ->
(file name, prefix of their global names); filled by the module registry."""


def compile_source(source, make_code, filename=FILENAME, internal=None):
    if internal is not None:
        filename, prefix = internal
    else:
        prefix = None
    tree = parse(source, filename, top_level_return=internal is None)
    return _compiled(source, filename, lambda: Compiler(source, filename, make_code,
                                                        prefix).compile_module(tree))


def compile_exec_source(source, make_code, mode, filename=FILENAME):
    """Code of `source` for sandbox code's exec/eval/compile (see Compiler.compile_exec):
    the same front end, checks and bounds as a program's."""
    if mode not in ("exec", "eval", "single"):
        raise ValueError("compile() mode must be 'exec', 'eval' or 'single'")
    tree = parse(source, filename, top_level_return=False, mode=mode)
    return _compiled(source, filename,
                     lambda: Compiler(source, filename, make_code).compile_exec(tree, mode))


def _compiled(source, filename, compile_tree):
    """compile_tree(), its failures as MontySyntaxError naming the file and line."""
    try:
        return compile_tree()
    except MontySyntaxError as e:
        if e.text is None and e.lineno is not None:
            lines = source.splitlines()
            if 0 < e.lineno <= len(lines):     # (the line, without a caret)
                e.text = lines[e.lineno - 1]
        e.filename = filename
        raise
    except RecursionError:
        raise MontySyntaxError("code is nested too deeply to compile") from None
    except AssertionError as e:
        raise MontySyntaxError(f"code could not be compiled: {e}") from None


# ---------------------------------------------------------------- async lowering

def _has_top_level_await(tree):
    """Whether the module awaits outside any function (it then runs as a coroutine)."""
    stack = list(tree.body)
    while stack:
        node = stack.pop()
        if isinstance(node, (ast.Await, ast.AsyncFor, ast.AsyncWith)):
            return True
        if isinstance(node, ast.comprehension) and node.is_async:
            return True
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.ClassDef)):
            continue
        if isinstance(node, ast.GeneratorExp):
            stack.append(node.generators[0].iter)    # the rest runs in the generator
            continue
        stack.extend(ast.iter_child_nodes(node))
    return False


def _lower_async(tree, link_loop):
    """Rewrite the async constructs the VM runs as plainer code (see the classes below).
    Each rewriting pass walks the whole tree: it runs only when the tree holds what it
    rewrites (one walk finds out)."""
    types, async_comprehension, genexps = _node_types(tree)
    changed = False
    if _has_top_level_await(tree):
        _wrap_top_level(tree)
        changed = True
    elif link_loop and (async_comprehension or not types.isdisjoint(_ASYNC_NODES)):
        # the event loop is linked before any coroutine runs (linking a module mid-run
        # from C code would move the global table under the loop)
        tree.body.insert(0, ast.copy_location(
            ast.Import(names=[ast.alias(name="asyncio", asname=".asyncio")]), tree.body[0]))
        changed = True
    # (a comprehension is hoisted only if it iterates asynchronously, or is a generator
    # expression that awaits; the hoisted functions may hold `async for` loops)
    if async_comprehension or (ast.Await in types and any(map(_awaits_in_genexp, genexps))):
        _AsyncComprehensionHoist().visit(tree)
        changed = True
        types.add(ast.AsyncFor)
    if ast.AsyncFor in types:
        _AsyncForLowering().visit(tree)
        changed = True
    if changed:
        ast.fix_missing_locations(tree)


_ASYNC_NODES = frozenset({ast.AsyncFunctionDef, ast.Await, ast.AsyncFor, ast.AsyncWith})


def _node_types(tree):
    """The node types in `tree`, whether one of its comprehensions is asynchronous, and its
    generator expressions (one walk)."""
    types = set()
    genexps = []
    async_comprehension = False
    todo = [tree]
    AST = ast.AST
    while todo:
        node = todo.pop()
        t = type(node)
        types.add(t)
        if t is ast.comprehension:
            if node.is_async:
                async_comprehension = True
        elif t is ast.GeneratorExp:
            genexps.append(node)
        for field in node._fields:
            value = getattr(node, field, None)
            if type(value) is list:
                for item in value:
                    if isinstance(item, AST):
                        todo.append(item)
            elif isinstance(value, AST):
                todo.append(value)
    return types, async_comprehension, genexps


def _name(id, store=False):
    return ast.Name(id=id, ctx=ast.Store() if store else ast.Load())


def _wrap_top_level(tree):
    """Module code that awaits becomes `async def <module>()` (module names declared global,
    the last expression returned), run to completion by asyncio.run."""
    names = sorted(ScopeBuilder().build(tree)[tree].assigned)
    body = list(tree.body)
    last = body[-1]
    if isinstance(last, ast.Expr):
        body[-1] = ast.copy_location(ast.Return(value=last.value), last)
    if names:
        body.insert(0, ast.copy_location(ast.Global(names=names), body[0]))
    args = ast.arguments(posonlyargs=[], args=[], vararg=None, kwonlyargs=[], kw_defaults=[],
                         kwarg=None, defaults=[])
    main = ast.AsyncFunctionDef(name="<module>", args=args, body=body, decorator_list=[],
                                returns=None, type_comment=None)
    run = ast.Expr(value=ast.Call(
        func=ast.Attribute(value=_name(".asyncio"), attr="run", ctx=ast.Load()),
        args=[ast.Call(func=_name("<module>"), args=[], keywords=[])], keywords=[]))
    imp = ast.Import(names=[ast.alias(name="asyncio", asname=".asyncio")])
    first = tree.body[0]
    tree.body = [ast.copy_location(n, first) for n in (main, imp, run)]
    tree.monty_hidden = True    # (its frame is the program's own: tracebacks leave it out)


def _awaits_in_genexp(node):
    """Whether a generator expression's own code awaits (an `await`, or an asynchronous
    list, set or dict comprehension), which makes it an asynchronous generator; its first
    iterable belongs to the enclosing scope."""
    stack = [node.elt] + [x for i, g in enumerate(node.generators)
                          for x in ([g.target, g.iter] if i else [g.target]) + g.ifs]
    while stack:
        n = stack.pop()
        if isinstance(n, ast.Await):
            return True
        if isinstance(n, (ast.ListComp, ast.SetComp, ast.DictComp)) and _has_async_comprehension(n):
            return True
        if isinstance(n, (ast.Lambda, ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef,
                          ast.GeneratorExp)):
            continue
        stack.extend(ast.iter_child_nodes(n))
    return False


def _has_async_comprehension(node):
    """Whether `node` (a comprehension) or one nested in it iterates with `async for`."""
    stack = [node]
    while stack:
        n = stack.pop()
        if isinstance(n, ast.comprehension) and n.is_async:
            return True
        if isinstance(n, (ast.Lambda, ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            continue
        stack.extend(ast.iter_child_nodes(n))
    return False


class _AsyncScopes(ast.NodeTransformer):
    """Tracks whether the node being visited is in an async function's own body (`in_async`)
    and how many comprehensions or lambdas enclose it there (`nested`)."""

    def __init__(self):
        self.in_async = False
        self.nested = 0
        self.in_class = 0        # in a class body, not in a function defined there

    def _scope(self, node, is_async):
        saved = self.in_async, self.nested, self.in_class
        self.in_async = is_async
        self.nested = 0
        if not isinstance(node, ast.ClassDef):
            self.in_class = 0
        self.generic_visit(node)
        self.in_async, self.nested, self.in_class = saved
        return node

    def visit_AsyncFunctionDef(self, node):
        return self._scope(node, True)

    def visit_FunctionDef(self, node):
        return self._scope(node, False)

    def visit_ClassDef(self, node):
        self.in_class += 1
        self._scope(node, False)
        self.in_class -= 1
        return node

    def visit_Lambda(self, node):
        self.nested += 1
        self.generic_visit(node)
        self.nested -= 1
        return node


class _AsyncComprehensionHoist(_AsyncScopes):
    """An asynchronous comprehension in an async function becomes a call of a hidden async
    function defined just before the statement that holds it:

        async def .acompN(.0):
            .r = []
            async for TARGET in .0:       (for a non-async level: for)
                if COND: .r.append(ELT)
            return .r

    and the comprehension `await .acompN(ITER0)` (ITER0 still evaluated in place).

    An asynchronous generator expression (in any function, or at module level) becomes
    `.acompN(ITER0)` of a hidden asynchronous generator function that yields ELT."""

    def __init__(self):
        super().__init__()
        self.count = 0
        self.pending = []

    def generic_visit(self, node):
        for field, value in ast.iter_fields(node):
            if isinstance(value, list) and value and isinstance(value[0], ast.stmt):
                setattr(node, field, self._body(value))
            elif isinstance(value, list):
                setattr(node, field, [self.visit(v) if isinstance(v, ast.AST) else v for v in value])
            elif isinstance(value, ast.AST):
                setattr(node, field, self.visit(value))
        return node

    def _body(self, stmts):
        out = []
        for st in stmts:
            saved = self.pending
            self.pending = []
            new = self.visit(st)
            out.extend(self.pending)
            self.pending = saved
            out.extend(new if isinstance(new, list) else [new])
        return out

    def _comprehension(self, node):
        gens = node.generators
        genexp = isinstance(node, ast.GeneratorExp)
        if genexp:
            hoist = not (self.nested or self.in_class) and (
                any(g.is_async for g in gens) or (self.in_async and _awaits_in_genexp(node)))
        else:
            hoist = _has_async_comprehension(node) and self.in_async and not self.nested
        if not hoist:
            self.nested += 1
            self.generic_visit(node)
            self.nested -= 1
            return node     # (the compiler refuses what stays asynchronous)

        def at(x):
            return ast.copy_location(x, node)

        iter0 = self.visit(gens[0].iter)
        name = f".acomp{self.count}"
        self.count += 1
        r = ".r"
        if genexp:
            init = None
            inner = at(ast.Expr(value=at(ast.Yield(value=node.elt))))
        elif isinstance(node, ast.ListComp):
            init = at(ast.List(elts=[], ctx=ast.Load()))
            inner = at(ast.Expr(value=at(ast.Call(func=at(ast.Attribute(
                value=_name(r), attr="append", ctx=ast.Load())), args=[node.elt], keywords=[]))))
        elif isinstance(node, ast.SetComp):
            init = at(ast.Set(elts=[at(ast.Starred(value=at(ast.Tuple(elts=[], ctx=ast.Load())),
                                                   ctx=ast.Load()))]))
            inner = at(ast.Expr(value=at(ast.Call(func=at(ast.Attribute(
                value=_name(r), attr="add", ctx=ast.Load())), args=[node.elt], keywords=[]))))
        else:
            init = at(ast.Dict(keys=[], values=[]))
            inner = at(ast.Assign(targets=[at(ast.Subscript(value=_name(r), slice=node.key,
                                                            ctx=ast.Store()))], value=node.value))
        body = [inner]
        for i in range(len(gens) - 1, -1, -1):
            gen = gens[i]
            for cond in reversed(gen.ifs):
                body = [at(ast.If(test=cond, body=body, orelse=[]))]
            loop_iter = _name(".0") if i == 0 else gen.iter
            loop = ast.AsyncFor if gen.is_async else ast.For
            body = [at(loop(target=gen.target, iter=loop_iter, body=body, orelse=[]))]
        args = ast.arguments(posonlyargs=[], args=[ast.arg(arg=".0")], vararg=None,
                             kwonlyargs=[], kw_defaults=[], kwarg=None, defaults=[])
        if not genexp:
            body = ([at(ast.Assign(targets=[_name(r, True)], value=init))] + body
                    + [at(ast.Return(value=_name(r)))])
        fn = at(ast.AsyncFunctionDef(
            name=name, args=args, decorator_list=[], returns=None, type_comment=None, body=body))
        self.pending.append(self.visit(fn))
        call = at(ast.Call(func=_name(name), args=[iter0], keywords=[]))
        return call if genexp else at(ast.Await(value=call))

    visit_ListComp = visit_SetComp = visit_DictComp = visit_GeneratorExp = _comprehension


class _AsyncForLowering(_AsyncScopes):
    """`async for` inside an async function, as the loop CPython runs:

        .ait = aiter(ITER); .go = True
        while .go:
            try: .v = await anext(.ait)
            except StopAsyncIteration: .go = False; continue
            TARGET = .v; BODY
        else: ORELSE
    """

    def __init__(self):
        super().__init__()
        self.count = 0

    def visit_AsyncFor(self, node):
        self.generic_visit(node)
        if not self.in_async:
            return node
        n = self.count
        self.count += 1
        it, go, val = f".ait{n}", f".go{n}", f".av{n}"

        def at(x):
            return ast.copy_location(x, node)

        setup = [
            at(ast.Assign(targets=[_name(it, True)],
                          value=at(ast.Call(func=_name(".aiter"), args=[node.iter], keywords=[])))),
            at(ast.Assign(targets=[_name(go, True)], value=ast.Constant(True))),
        ]
        fetch = at(ast.Try(
            body=[at(ast.Assign(targets=[_name(val, True)], value=at(ast.Await(value=at(ast.Call(
                func=_name(".anext"), args=[_name(it)], keywords=[]))))))],
            handlers=[at(ast.ExceptHandler(type=_name(".StopAsyncIteration"), name=None, body=[
                at(ast.Assign(targets=[_name(go, True)], value=ast.Constant(False))),
                at(ast.Continue())]))],
            orelse=[], finalbody=[]))
        bind = at(ast.Assign(targets=[node.target], value=_name(val)))
        loop = at(ast.While(test=_name(go), body=[fetch, bind] + node.body, orelse=node.orelse))
        return setup + [loop]
