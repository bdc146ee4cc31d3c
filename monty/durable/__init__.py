"""Durable runs: a monty program as a DBOS workflow, kept in a database and resumed by any worker.

Each advance of the sandbox (load the signed snapshot, resume, run to the next pause, dump) and
each host call is a recorded DBOS step. After a crash, DBOS replays the workflow from its
records: recorded steps return their recorded outputs without running, and execution goes on
at the first unrecorded step. A host call whose step was recorded never runs again; the call
that was in flight when the process died runs again (DBOS steps are at-least-once).

    sandbox = DurableSandbox(functions={"fetch": fetch, "approve": External()},
                             secret=b"a long random key")
    run_id = sandbox.start(code, inputs={"url": ...})
    sandbox.send(run_id, True, name="approve")       # from anywhere that shares the database
    value = sandbox.result(run_id)

One DurableSandbox per process (DBOS keeps process-global state); `close()` ends it.
"""

from __future__ import annotations

import builtins
import contextvars
import hashlib
import inspect
import os
import socket
import threading
import time
import uuid
from concurrent.futures import ThreadPoolExecutor

import monty
from monty import _core
from monty import errors as _errors
from monty.errors import MontyError

try:
    from dbos import DBOS, DBOSClient, SetWorkflowID
except ImportError:      # pragma: no cover - the extra is missing
    raise ImportError("monty.durable needs the dbos package: "
                      "pip install 'monty-sandbox[durable]'") from None

__all__ = ["DurableSandbox", "External", "Cancelled", "DEFAULT_DATABASE_URL"]

DEFAULT_DATABASE_URL = "sqlite:///monty_durable.sqlite"
_WORKFLOW = "monty.durable.run"
_QUEUE = "monty_durable"
_PROTOCOL = "monty-durable-1"       # what the recorded steps mean; part of the app version
_WAITING = "monty.waiting"          # the DBOS event naming the External call a run waits on
_FOREVER = 30 * 24 * 3600.0         # one recv() wait when an External has no timeout

_app = None                         # the DurableSandbox this process runs
_app_lock = threading.Lock()


class Cancelled(MontyError):
    """The run was cancelled (`DurableSandbox.cancel`) before it finished."""


class External:
    """A host function whose value comes from outside the process: when the program calls it,
    the run waits in the database (no thread or process is held busy by it) until someone
    calls `DurableSandbox.send(run_id, value, name=...)`: a person's approval, a webhook.

    `timeout` (seconds, None = wait for ever): past it the call raises `TimeoutError` inside
    the sandbox. `doc` is the docstring of the host function the sandbox sees."""

    def __init__(self, timeout=None, doc=None):
        if timeout is not None and not (isinstance(timeout, (int, float)) and timeout > 0):
            raise ValueError("External(timeout=...) must be a positive number of seconds or None")
        self.timeout = None if timeout is None else float(timeout)
        self.doc = doc

    def __repr__(self):
        return f"External(timeout={self.timeout!r})"


def _placeholder(name, doc):
    """What the sandbox sees of an External function: its name and doc (a paused program
    never calls it; the workflow answers the call with the value sent)."""
    def external(*args, **kwargs):
        raise MontyError(f"{name}() is External: its value comes from send()")
    external.__name__ = external.__qualname__ = name
    external.__doc__ = doc
    return external


def _is_async(func):
    return inspect.iscoroutinefunction(func) or inspect.iscoroutinefunction(
        getattr(type(func), "__call__", None))


def _current():
    app = _app
    if app is None:
        raise MontyError("no DurableSandbox is running in this process")
    return app


# ---------------------------------------------------------------------------------------------
# The recorded steps. Each returns plain data (DBOS stores it): the state of the program is
#   ("done", value) | ("error", class_name, text, attributes)
#   ("call" | "pending", signed_snapshot, [(call_id, function_name, args, kwargs), ...])


def _state(step, secret):
    if isinstance(step, monty.Done):
        return ("done", step.value)
    calls = [step] if isinstance(step, monty.Call) else step.calls
    kind = "call" if isinstance(step, monty.Call) else "pending"
    return (kind, step.dump(secret),
            [(c.call_id, c.function_name, tuple(c.args), dict(c.kwargs)) for c in calls])


def _error_state(e):
    """A MontyError as plain data: its class, message and attributes (traceback, source...)."""
    return ("error", type(e).__name__, str(e), dict(vars(e)))


