"""Host modules: `Sandbox(modules={"tools": {"search": fn, "LIMIT": 10}})`.

Each entry is a module sandbox code imports like any other (`import tools`, `from tools import
search`, `from tools import *`, `import tools.web as web`). A dotted name ("tools.web") makes a
package: its parents exist (empty unless given) and hold their submodules as attributes.

What a module holds, decided here once, at Sandbox construction:
  - a callable (not a class) is a host function, called by its dotted name ("tools.search"):
    a `Call.function_name`, the name snapshots keep, pausable under start(), awaited under
    run_async() when it is async; sandbox code sees its short name (`search.__name__`);
  - anything else must be plain data as the boundary takes for inputs; it is copied at
    construction (later changes to the host's dict are not seen) and copied again into each
    sandbox that imports the module, so sandbox code never reaches, and never changes, what
    the host gave or what another sandbox sees. Module attributes cannot be assigned or
    deleted by sandbox code; a mutable value (a list) belongs to the importing sandbox and,
    like a CPython module's, keeps its changes across that sandbox's runs (and snapshots);
  - anything else is a TypeError naming the module and key.
A name that is a sandbox module (json, urllib.parse, ...) or the package of one is refused
(ValueError): a host module never shadows the standard library silently.
"""

import copy as _copy

from . import _core


class HostModules:
    """The host modules of one Sandbox: their validated contents, and the module objects its
    VM built from them (once each: `import` of an imported module gives the same object)."""

    __slots__ = ("spec", "hosts", "funcs", "built")

    def __init__(self):
        self.spec = {}      # dotted name -> {attr: HostFunction | private plain-data copy}
        self.hosts = {}     # "tools.search" -> HostFunction (kept across set_modules)
        self.funcs = {}     # "tools.search" -> the host callable (describe_functions)
        self.built = {}     # dotted name -> SandboxModule built for this sandbox's VM

    def names(self):
        return list(self.spec)

    def build(self, name, vm):
        """The module `name` for `vm` (None: not a host module); packages hold their
        submodules as attributes."""
        module = self.built.get(name)
        if module is not None:
            return module
        if name not in self.spec:
            return None
        from .modules import SandboxModule
        module = self.built[name] = SandboxModule(name, {})
        self.fill(name, module, vm)
        return module

    def fill(self, name, module, vm):
        """Set `module`'s attributes from the spec of `name`: functions, fresh copies of the
        data, and its submodules (built for `vm` once)."""
        attrs = module._attrs
        attrs.clear()
        for key, value in self.spec[name].items():
            attrs[key] = value if type(value) is _core.HostFunction else _core.to_sandbox(value, vm)
        prefix = name + "."
        for sub in self.spec:
            if sub.startswith(prefix) and "." not in sub[len(prefix):]:
                attrs[sub[len(prefix):]] = self.build(sub, vm)


def _stdlib_clash(name):
    from .modules import available
    taken = available()
    parts = name.split(".")
    for i in range(len(parts)):
        prefix = ".".join(parts[:i + 1])
        if prefix in taken:
            return prefix
    return None


def prepare(modules, vm, old=None):
    """A HostModules from the `modules=` argument, checked (TypeError / ValueError naming the
    module and key); `old` (set_modules) lends the HostFunctions of names kept."""
    result = HostModules()
    replaced = []
    if modules is None:
        return result
    if not isinstance(modules, dict):
        raise TypeError(f"modules must be a dict of module name -> dict of names, "
                        f"not {type(modules).__name__}")
    for name, contents in modules.items():
        if not isinstance(name, str) or not name or not all(
                p.isidentifier() for p in name.split(".")):
            raise TypeError(f"host module names must be dotted identifiers (str), got {name!r}")
        clash = _stdlib_clash(name)
        if clash is not None:
            raise ValueError(f"host module {name!r} would shadow the sandbox's own module "
                             f"{clash!r}; give it another name")
        if not isinstance(contents, dict):
            raise TypeError(f"host module {name!r} must be a dict of name -> function or plain "
                            f"data, not {type(contents).__name__}")
        spec = {}
        for key, value in contents.items():
            if not isinstance(key, str) or not key.isidentifier():
                raise TypeError(f"host module {name!r}: names must be identifiers (str), "
                                f"got {key!r}")
            dotted = f"{name}.{key}"
            if isinstance(value, type):
                raise TypeError(f"host module {name!r}: {key!r} is a class; a host module "
                                f"holds functions and plain data")
            if callable(value):
                hf = old.hosts.get(dotted) if old is not None else None
                if hf is None:
                    hf = _core.HostFunction(dotted, value)
                else:
                    replaced.append((hf, value))     # (once everything given is checked)
                result.hosts[dotted] = hf
                result.funcs[dotted] = value
                spec[key] = hf
                continue
            try:
                _core.to_sandbox(value, vm)
            except TypeError as e:
                raise TypeError(f"host module {name!r}: {key!r} is neither a function nor "
                                f"plain data ({e})") from None
            spec[key] = _copy.deepcopy(value)
        result.spec[name] = spec
    # parents of dotted names are packages (empty unless given); a package's attribute may
    # not hide one of its submodules
    for name in list(result.spec):
        parts = name.split(".")
        for i in range(1, len(parts)):
            result.spec.setdefault(".".join(parts[:i]), {})
    for name in result.spec:
        parent, _, leaf = name.rpartition(".")
        if parent and leaf in result.spec[parent]:
            raise ValueError(f"host module {parent!r} has an attribute {leaf!r} and a submodule "
                             f"{name!r}: give one of them another name")
    for hf, func in replaced:
        _core.host_function_replace(hf, func)
    return result


def describe(host_modules):
    """Stub text of the host modules: per module, its functions (signatures, docstrings)
    and the types of its data."""
    from .capabilities import describe_function
    out = []
    for name, spec in host_modules.spec.items():
        parts = [f"# module {name} (import {name})"]
        for key, value in spec.items():
            if type(value) is _core.HostFunction:
                parts.append(describe_function(key, host_modules.funcs[f"{name}.{key}"]))
            else:
                parts.append(f"{key}: {type(value).__name__}\n")
        if len(parts) == 1 and not any(n.startswith(name + ".") for n in host_modules.spec):
            continue
        out.append("\n".join(parts))
    return "\n\n".join(out)
