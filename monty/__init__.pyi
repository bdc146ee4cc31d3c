# Types of monty's public API (everything in monty.__all__); see README.md and design.md.
from collections.abc import Awaitable, Callable, Mapping, Sequence
from os import PathLike
from typing import Any, Final, Literal, TypeAlias

__version__: Final[str]
__all__: list[str]

# A host function: any callable (sync or async) taking and returning plain data, or None for
# a name only (its calls are handled by the host under start()).
HostFunction: TypeAlias = Callable[..., Any] | None
# print_callback: called with each piece of printed text.
PrintCallback: TypeAlias = Callable[[str], object]
# Host modules: dotted module name -> {name: host function (a callable) or plain data}.
HostModules: TypeAlias = dict[str, dict[str, Any]]

class MontyError(Exception): ...

class MontySyntaxError(MontyError):
    message: str
    lineno: int | None
    construct: str | None
    offset: int | None
    end_offset: int | None
    end_lineno: int | None
    text: str | None
    filename: str
    def __init__(
        self,
        message: str,
        lineno: int | None = None,
        construct: str | None = None,
        offset: int | None = None,
        text: str | None = None,
        end_offset: int | None = None,
        filename: str = "<string>",
        end_lineno: int | None = None,
    ) -> None: ...
    def display(self) -> str: ...

class MontyRuntimeError(MontyError):
    exc_type: str
    message: str
    traceback: list[tuple[str, int]]
    source: str | None
    filename: str
    chain: list[tuple[str, str, list[tuple[str, int]], str]]
    def __init__(
        self,
        exc_type: str,
        message: str,
        traceback: Any = (),
        source: str | None = None,
        filename: str = "<string>",
        chain: Any = (),
    ) -> None: ...
    def display(self) -> str: ...

class MontyLimitError(MontyError): ...
class MontyTimeLimitError(MontyLimitError): ...
class MontyMemoryLimitError(MontyLimitError): ...
class MontyAllocationLimitError(MontyLimitError): ...
class MontyHostCallLimitError(MontyLimitError): ...
class MontyTypeError(MontyError, TypeError): ...

class Limits:
    # immutable (setting a field raises dataclasses.FrozenInstanceError): derive with replace()
    max_duration: float | None
    max_memory: int | None
    max_allocations: int | None
    max_recursion_depth: int
    max_wall_time: float | None
    max_host_calls: int | None
    max_output: int | None
    def __init__(
        self,
        max_duration: float | None = 5.0,
        max_memory: int | None = ...,
        max_allocations: int | None = None,
        max_recursion_depth: int | None = 1000,
        max_wall_time: float | None = None,
        max_host_calls: int | None = None,
        max_output: int | None = 1048576,
    ) -> None: ...
    def replace(
        self,
        *,
        max_duration: float | None = ...,
        max_memory: int | None = ...,
        max_allocations: int | None = ...,
        max_recursion_depth: int | None = ...,
        max_wall_time: float | None = ...,
        max_host_calls: int | None = ...,
        max_output: int | None = ...,
    ) -> Limits: ...

class Opaque:
    type_name: str
    repr: str
    def __init__(self, type_name: str, repr: str) -> None: ...

class Outcome:
    value: Any
    stdout: str
    stderr: str
    error: MontyError | None
    def __init__(
        self,
        value: Any = None,
        stdout: str = "",
        stderr: str = "",
        error: MontyError | None = None,
    ) -> None: ...
    @property
    def ok(self) -> bool: ...

class Done:
    value: Any
    def __init__(self, value: Any) -> None: ...

class Call:
    function_name: str
    args: tuple[Any, ...]
    kwargs: dict[str, Any]
    call_id: int
    @property
    def sandbox(self) -> Sandbox: ...
    def resume(self, return_value: Any = None) -> Call | Pending | Done: ...
    def resume_error(self, exc: BaseException) -> Call | Pending | Done: ...
    def dump(self, secret: bytes | None = None) -> bytes: ...

class Pending:
    calls: list[Call]
    @property
    def sandbox(self) -> Sandbox: ...
    def resume(
        self,
        results: Mapping[int, Any] | None = None,
        errors: Mapping[int, BaseException] | None = None,
    ) -> Call | Pending | Done: ...
    def dump(self, secret: bytes | None = None) -> bytes: ...

class MountDir:
    """A host directory seen by sandbox code at `mount_point` (open(), os, pathlib)."""
    host_path: str
    mount_point: str
    mode: Literal["r", "rw"]
    max_bytes: int | None
    def __init__(
        self,
        host_path: str | PathLike[str],
        mount_point: str,
        mode: Literal["r", "rw"] = "r",
        max_bytes: int | None = None,
    ) -> None: ...

class Sandbox:
    limits: Limits
    def __init__(
        self,
        functions: dict[str, HostFunction] | None = None,
        limits: Limits | None = None,
        print_callback: PrintCallback | None = None,
        files: Sequence[MountDir] | None = None,
        environ: Mapping[str, str] | None = None,
        modules: HostModules | None = None,
    ) -> None: ...
    @property
    def print_callback(self) -> PrintCallback | None: ...
    def run(self, code: str, inputs: dict[str, Any] | None = None) -> Any: ...
    def run_async(self, code: str, inputs: dict[str, Any] | None = None) -> Awaitable[Any]: ...
    def start(self, code: str, inputs: dict[str, Any] | None = None) -> Call | Pending | Done: ...
    def execute(self, code: str, inputs: dict[str, Any] | None = None) -> Outcome: ...
    def set_functions(self, functions: dict[str, HostFunction]) -> None: ...
    def set_modules(self, modules: HostModules) -> None: ...
    def describe_functions(self) -> str: ...
    def dump(self, secret: bytes | None = None) -> bytes: ...
    @classmethod
    def load(
        cls,
        data: bytes,
        functions: dict[str, HostFunction] | None = None,
        limits: Limits | None = None,
        print_callback: PrintCallback | None = None,
        secret: bytes | None = None,
        files: Sequence[MountDir] | None = None,
        environ: Mapping[str, str] | None = None,
        modules: HostModules | None = None,
    ) -> Sandbox: ...

def load(
    data: bytes,
    functions: dict[str, HostFunction] | None = None,
    limits: Limits | None = None,
    print_callback: PrintCallback | None = None,
    secret: bytes | None = None,
    files: Sequence[MountDir] | None = None,
    environ: Mapping[str, str] | None = None,
    modules: HostModules | None = None,
) -> Call | Pending: ...

def capabilities(sandbox: Sandbox | None = None) -> dict[str, Any]: ...