def _rebuild_error(name, text, attrs):
    cls = getattr(_errors, name, None)
    if not (isinstance(cls, type) and issubclass(cls, MontyError)):
        cls = MontyError
    exc = cls.__new__(cls)
    Exception.__init__(exc, text)
    if isinstance(attrs, dict):
        exc.__dict__.update(attrs)
    return exc


def _host_exception(name, args):
    """The exception a host function raised, rebuilt from its record (type name, args):
    builtin exception types come back as themselves, others as a class of the same name
    (which the sandbox receives as RuntimeError, as `resume_error()` gives it)."""
    args = tuple(args) if isinstance(args, (list, tuple)) else (str(args),)
    cls = getattr(builtins, name, None)
    if isinstance(cls, type) and issubclass(cls, Exception):
        try:
            return cls(*args)
        except Exception:
            pass
    if not (isinstance(name, str) and name.isidentifier()):
        name = "Exception"
    return type(name, (Exception,), {})(*args)


def _error_outcome(e):
    """A host function's exception as plain data: its type name and its args (their str when
    they are not all simple values)."""
    args = e.args
    if not all(isinstance(a, (str, int, float, bool, type(None))) for a in args):
        args = (str(e),)
    return ("err", type(e).__name__, tuple(args))


_scratch = threading.local()


def _unfit(name, value):
    """None if `value` can enter the sandbox, else the TypeError message a direct run gives
    for a host function `name` that returned it (checked by copying it into a scratch VM)."""
    sandbox = getattr(_scratch, "sandbox", None)
    if sandbox is None:
        sandbox = _scratch.sandbox = monty.Sandbox(limits=monty.Limits(max_memory=None))
    try:
        _core.to_sandbox(value, sandbox._vm)
    except TypeError as e:
        return f"{name}() returned a value the sandbox cannot hold: {e}"
    except (RecursionError, MemoryError):
        return f"{name}() returned a value the sandbox cannot hold: nested too deeply"
    return None


def _checked(name, value):
    bad = _unfit(name, value)
    return ("ok", value) if bad is None else ("err", "TypeError", (bad,))


def _step_start(code, inputs):
    app = _current()
    try:
        sandbox = monty.Sandbox(functions=app._sandbox_functions, limits=app.limits,
                                print_callback=app.print_callback, **app._sandbox_options)
        return _state(sandbox.start(code, inputs=inputs), app.secret)
    except MontyError as e:
        return _error_state(e)
    except TypeError as e:          # inputs that are not plain data
        return _error_state(MontyError(f"bad inputs: {e}"))


def _step_advance(blob, results, errors):
    app = _current()
    try:
        step = monty.load(blob, functions=app._sandbox_functions, limits=app.limits,
                          print_callback=app.print_callback, secret=app.secret,
                          **app._sandbox_options)
        errors = {cid: _host_exception(*err) for cid, err in errors.items()}
        if isinstance(step, monty.Call):
            if step.call_id in errors:
                step = step.resume_error(errors[step.call_id])
            else:
                step = step.resume(results.get(step.call_id))
        else:
            step = step.resume(results=results, errors=errors)
        return _state(step, app.secret)
    except MontyError as e:
        return _error_state(e)


def _step_host_call(name, args, kwargs):
    func = _current()._host_functions.get(name)
    if func is None:
        return ("err", "NameError", (f"host function {name!r} is not known to this worker",))
    try:
        return _checked(name, func(*args, **kwargs))
    except Exception as e:
        return _error_outcome(e)


async def _step_host_call_async(name, args, kwargs):
    func = _current()._host_functions.get(name)
    if func is None:
        return ("err", "NameError", (f"host function {name!r} is not known to this worker",))
    try:
        if _is_async(func):
            return _checked(name, await func(*args, **kwargs))
        return _checked(name, func(*args, **kwargs))
    except Exception as e:
        return _error_outcome(e)


def _wait_external(app, call_id, name, args, kwargs):
    ext = app._external[name]
    DBOS.set_event(_WAITING, {"function": name, "args": args, "kwargs": kwargs,
                              "call_id": call_id})
    if ext.timeout is None:
        message = None
        while message is None:
            message = DBOS.recv(topic=_topic(name), timeout_seconds=_FOREVER)
    else:
        message = DBOS.recv(topic=_topic(name), timeout_seconds=ext.timeout)
    DBOS.set_event(_WAITING, None)
    if message is None:
        return ("err", "TimeoutError", (f"no value was sent to {name}() within {ext.timeout} s",))
    return _checked(name, message[1])


