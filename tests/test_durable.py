"""monty.durable: programs as DBOS workflows that survive their process.

DBOS keeps process-global state and the crash checks kill processes with os._exit, so every
check runs the application in child processes (tests/durable_programs/app.py). Each host call
there appends a line to a log file the test owns, which counts how often it really ran.
Needs the [durable] extra (dbos, psycopg); the Postgres check needs the server that
.ci/postgres installs and starts (MONTY_TEST_POSTGRES_URL, default below)."""

import collections
import json
import os
import signal
import subprocess
import sys
import time
import uuid
from concurrent.futures import ThreadPoolExecutor

import pytest

import monty

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
APP_DIR = os.path.join(ROOT, "tests", "durable_programs")
APP = os.path.join(APP_DIR, "app.py")
SECRET = "test-secret-0123456789abcdef"
PG_URL = os.environ.get("MONTY_TEST_POSTGRES_URL",
                        "postgresql://monty:monty@localhost:5432/postgres")

try:
    import dbos  # noqa: F401
except ImportError:         # the tests need the extra; say so rather than pass quietly
    raise ImportError("tests/test_durable.py needs the durable extra: "
                      "pip install -e '.[test,durable]'") from None


def _env(**extra):
    env = dict(os.environ)
    env["PYTHONPATH"] = ROOT + os.pathsep + env.get("PYTHONPATH", "")
    env["MONTY_DURABLE_SECRET"] = SECRET
    env.pop("DURABLE_CRASH", None)
    env.update(extra)
    return env


def _app(*args, env=None, timeout=300):
    return subprocess.run([sys.executable, APP, *args], capture_output=True, text=True,
                          env=env or _env(), timeout=timeout, cwd=APP_DIR)


def _json(proc):
    assert proc.returncode == 0, proc.stderr[-3000:]
    return json.loads(proc.stdout.strip().splitlines()[-1])


def _counts(log):
    if not os.path.exists(log):
        return {}
    with open(log) as f:
        return dict(collections.Counter(" ".join(line.split()[:2]) for line in f if line.strip()))


# ---------------------------------------------------------------------------------------------
# Crash recovery on SQLite: the first process dies (os._exit) at a given point, a fresh one
# finishes the run. Every scenario runs in its own database; all of them, and the process of
# in-process checks below, run at once (each child spends most of its time importing).

STEPS = {f"step {i}": 1 for i in range(1, 5)}
MODULE_STEPS = {f"tools.step {i}": 1 for i in range(1, 4)}
CRASHES = {
    # name: (program, DURABLE_CRASH, expected host-call counts, finishing secret)
    "inside_host_call_2": ("program", "inside:step:2", {**STEPS, "step 2": 2}, SECRET),
    "after_start_step": ("program", "after:monty.start:1", STEPS, SECRET),
    "after_host_call_3": ("program", "after:host.step:3", STEPS, SECRET),
    "after_advance_2": ("program", "after:monty.advance:2", STEPS, SECRET),
    "after_last_advance": ("program", "after:monty.advance:4", STEPS, SECRET),
    "inside_a_future": ("gather", "inside:fetch:b",
                        {"fetch a": 1, "fetch b": 2, "fetch c": 1, "step 1": 1}, SECRET),
    "other_secret": ("program", "after:host.step:2", {"step 1": 1, "step 2": 1},
                     "another-secret-0123456789"),
    # a host module imported, a mounted file open and the environment read across the crash
    "module_after_call_2": ("modules", "after:host.tools.step:2", MODULE_STEPS, SECRET),
    "module_inside_call_1": ("modules", "inside:tools.step:1",
                             {**MODULE_STEPS, "tools.step 1": 2}, SECRET),
}


