"""What every sandbox in the process shares, read-only to sandbox code: the builtins table
(the VM's builtins, plus the private helpers sandbox-Python modules register under '.name')
and the cache of compiled code."""

from . import _core
from .compiler import CodeCache
from .modules import asyncio as _asyncio  # noqa: F401  (registered before the table is built)

code_cache = CodeCache(_core.Code)
BUILTINS = _core.make_builtins()

from . import mounts as _mounts  # noqa: E402,F401  (registers its primitives in BUILTINS)
