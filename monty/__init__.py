"""monty: run untrusted Python in-process, safely, with hard limits."""

from .errors import (
    MontyAllocationLimitError,
    MontyError,
    MontyHostCallLimitError,
    MontyLimitError,
    MontyMemoryLimitError,
    MontyRuntimeError,
    MontySyntaxError,
    MontyTimeLimitError,
    MontyTypeError,
)

__version__ = "0.1.0"
__all__ = [
    "Sandbox", "Call", "Done", "Pending", "load", "Limits", "MontyError", "MontySyntaxError",
    "MontyRuntimeError", "MontyLimitError", "MontyTimeLimitError", "MontyMemoryLimitError",
    "MontyAllocationLimitError", "MontyTypeError",
    "Outcome", "Opaque", "MontyHostCallLimitError", "capabilities", "MountDir",
]

# (everything lives below the package root, which only names it: no module imports from here)
from ._shared import BUILTINS as _BUILTINS, code_cache as _code_cache  # noqa: E402,F401
from .limits import Limits  # noqa: E402
from ._sandbox import Sandbox  # noqa: E402
from .mounts import MountDir  # noqa: E402
from .outcome import Opaque, Outcome  # noqa: E402
from .capabilities import capabilities  # noqa: E402
from .snapshot import Call, Done, Pending, load  # noqa: E402