@pytest.fixture(scope="module")
def children(tmp_path_factory):
    base = tmp_path_factory.mktemp("durable")

    def scenario(name):
        program, crash, _, secret = CRASHES[name]
        d = base / name
        d.mkdir()
        db, log = f"sqlite:///{d}/runs.sqlite", str(d / "calls.log")
        extra = {}
        if program == "modules":
            (d / "data").mkdir()
            (d / "data" / "in.txt").write_text("5")
            extra["DURABLE_DATA"] = str(d / "data")
        t0 = time.perf_counter()
        first = _app("first", db, log, "run-1", program, env=_env(DURABLE_CRASH=crash, **extra))
        t1 = time.perf_counter()
        counts_at_crash = _counts(log)
        fin = _app("finish", db, log, "run-1", secret, env=_env(**extra))
        out = {"first_rc": first.returncode, "first_stderr": first.stderr[-2000:],
               "counts_at_crash": counts_at_crash, "finish": _json(fin),
               "counts": _counts(log), "seconds": (t1 - t0, time.perf_counter() - t1)}
        if program == "modules":
            out["written"] = (d / "data" / "out.txt").read_text()
        return out

    def crowd():
        d = base / "crowd"
        d.mkdir()
        db, log = f"sqlite:///{d}/runs.sqlite", str(d / "calls.log")
        first = _app("crowd-first", db, log)
        finish = _json(_app("crowd-finish", db, log))
        with open(log) as f:
            spans = [(w[1], float(w[2]), float(w[3]), int(w[4])) for w in map(str.split, f)
                     if w and w[0] == "slow"]
        return {"first_rc": first.returncode, "first_stderr": first.stderr[-2000:],
                "finish": finish, "spans": spans}

    def scenarios():
        d = base / "scenarios"
        d.mkdir()
        return _json(_app("scenarios", f"sqlite:///{d}/runs.sqlite", str(d / "calls.log")))

    def example():
        return subprocess.run([sys.executable, os.path.join(ROOT, "examples", "durable_agent.py")],
                              capture_output=True, text=True, env=_env(), timeout=300,
                              cwd=str(base))

    with ThreadPoolExecutor(6) as pool:     # (more at once only thrash a small machine)
        scen = pool.submit(scenarios)
        ex = pool.submit(example)
        crowded = pool.submit(crowd)
        out = dict(zip(CRASHES, pool.map(scenario, CRASHES)))
        out["scenarios"] = scen.result()
        out["example"] = ex.result()
        out["crowd"] = crowded.result()
    return out


@pytest.fixture(scope="module")
def crashed(children):
    return children


@pytest.mark.parametrize("name", [n for n in CRASHES if n != "other_secret"])
def test_crashed_run_finishes_in_a_fresh_process_without_repeating_recorded_calls(
        crashed, name):
    out = crashed[name]
    program, crash, expected, _ = CRASHES[name]
    # the first process really died where it was told to (70: inside a host call,
    # 71: right after the named step was recorded)
    assert out["first_rc"] == (70 if crash.startswith("inside") else 71), out["first_stderr"]
    assert out["counts_at_crash"] != {} or crash == "after:monty.start:1"
    value = {"program": 100, "gather": [10, ["page a", "page b", "page c"]],
             "modules": [1805, "durable/none"]}[program]
    assert out["finish"] == {"value": value, "status": "done"}
    if program == "modules":        # the file the program wrote through the mount
        assert out["written"] == "1805"
    # every host call ran once; only the one in flight at the crash ran twice
    assert out["counts"] == expected


def _most_at_once(spans):
    events = sorted([(b, 1) for b, _ in spans] + [(e, -1) for _, e in spans])
    most = now = 0
    for _, d in events:
        now += d
        most = max(most, now)
    return most


def test_runs_recovered_at_launch_keep_the_concurrency_limit(children):
    # eight runs were all in a host call when their process died; the next one launches
    # with concurrency=2 and recovers them: never more than two run at once
    out = children["crowd"]
    assert out["first_rc"] == 71, out["first_stderr"]
    assert out["finish"]["values"] == [3] * 8
    pid = out["finish"]["pid"]
    before = {tag for tag, _, _, p in out["spans"] if p != pid}
    after = [(b, e) for _, b, e, p in out["spans"] if p == pid]
    # every run had made a call in the first process: all eight were running at the crash
    assert {tag[:-1] for tag in before} == {f"r{k}" for k in range(8)}
    assert len(before) + len(after) >= 24
    assert _most_at_once(after) == 2
    # (how: the queue's limits are in the database before launch starts the queue worker,
    # whose first poll takes the recovered runs; a race shows the overlap only at times)
    assert out["finish"]["at_launch"] == {"worker_concurrency": 2}


