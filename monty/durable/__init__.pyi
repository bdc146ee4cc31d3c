from typing import Any, Callable, Mapping, Optional, Sequence, Union
import os

import monty
from monty import MontyError

__all__ = ["DurableSandbox", "External", "Cancelled", "DEFAULT_DATABASE_URL"]

DEFAULT_DATABASE_URL: str

class Cancelled(MontyError): ...

class External:
    timeout: Optional[float]
    doc: Optional[str]
    def __init__(self, timeout: Optional[float] = None, doc: Optional[str] = None) -> None: ...

class DurableSandbox:
    limits: monty.Limits
    secret: bytes
    database_url: str
    postgres: bool
    worker: bool
    worker_timeout: float
    app_version: str
    executor_id: str
    print_callback: Optional[Callable[[str], Any]]
    def __init__(
        self,
        functions: Optional[Mapping[str, Union[Callable[..., Any], External]]] = None,
        limits: Optional[monty.Limits] = None,
        database_url: Optional[Union[str, os.PathLike[str]]] = None,
        secret: Union[bytes, bytearray, str, None] = None,
        *,
        modules: Optional[Mapping[str, Mapping[str, Any]]] = None,
        files: Optional[Sequence[monty.MountDir]] = None,
        environ: Optional[Mapping[str, str]] = None,
        concurrency: Optional[int] = 16,
        global_concurrency: Optional[int] = None,
        worker: bool = True,
        worker_timeout: float = 15.0,
        name: str = "monty",
        print_callback: Optional[Callable[[str], Any]] = None,
        executor_id: Optional[str] = None,
        poll_interval: float = 0.05,
    ) -> None: ...
    def start(self, code: str, inputs: Optional[dict[str, Any]] = None,
              run_id: Optional[str] = None) -> str: ...
    def result(self, run_id: str, timeout: Optional[float] = None) -> Any: ...
    def status(self, run_id: str) -> str: ...
    def waiting(self, run_id: str) -> Optional[dict[str, Any]]: ...
    def cancel(self, run_id: str) -> None: ...
    def send(self, run_id: str, value: Any, name: Optional[str] = None) -> None: ...
    def close(self) -> None: ...
    def __enter__(self) -> "DurableSandbox": ...
    def __exit__(self, *exc: object) -> None: ...