def _topic(name):
    return "monty.external." + name


@DBOS.workflow(name=_WORKFLOW)
def _run(code, inputs):
    app = _current()
    state = DBOS.run_step({"name": "monty.start"}, _step_start, code, inputs)
    while state[0] in ("call", "pending"):
        kind, blob, calls = state
        outcomes = {}
        if kind == "call":
            (call_id, name, args, kwargs), = calls
            if name in app._external:
                outcomes[call_id] = _wait_external(app, call_id, name, args, kwargs)
            else:
                outcomes[call_id] = DBOS.run_step({"name": "host." + name}, _step_host_call,
                                                  name, args, kwargs)
        else:
            # the futures: one step each, run concurrently (step ids drawn in order first)
            reserved = [(DBOS.reserve_step(), call) for call in calls]

            def one(item):
                reservation, (call_id, name, args, kwargs) = item
                return call_id, reservation.run({"name": "host." + name},
                                                _step_host_call_async, name, args, kwargs)

            ctx = contextvars.copy_context()
            with ThreadPoolExecutor(max_workers=min(len(reserved), 32)) as pool:
                futures = [pool.submit(ctx.copy().run, one, item) for item in reserved]
                for fut in futures:
                    call_id, outcome = fut.result()
                    outcomes[call_id] = outcome
        results = {cid: o[1] for cid, o in outcomes.items() if o[0] == "ok"}
        errors = {cid: (o[1], o[2]) for cid, o in outcomes.items() if o[0] == "err"}
        state = DBOS.run_step({"name": "monty.advance"}, _step_advance, blob, results, errors)
    return state


# ---------------------------------------------------------------------------------------------
# The application


def _sqlite_wal(url):
    """Put a SQLite database file in write-ahead-log mode (persistent in the file): a commit
    costs one fsync instead of several; commits stay durable (DBOS keeps synchronous=FULL)."""
    import sqlite3

    import sqlalchemy as sa
    path = sa.make_url(url).database
    if not path or path == ":memory:":
        return
    conn = sqlite3.connect(path, timeout=30)
    try:
        conn.execute("PRAGMA journal_mode=WAL")
    finally:
        conn.close()


class _WorkerLock:
    """An exclusive lock on the file `<database>.worker`, held while a worker runs on that
    SQLite database; the operating system drops it when the process dies, however it dies."""

    def __init__(self, fd):
        self.fd = fd

    @classmethod
    def acquire(cls, url):
        import sqlalchemy as sa
        path = sa.make_url(url).database
        if not path or path == ":memory:":
            return None
        lock_path = os.path.abspath(path) + ".worker"
        fd = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            if not _try_lock(fd):
                try:
                    os.lseek(fd, 0, os.SEEK_SET)
                    holder = os.read(fd, 64).decode("ascii", "replace").strip() or "?"
                except OSError:
                    holder = "?"
                raise MontyError(
                    f"another process (pid {holder}) is running a durable worker on the SQLite "
                    f"database {os.path.abspath(path)}: on SQLite one worker process at a time "
                    f"may use a database (two would both take its pending runs). Start and "
                    f"read runs from other processes with DurableSandbox(..., worker=False), "
                    f"or put the runs on Postgres for several workers.")
            os.ftruncate(fd, 0)
            os.write(fd, f"{os.getpid()}\n".encode())
        except BaseException:
            os.close(fd)
            raise
        return cls(fd)

    def release(self):
        try:
            os.ftruncate(self.fd, 0)
        except OSError:
            pass
        os.close(self.fd)       # (closing the file drops the lock)


def _try_lock(fd):
    try:
        import fcntl
    except ImportError:         # Windows
        import msvcrt
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
            return True
        except OSError:
            return False
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        return True
    except BlockingIOError:
        return False


