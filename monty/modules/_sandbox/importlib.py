"""importlib.import_module: the module named by a string, imported as an `import` statement
imports it (the same modules are there, the same errors say why not)."""

_MAX_NAME = 1000        # (no module has a longer name: refused before any source is built)


def _resolve_name(name, package, level):
    bits = package.rsplit('.', level - 1)
    if len(bits) < level:
        raise ImportError('attempted relative import beyond top-level package')
    base = bits[0]
    return f'{base}.{name}' if name else base


def import_module(name, package=None):
    level = 0
    if name.startswith('.'):
        if not package:
            raise TypeError("the 'package' argument is required to perform a relative "
                            f"import for {name!r}")
        for character in name:
            if character != '.':
                break
            level += 1
    if not isinstance(name, str):
        raise TypeError(f'module name must be str, not {type(name).__name__}')
    if level:
        if not isinstance(package, str):
            raise TypeError('__package__ not set to a string')
        name = _resolve_name(name[level:], package, level)
    if not name:
        raise ValueError('Empty module name')
    parts = name.split('.')
    if len(name) > _MAX_NAME or not all(p.isidentifier() and p.isascii() for p in parts):
        raise ModuleNotFoundError(f"No module named {name!r}")
    namespace = {}
    exec(f'import {name} as module', namespace)
    return namespace['module']


def invalidate_caches():
    pass
