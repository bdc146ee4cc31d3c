"""`python -m monty.durable worker --database-url URL --functions module:NAME`: a worker process
that runs durable monty programs from the database's queue until it is stopped (SIGINT/SIGTERM).

--functions names a dict of host functions (or a callable returning one) importable by this
process; every worker and every process that starts runs must be given the same names (the
application version is derived from them). The signing key comes from the environment
variable named by --secret-env (MONTY_DURABLE_SECRET by default)."""

import argparse
import importlib
import os
import signal
import sys
import threading


def _resolve(spec, what):
    module, sep, attr = spec.partition(":")
    if not sep or not module or not attr:
        raise SystemExit(f"--{what} takes module:attribute, not {spec!r}")
    sys.path.insert(0, os.getcwd())
    obj = importlib.import_module(module)
    for part in attr.split("."):
        obj = getattr(obj, part)
    return obj() if callable(obj) and not isinstance(obj, dict) else obj


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python -m monty.durable")
    sub = parser.add_subparsers(dest="command", required=True)
    w = sub.add_parser("worker", help="run durable monty programs from the database's queue")
    w.add_argument("--database-url", default=None,
                   help="postgresql://... (or sqlite:///FILE; default: the SQLite file "
                        "monty_durable.sqlite in the working directory)")
    w.add_argument("--functions", required=True,
                   help="module:NAME of a dict of host functions (or a callable returning one)")
    w.add_argument("--modules", default=None,
                   help="module:NAME of a dict of host modules, as monty.Sandbox(modules=...)")
    w.add_argument("--limits", default=None, help="module:NAME of a monty.Limits")
    w.add_argument("--secret-env", default="MONTY_DURABLE_SECRET",
                   help="environment variable holding the snapshot signing key")
    w.add_argument("--concurrency", type=int, default=16, help="runs at once in this worker")
    w.add_argument("--worker-timeout", type=float, default=15.0,
                   help="seconds of silence after which a worker's runs are recovered")
    w.add_argument("--name", default="monty", help="DBOS application name")
    args = parser.parse_args(argv)

    secret = os.environ.get(args.secret_env)
    if not secret:
        raise SystemExit(f"set {args.secret_env} to the snapshot signing key")
    functions = _resolve(args.functions, "functions")
    if not isinstance(functions, dict):
        raise SystemExit("--functions must name a dict of host functions")
    limits = _resolve(args.limits, "limits") if args.limits else None
    modules = _resolve(args.modules, "modules") if args.modules else None
    if modules is not None and not isinstance(modules, dict):
        raise SystemExit("--modules must name a dict of host modules")

    from . import DurableSandbox
    stop = threading.Event()
    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, lambda *_: stop.set())
    sandbox = DurableSandbox(functions=functions, limits=limits, database_url=args.database_url,
                             secret=secret.encode(), modules=modules,
                             concurrency=args.concurrency,
                             worker_timeout=args.worker_timeout, name=args.name)
    print(f"monty.durable worker {sandbox.executor_id} ({sandbox.app_version}) ready",
          flush=True)
    try:
        stop.wait()
    finally:
        sandbox.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