def test_a_second_worker_on_one_sqlite_database_is_refused_a_client_is_not(tmp_path):
    db, log = f"sqlite:///{tmp_path}/runs.sqlite", str(tmp_path / "calls.log")
    holder = subprocess.Popen([sys.executable, APP, "hold", db, log], cwd=APP_DIR, env=_env(),
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        line = holder.stdout.readline()
        assert "ready" in line, holder.stderr.read()[-3000:] if holder.poll() is not None else line
        out = _json(_app("second", db, log, "client"))
        assert out["worker"]["error"] == "MontyError"
        message = out["worker"]["message"]
        assert message.startswith(f"another process (pid {holder.pid}) is running a durable "
                                  f"worker on the SQLite database {tmp_path}/runs.sqlite")
        assert "worker=False" in message and "Postgres" in message
        # a client may share the database: the holder ran the run it started
        assert out["client"] == {"value": 100}
        assert _counts(log) == STEPS
    finally:
        holder.kill()
        holder.wait(15)
    # the lock died with its process: the next worker opens
    assert _json(_app("second", db, log)) == {"worker": {"value": "opened"}}


def test_durable_sandbox_takes_modules_files_and_environ(tmp_path):
    from monty import durable
    with pytest.raises(TypeError, match="modules"):
        durable.DurableSandbox(modules=[1], secret=b"k", database_url=str(tmp_path / "a"))
    with pytest.raises(TypeError, match="files must be a list"):
        durable.DurableSandbox(files="x", secret=b"k", database_url=str(tmp_path / "a"))
    with pytest.raises(ValueError, match="json"):
        durable.DurableSandbox(modules={"json": {}}, secret=b"k",
                               database_url=str(tmp_path / "a"))


def test_a_snapshot_signed_with_another_secret_is_refused(crashed):
    out = crashed["other_secret"]
    assert out["first_rc"] == 71
    assert out["finish"]["status"] == "error"
    assert out["finish"]["error"] == "MontyError"
    assert "snapshot refused" in out["finish"]["message"]
    assert out["counts"] == {"step 1": 1, "step 2": 1}      # nothing after the refusal ran


# ---------------------------------------------------------------------------------------------
# One application, many behaviours (one child process)


@pytest.fixture(scope="module")
def scen(children):
    return children["scenarios"]


def test_program_value(scen):
    assert scen["program"] == {"value": 100}
    assert scen["return"] == {"value": "early"}


def test_futures_run_as_concurrent_steps(scen):
    assert scen["futures"] == {"value": [10, ["page a", "page b", "page c"]]}
    assert scen["futures_overlap"] == {"value": ["page x", "page y", "page z"]}
    # the three 0.3 s calls ran at the same time: each began before any ended
    spans = scen["future_spans"]
    assert len(spans) == 3
    assert max(began for began, _ in spans) < min(ended for _, ended in spans)


def test_host_errors_reach_the_program_and_program_errors_reach_result(scen):
    assert scen["host_error"] == {"value": "caught nope"}
    # what the program sees of a host function's exception is what a direct run() sees
    assert scen["raises_durable"] == scen["raises_direct"]
    assert len(scen["raises_direct"]["value"]) == 4
    assert scen["uncaught"]["error"] == "MontyRuntimeError"
    assert scen["uncaught"]["exc_type"] == "ValueError"
    assert scen["uncaught"]["message"] == "ValueError: boom (line 1)"
    assert scen["program_error"]["exc_type"] == "KeyError"
    assert scen["program_error"]["message"] == "KeyError: 'missing' (line 2)"
    # the error result() raises is the one a direct run raises: traceback, display()
    assert scen["display_durable"] == scen["display_direct"]
    assert "line 4, in <module>" in scen["display_direct"][0]
    assert scen["limit"]["error"] == "MontyTimeLimitError"
    assert scen["syntax"]["error"] == "MontySyntaxError"
    # a host value that cannot enter the sandbox: the TypeError a direct run gives
    assert scen["bad_value"] == scen["bad_value_direct"]
    assert scen["bad_value"]["value"].startswith(
        "TypeError: bad_value() returned a value the sandbox cannot hold")


def test_external_function_waits_for_send(scen):
    assert scen["waiting_status"] == "waiting"
    assert scen["waiting"] == {"function": "approve", "args": ["deploy?"],
                               "kwargs": {"env": "prod"}, "call_id": 1}
    assert scen["external"] == {"value": ["approved", 70, "approve"]}
    assert scen["external_status"] == "done"
    assert scen["external_waiting_after"] is None
    assert scen["module_waiting"] == {"function": "hr.approve", "args": ["x"],
                                      "kwargs": {"n": 2}, "call_id": 1}
    assert scen["module_external"] == {"value": ["ok", "Ask HR."]}
    assert scen["external_timeout"] == {"value": "no value was sent to quick() within 0.3 s"}


def test_cancel_timeout_unknown_and_second_application(scen):
    assert scen["cancelled"]["error"] == "Cancelled"
    assert scen["cancelled_status"] == "cancelled"
    assert scen["result_timeout"]["error"] == "TimeoutError"
    assert scen["unknown_run"] == {"error": "MontyError",
                                   "message": "no durable run 'no-such-run'", "exc_type": None}
    assert scen["second_app"]["error"] == "MontyError"
    assert scen["idempotent_start"] == ["fixed", "fixed"]
    assert scen["idempotent_value"] == 10


def test_hundred_concurrent_runs(scen):
    assert scen["many"]["values"] == [[10, 30, 60][k % 3] for k in range(100)]
    # each host call ran once: the log grew by exactly the calls the 100 programs make
    assert scen["calls_after_many"] - scen["calls_before_many"] == sum(
        1 + k % 3 for k in range(100))


def test_example_durable_agent_survives_its_crash(children):
    proc = children["example"]
    assert proc.returncode == 0, proc.stderr[-3000:]
    out = proc.stdout
    assert "(the process dies in the middle of fetching https://example.org/c)" in out
    assert "now waiting on {'function': 'approve', 'args': ('Digest: Page A; Page B; Page C',)" \
        in out
    assert "result: 'Digest: Page A; Page B; Page C'" in out
    done = out.split("what the host really did:\n", 1)[1].split()
    # each page fetched once (a and b were recorded before the crash), published once
    assert done.count("fetched") == 3 and done.count("published") == 1
    assert sorted(w for w in done if w.startswith("https://")) == [
        "https://example.org/a", "https://example.org/b", "https://example.org/c"]


def test_constructor_checks():
    from monty import durable
    with pytest.raises(TypeError, match="secret"):
        durable.DurableSandbox(functions={})
    with pytest.raises(TypeError, match="callable or External"):
        durable.DurableSandbox(functions={"f": 3}, secret=b"k")
    with pytest.raises(ValueError, match="timeout"):
        durable.External(timeout=-1)


# ---------------------------------------------------------------------------------------------
# Postgres: two workers share the queue; one is killed mid-run, the other finishes every run


def _pg_admin(sql):
    import psycopg
    with psycopg.connect(PG_URL, autocommit=True, connect_timeout=5) as conn:
        conn.execute(sql)


@pytest.fixture
def pg_database():
    try:
        _pg_admin("SELECT 1")
    except Exception as e:
        message = (f"no Postgres at {PG_URL} ({type(e).__name__}: {e}); .ci/postgres installs "
                   f"and starts one and sets MONTY_TEST_POSTGRES_URL")
        if "MONTY_TEST_POSTGRES_URL" in os.environ:
            pytest.fail(message)        # a server was promised (CI): its absence is a failure
        pytest.skip(message)            # a machine without the service the test needs
    name = f"monty_durable_{uuid.uuid4().hex[:10]}"
    _pg_admin(f"CREATE DATABASE {name}")
    try:
        yield PG_URL.rsplit("/", 1)[0] + "/" + name
    finally:
        _pg_admin(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def test_postgres_two_workers_one_killed_the_other_finishes_every_run(pg_database, tmp_path):
    log = str(tmp_path / "calls.log")
    env = _env(DURABLE_LOG=log, DURABLE_STEP_DELAY="0.05")
    cmd = [sys.executable, "-m", "monty.durable", "worker", "--database-url", pg_database,
           "--functions", "app:FUNCTIONS", "--worker-timeout", "2", "--concurrency", "4"]
    workers = [subprocess.Popen(cmd, cwd=APP_DIR, env=env, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True) for _ in range(2)]
    victim, survivor = workers
    try:
        for w in workers:       # both launched (the queue, the heartbeat table) before runs
            line = w.stdout.readline()
            assert "ready" in line, w.stderr.read()[-3000:] if w.poll() is not None else line
        out = _json(_app("pg-client", pg_database, log, "16", str(victim.pid), env=env))
        assert victim.wait(10) == -signal.SIGKILL
        assert survivor.poll() is None          # still serving
    finally:
        for w in workers:
            if w.poll() is None:
                w.send_signal(signal.SIGTERM)
        for w in workers:
            try:
                w.wait(15)
            except subprocess.TimeoutExpired:
                w.kill()
    assert out["values"] == [{"value": 100}] * 16
    assert out["statuses"] == ["done"] * 16
    with open(log) as f:
        lines = [line.split() for line in f.read().splitlines()]
    pids = {int(pid) for _, _, pid in lines}
    assert pids == {victim.pid, survivor.pid}   # both workers took runs
    # after the kill only the survivor ran host calls
    assert {int(pid) for _, _, pid in lines[out["killed_after"]:]} == {survivor.pid}
    calls = collections.Counter(key for _, key, _ in lines)
    assert set(calls) == {f"r{k}:{i}" for k in range(16) for i in range(1, 5)}
    # a call ran twice only if the victim was inside it when it died: its last call of that run
    last_of_victim = {}
    for _, key, pid in lines:
        if int(pid) == victim.pid:
            last_of_victim[key.split(":")[0]] = key
    twice = {key for key, n in calls.items() if n > 1}
    assert max(calls.values()) <= 2
    assert twice <= set(last_of_victim.values())