class DurableSandbox:
    """Durable monty runs on DBOS. `functions` maps names to host functions (sync, async: the
    sandbox's futures, run as concurrent steps) or `External()` (a value sent from outside).
    `database_url`: None is a SQLite file (`DEFAULT_DATABASE_URL`, in the working directory),
    a path without a scheme a SQLite file there;
    `postgresql://...` shares runs between worker processes and machines through a DBOS queue.
    `secret` (bytes; a str is UTF-8 encoded) signs every snapshot; a snapshot whose tag does not match is refused.
    `modules`, `files` and `environ` are those of `monty.Sandbox`, given to every advance of
    every run (a module's functions are recorded host calls like the others, by dotted name).
    On SQLite one worker process at a time may use a database (a second one is refused).

    Keyword options: `concurrency` runs at once in this process (the queue's per-worker
    limit), `global_concurrency` across all workers, `worker=False` for a client: a process
    that starts runs and reads them through the database (a DBOS client: it runs no program
    and needs no host functions but their names), `worker_timeout` seconds after
    which a silent Postgres worker counts as dead and its runs are recovered by the others,
    `name` the DBOS application name, `print_callback` as for `monty.Sandbox`."""

    def __init__(self, functions=None, limits=None, database_url=None, secret=None, *,
                 modules=None, files=None, environ=None,
                 concurrency=16, global_concurrency=None, worker=True, worker_timeout=15.0,
                 name="monty", print_callback=None, executor_id=None, poll_interval=0.05):
        global _app
        if isinstance(secret, str):
            secret = secret.encode()
        if not isinstance(secret, (bytes, bytearray)) or not secret:
            raise TypeError("DurableSandbox needs secret=<bytes>: the key that signs snapshots")
        functions = dict(functions or {})
        host, external, sandbox_functions, kinds = {}, {}, {}, []

        def add(fname, func):
            """One host function (or External): what the sandbox sees of it, and the key
            (its name, dotted for a module's) the host-call steps find it by."""
            if isinstance(func, External):
                external[fname] = func
                kinds.append((fname, "external"))
                return _placeholder(fname.rpartition(".")[2], func.doc)
            host[fname] = func
            kinds.append((fname, "async" if _is_async(func) else "sync"))
            return func

        for fname, func in functions.items():
            if not isinstance(fname, str) or not fname.isidentifier():
                raise ValueError(f"bad host function name {fname!r}")
            if not (isinstance(func, External) or callable(func)):
                raise TypeError(f"host function {fname!r} must be callable or External()")
            sandbox_functions[fname] = add(fname, func)
        # modules= as monty.Sandbox takes them ({module: {attr: value}}): their functions are
        # host functions called by dotted name ("tools.search"), recorded as steps like the
        # others; an External may stand for one of them too
        if modules is not None and not isinstance(modules, dict):
            raise TypeError(f"modules must be a dict of module name -> dict, not "
                            f"{type(modules).__name__}")
        sandbox_modules = {}
        for mname, attrs in (modules or {}).items():
            if not isinstance(mname, str) or not isinstance(attrs, dict):
                raise TypeError(f"modules[{mname!r}] must be a dict of attribute -> value")
            sandbox_modules[mname] = {
                attr: (add(f"{mname}.{attr}", value)
                       if isinstance(value, External) or (callable(value)
                                                          and not isinstance(value, type))
                       else value)
                for attr, value in attrs.items()}
            kinds.append((mname, "module"))
        options = {"modules": sandbox_modules or None, "files": files, "environ": environ}
        # checked now (a bad module, mount or environment is an error here, not in a step)
        monty.Sandbox(functions=sandbox_functions, limits=monty.Limits(max_memory=None),
                      **options)
        self._sandbox_options = options
        kinds += [("mount " + m.mount_point, m.mode) for m in files or ()]
        self.limits = monty.Limits() if limits is None else limits
        self.secret = bytes(secret)
        self.print_callback = print_callback
        database_url = os.fspath(database_url) if database_url else DEFAULT_DATABASE_URL
        if "://" not in database_url:       # a file name: a SQLite database there
            database_url = "sqlite:///" + os.path.abspath(database_url)
        self.database_url = database_url
        self.postgres = self.database_url.startswith(("postgresql:", "postgres:"))
        self.worker = bool(worker)
        self.worker_timeout = float(worker_timeout)
        self._host_functions = host
        self._external = external
        self._sandbox_functions = sandbox_functions
        # runs recover in (and queued runs go to) applications with the same functions
        digest = hashlib.sha256(repr((_PROTOCOL, sorted(kinds))).encode()).hexdigest()[:16]
        self.app_version = f"{_PROTOCOL}-{digest}"
        if executor_id is None:
            executor_id = (f"{socket.gethostname()}-{os.getpid()}-{uuid.uuid4().hex[:8]}"
                           if self.postgres else "local")
        self.executor_id = executor_id
        self._stop = threading.Event()
        self._beat = None
        self._client = None
        self._lock = None
        self._name = name
        if not self.postgres:
            _sqlite_wal(self.database_url)
        if not self.worker:
            # a client: it starts runs and reads them, through the database alone
            DBOS.migrate(self.database_url)
            self._client = DBOSClient(system_database_url=self.database_url,
                                      application_name=name)
            return
        with _app_lock:
            if _app is not None:
                raise MontyError("a DurableSandbox is already running in this process "
                                 "(DBOS allows one application per process; close() it first)")
            _app = self
        try:
            if not self.postgres:
                # one worker process per SQLite database (both would take its pending runs)
                self._lock = _WorkerLock.acquire(self.database_url)
            # the queue's limits are written before launch: the queue worker's first poll
            # (which takes the runs recovered at launch) must not see another process's
            DBOS.migrate(self.database_url)
            setup = DBOSClient(system_database_url=self.database_url, application_name=name)
            try:
                setup.register_queue(_QUEUE, worker_concurrency=concurrency,
                                     global_concurrency=global_concurrency,
                                     polling_interval_sec=poll_interval,
                                     on_conflict="always_update", application_name=name)
            finally:
                setup.destroy()
            config = {
                "name": name,
                "system_database_url": self.database_url,
                "application_version": self.app_version,
                "executor_id": executor_id,
                "log_level": os.environ.get("MONTY_DURABLE_LOG_LEVEL", "WARNING"),
                "notification_listener_polling_interval_sec": 0.1,
            }
            DBOS(config=config)
            if self.postgres:
                self._heartbeat_setup()
            DBOS.launch()
            self._queue = DBOS.register_queue(
                _QUEUE, worker_concurrency=concurrency, global_concurrency=global_concurrency,
                polling_interval_sec=poll_interval, on_conflict="always_update")
            if self.postgres:
                self._beat = threading.Thread(target=self._heartbeat_loop, daemon=True,
                                              name="monty-durable-heartbeat")
                self._beat.start()
        except BaseException:
            self.close()
            raise

    # -- runs

    def start(self, code, inputs=None, run_id=None):
        """Start running `code` (with `inputs` as globals) durably; returns its run id. A
        `run_id` given twice starts one run (the second call returns the same id)."""
        if not isinstance(code, str):
            raise TypeError("start() needs the program as a str")
        if inputs is not None and not isinstance(inputs, dict):
            raise TypeError("inputs must be a dict")
        run_id = str(run_id) if run_id is not None else uuid.uuid4().hex
        if self._client is not None:
            self._client.enqueue({"workflow_name": _WORKFLOW, "queue_name": _QUEUE,
                                  "workflow_id": run_id, "app_version": self.app_version},
                                 code, inputs)
        else:
            with SetWorkflowID(run_id):
                self._queue.enqueue(_run, code, inputs)
        return run_id

    def result(self, run_id, timeout=None):
        """Wait for the run to finish and return its value; a program that failed raises the
        MontyError it raised (MontyRuntimeError, MontyLimitError, ...), a cancelled run
        `Cancelled`; TimeoutError if `timeout` seconds pass first."""
        deadline = None if timeout is None else time.monotonic() + timeout
        delay = 0.005
        while True:
            st = self._status(run_id)
            if st.status in ("SUCCESS", "ERROR", "CANCELLED", "MAX_RECOVERY_ATTEMPTS_EXCEEDED"):
                break
            if deadline is not None and time.monotonic() >= deadline:
                raise TimeoutError(f"run {run_id} did not finish within {timeout} s")
            time.sleep(delay if deadline is None else
                       max(0.0, min(delay, deadline - time.monotonic())))
            delay = min(delay * 2, 0.1)
        if st.status == "SUCCESS":
            state = st.output
            if state[0] == "done":
                return state[1]
            raise _rebuild_error(*state[1:])
        if st.status == "CANCELLED":
            raise Cancelled(f"run {run_id} was cancelled")
        if st.status == "MAX_RECOVERY_ATTEMPTS_EXCEEDED":
            raise MontyError(f"run {run_id} was abandoned: its worker died on every recovery "
                             "attempt")
        err = st.error
        raise MontyError(f"run {run_id} failed in the host: {type(err).__name__}: {err}")

    def status(self, run_id):
        """'queued', 'running', 'waiting' (on an External), 'done', 'error' or 'cancelled'."""
        st = self._status(run_id)
        s = st.status
        if s in ("ENQUEUED", "DELAYED"):
            return "queued"
        if s == "PENDING":
            return "waiting" if self.waiting(run_id) is not None else "running"
        if s == "SUCCESS":
            return "done" if st.output[0] == "done" else "error"
        if s == "CANCELLED":
            return "cancelled"
        return "error"

    def waiting(self, run_id):
        """The External call the run waits on, {"function", "args", "kwargs", "call_id"}, or
        None."""
        self._status(run_id)
        return (self._client or DBOS).get_event(run_id, _WAITING, timeout_seconds=0)

    def cancel(self, run_id):
        """Stop the run at its next step (a host call in flight finishes first)."""
        self._status(run_id)
        (self._client or DBOS).cancel_workflow(run_id)

    def send(self, run_id, value, name=None):
        """Answer the run's call to the External function `name` (may be omitted when there is
        only one) with `value`; values sent before the call waits are kept, in order."""
        if name is None:
            if len(self._external) != 1:
                raise ValueError("send() needs name=: which External function the value is for")
            name = next(iter(self._external))
        if name not in self._external:
            raise ValueError(f"{name!r} is not an External function of this sandbox")
        self._status(run_id)
        (self._client or DBOS).send(run_id, ("monty.value", value), topic=_topic(name))

    def _status(self, run_id):
        if self._client is not None:
            found = self._client.list_workflows(workflow_ids=[str(run_id)])
            st = found[0] if found else None
        else:
            st = DBOS.get_workflow_status(str(run_id))
        if st is None or st.name != _WORKFLOW:
            raise MontyError(f"no durable run {run_id!r}")
        return st

    # -- lifetime

    def close(self):
        """Stop this application (runs in flight stay in the database and recover later)."""
        global _app
        self._stop.set()
        if self._client is not None:
            self._client.destroy()
            return
        try:
            DBOS.destroy(workflow_completion_timeout_sec=0)
        finally:
            with _app_lock:
                if _app is self:
                    _app = None
            if self._lock is not None:
                self._lock.release()
                self._lock = None

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    # -- Postgres workers: a heartbeat each, and recovery of the runs of silent ones

    def _engine(self):
        import sqlalchemy as sa
        url = sa.make_url(self.database_url).set(drivername="postgresql+psycopg")
        return sa.create_engine(url, pool_size=1, max_overflow=0, pool_pre_ping=True)

    def _heartbeat_setup(self):
        import sqlalchemy as sa
        self._hb_engine = self._engine()
        with self._hb_engine.begin() as conn:
            conn.execute(sa.text("SELECT pg_advisory_xact_lock(7165471911)"))
            conn.execute(sa.text(
                "CREATE TABLE IF NOT EXISTS monty_durable_workers ("
                " executor_id text PRIMARY KEY, app_version text NOT NULL,"
                " seen timestamptz NOT NULL)"))
        self._heartbeat_once()

    def _heartbeat_once(self):
        import sqlalchemy as sa
        with self._hb_engine.begin() as conn:
            conn.execute(sa.text(
                "INSERT INTO monty_durable_workers (executor_id, app_version, seen)"
                " VALUES (:e, :v, now()) ON CONFLICT (executor_id)"
                " DO UPDATE SET seen = now(), app_version = :v"),
                {"e": self.executor_id, "v": self.app_version})
            conn.execute(sa.text("DELETE FROM monty_durable_workers"
                                 " WHERE seen < now() - interval '1 day'"))
            alive = {row[0] for row in conn.execute(sa.text(
                "SELECT executor_id FROM monty_durable_workers"
                " WHERE seen > now() - make_interval(secs => :t)"), {"t": self.worker_timeout})}
        return alive

    def _heartbeat_loop(self):
        interval = max(0.2, self.worker_timeout / 5)
        while not self._stop.wait(interval):
            try:
                alive = self._heartbeat_once()
                pending = DBOS.list_workflows(status="PENDING", name=_WORKFLOW,
                                              app_version=self.app_version,
                                              load_input=False, load_output=False)
                dead = {w.executor_id for w in pending} - alive - {self.executor_id, None}
                for executor in sorted(dead):
                    DBOS._recover_pending_workflows([executor])
            except Exception as e:      # the database went away for a moment: try again
                DBOS.logger.warning(f"monty.durable heartbeat: {type(e).__name__}: {e}")
