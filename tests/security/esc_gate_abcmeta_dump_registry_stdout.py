# kind: escape
# expect: blocked
# desc: contextlib's AbstractContextManager has the host metaclass ABCMeta; its methods read on the class (register, _abc_registry_clear, _dump_registry) came out bound, and _dump_registry() printed to the host process's real stdout (an MCP stdio transport's channel), past print_callback
import contextlib
got = []
for name in ('_dump_registry', '_abc_registry_clear', '_abc_caches_clear', 'register', 'mro'):
    try:
        getattr(contextlib.AbstractContextManager, name)
        got.append(name)
    except AttributeError:
        pass
try:
    contextlib.ExitStack._dump_registry()
except AttributeError:
    pass
('ESC' + 'APED: ' + repr(got)) if got else 'blocked'
