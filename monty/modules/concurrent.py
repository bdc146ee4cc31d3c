"""`concurrent` for sandbox code: the package of `concurrent.futures`."""

NAME = "concurrent"


def build(vm):
    from . import SandboxModule, concurrent_futures
    return {"futures": SandboxModule("concurrent.futures", concurrent_futures.build(vm))}
