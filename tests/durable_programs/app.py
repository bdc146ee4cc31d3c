"""A durable monty application for tests/test_durable.py, run as a child process (DBOS keeps
process-global state, and the crash tests kill the process with os._exit).

    python app.py first  DB LOG RUN_ID CRASH   start the run, die at CRASH (see _crash_points)
    python app.py finish DB LOG RUN_ID          launch (recovering pending runs), print result
    python app.py scenarios DB LOG              the in-process checks, as JSON
    python app.py hold DB LOG                   a worker that holds the database until killed
    python app.py second DB LOG [client]        a second worker on it (and a client's run)
    python app.py crowd-first DB LOG            8 runs at once, die while they are all running
    python app.py crowd-finish DB LOG           finish them with concurrency=2

With DURABLE_DATA=DIR in the environment the application also has a host module `tools`, the
directory DIR mounted at /data and an environment variable (the "modules" program).

Every host call appends "<name> <arg>" to LOG (one line, fsynced) before it returns, so the
test counts how often each call really ran."""

import asyncio
import json
import os
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(os.path.dirname(HERE)))     # the tree under test

import monty                       # noqa: E402
from monty import durable          # noqa: E402

SECRET = b"test-secret-0123456789abcdef"
LOG = os.environ.get("DURABLE_LOG")
CRASH = os.environ.get("DURABLE_CRASH", "")     # "inside:step:3", "after:host.step:2", ...


def _log(line):
    with open(LOG, "a") as f:
        f.write(line + "\n")
        f.flush()
        os.fsync(f.fileno())


def step(i, tag=None):
    """Record that call `i` ran, and return i * 10."""
    if tag is None:
        _log(f"step {i}")
    else:       # (the Postgres workers: which run, which call, which process)
        time.sleep(float(os.environ.get("DURABLE_STEP_DELAY", "0")))
        _log(f"step {tag}:{i} {os.getpid()}")
    if CRASH == f"inside:step:{i}":
        os._exit(70)
    return i * 10


def fail(message):
    _log(f"fail {message}")
    raise ValueError(message)


async def fetch(name, delay=0.0):
    began = time.time()
    await asyncio.sleep(delay)
    _log(f"fetch {name} {began} {time.time()}")
    if CRASH == f"inside:fetch:{name}":
        os._exit(70)
    return f"page {name}"


def slow(tag):
    """Take 0.3 s; log when it began and ended (the concurrency checks)."""
    began = time.time()
    time.sleep(0.3)
    _log(f"slow {tag} {began} {time.time()} {os.getpid()}")
    return 1


def tools_step(i):
    """A host module's function: record that call `i` ran, and return i * 100."""
    _log(f"tools.step {i}")
    if CRASH == f"inside:tools.step:{i}":
        os._exit(70)
    return i * 100


MODULES = {"tools": {"step": tools_step, "SCALE": 3}, "tools.text": {"SEP": "/"}}

# a host module imported, a file of a mount open and the environment read across pauses
MODULE_PROGRAM = """
import os
import tools
from tools.text import SEP
f = open('/data/in.txt')
first = tools.step(1)
base = int(f.read())
f.close()
total = base + first * tools.SCALE
for i in range(2, 4):
    total += tools.step(i) * tools.SCALE
with open('/data/out.txt', 'w') as out:
    out.write(str(total))
[total, os.environ['MODE'] + SEP + os.getenv('HOME', 'none')]
"""


def bad_value():
    return object()


class Oops(Exception):
    pass


def raises(kind):
    """Raise the exception named `kind` (a builtin type, or a host class)."""
    raise {"KeyError": KeyError("k"), "OSError": OSError(2, "gone"),
           "Oops": Oops("custom problem"), "ValueError": ValueError("v", 3)}[kind]


RAISES = """
out = []
for kind in ['KeyError', 'OSError', 'Oops', 'ValueError']:
    try:
        raises(kind)
    except Exception as e:
        out.append((type(e).__name__, str(e), e.args))
out
"""


FUNCTIONS = {"step": step, "fail": fail, "fetch": fetch, "bad_value": bad_value,
             "raises": raises, "slow": slow,
             "approve": durable.External(doc="A person's verdict."),
             "quick": durable.External(timeout=0.3)}

PROGRAM = """
total = 0
for i in range(1, n + 1):
    total += step(i)
total
"""

TAGGED = """
total = 0
for i in range(1, n + 1):
    total += step(i, tag)
total
"""

GATHER = """
import asyncio
pages = await asyncio.gather(fetch('a'), fetch('b', 0.3), fetch('c'))
[step(1), pages]
"""


def _crash_points():
    """Die with os._exit right after the step named in CRASH ("after:<step name>:<nth>")
    has been recorded, before the workflow goes on."""
    if not CRASH.startswith("after:"):
        return
    _, name, nth = CRASH.split(":")
    nth = int(nth)
    seen = {"n": 0}
    orig = durable.DBOS.run_step

    def run_step(options, func, *args, **kwargs):
        out = orig(options, func, *args, **kwargs)
        if options.get("name") == name:
            seen["n"] += 1
            if seen["n"] == nth:
                os._exit(71)
        return out

    durable.DBOS.run_step = run_step


def _sandbox(db, **kw):
    limits = monty.Limits(max_duration=2.0)
    data = os.environ.get("DURABLE_DATA")
    if data:
        kw.setdefault("modules", MODULES)
        kw.setdefault("files", [monty.MountDir(data, "/data", mode="rw")])
        kw.setdefault("environ", {"MODE": "durable"})
    return durable.DurableSandbox(functions=FUNCTIONS, limits=limits, database_url=db,
                                  secret=kw.pop("secret", SECRET), **kw)


def _outcome(fn):
    try:
        return {"value": fn()}
    except Exception as e:
        return {"error": type(e).__name__, "message": str(e),
                "exc_type": getattr(e, "exc_type", None)}


def first(db, run_id, code, inputs):
    _crash_points()
    sb = _sandbox(db)
    sb.start(code, inputs, run_id=run_id)
    time.sleep(240)         # the crash comes first
    os._exit(3)


def finish(db, run_id, secret=SECRET):
    sb = _sandbox(db, secret=secret)
    out = _outcome(lambda: sb.result(run_id, timeout=120))
    out["status"] = sb.status(run_id)
    sb.close()
    return out


def many(sb, n):
    t0 = time.perf_counter()
    ids = [sb.start(PROGRAM, {"n": 1 + k % 3}) for k in range(n)]
    values = [sb.result(r, timeout=120) for r in ids]
    return {"values": values, "seconds": time.perf_counter() - t0}


def pg_client(db, n, victim):
    """Start n runs through a client (no worker in this process), kill the worker `victim`
    (SIGKILL) once it has made three host calls, and wait for every result."""
    import signal
    sb = _sandbox(db, worker=False)
    ids = [sb.start(TAGGED, {"n": 4, "tag": f"r{k}"}) for k in range(n)]
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        lines = open(LOG).read().split("\n") if os.path.exists(LOG) else []
        if sum(line.endswith(f" {victim}") for line in lines) >= 3:
            break       # the victim is mid-way through its runs
        time.sleep(0.01)
    os.kill(victim, signal.SIGKILL)
    killed_after = len(open(LOG).read().splitlines())
    t0 = time.perf_counter()
    out = {"values": [_outcome(lambda r=r: sb.result(r, timeout=120)) for r in ids],
           "statuses": [sb.status(r) for r in ids], "killed_after": killed_after,
           "finish_seconds": time.perf_counter() - t0}
    sb.close()
    return out


def hold(db):
    _sandbox(db)
    print("ready", flush=True)
    time.sleep(240)         # killed first
    os._exit(3)


def second(db, client):
    out = {"worker": _outcome(lambda: _sandbox(db).close() or "opened")}
    if client:
        sb = _sandbox(db, worker=False)
        out["client"] = _outcome(lambda: sb.result(sb.start(PROGRAM, {"n": 4}), timeout=120))
        sb.close()
    return out


CROWD = "n = slow(run + 'a')\nn += slow(run + 'b')\nn += slow(run + 'c')\nn"


def crowd_first(db):
    """Eight runs at once (concurrency=8); die once each has made a call (all are running)."""
    sb = _sandbox(db, concurrency=8)
    for k in range(8):
        sb.start(CROWD, {"run": f"r{k}"}, run_id=f"crowd{k}")

    def runs_seen():
        if not os.path.exists(LOG):
            return 0
        with open(LOG) as f:
            return len({line.split()[1][:-1] for line in f if line.startswith("slow ")})

    while runs_seen() < 8:
        time.sleep(0.01)
    os._exit(71)


def crowd_finish(db):
    """The eight runs recovered at launch, finished with concurrency=2."""
    from dbos import DBOSClient
    seen = {}
    launch = durable.DBOS.launch

    def watched_launch(*args, **kwargs):
        # what the queue worker reads when launch starts it (the run before had 8)
        client = DBOSClient(system_database_url=db, application_name="monty")
        seen["worker_concurrency"] = client.retrieve_queue("monty_durable")._worker_concurrency
        client.destroy()
        return launch(*args, **kwargs)

    durable.DBOS.launch = watched_launch
    sb = _sandbox(db, concurrency=2)
    out = {"values": [sb.result(f"crowd{k}", timeout=120) for k in range(8)],
           "pid": os.getpid(), "at_launch": seen}
    sb.close()
    return out


def scenarios(db):
    sb = _sandbox(db, concurrency=32,
                  modules={"hr": {"approve": durable.External(doc="Ask HR."), "N": 2}})
    out = {}

    def run(code, inputs=None):
        return sb.result(sb.start(code, inputs), timeout=120)

    out["program"] = _outcome(lambda: run(PROGRAM, {"n": 4}))

    out["futures"] = _outcome(lambda: run(GATHER))
    out["futures_overlap"] = _outcome(lambda: run(
        "import asyncio\n"
        "await asyncio.gather(fetch('x', 0.3), fetch('y', 0.3), fetch('z', 0.3))"))
    with open(LOG) as f:
        out["future_spans"] = [[float(t) for t in line.split()[2:4]] for line in f
                               if line.split()[:2] in (["fetch", "x"], ["fetch", "y"],
                                                       ["fetch", "z"])]

    out["host_error"] = _outcome(lambda: run(
        "try:\n    fail('nope')\nexcept ValueError as e:\n    r = 'caught ' + str(e)\nr"))
    out["raises_durable"] = _outcome(lambda: run(RAISES))
    out["raises_direct"] = _outcome(lambda: monty.Sandbox(functions={"raises": raises}).run(
        RAISES))
    out["uncaught"] = _outcome(lambda: run("fail('boom')"))
    failing = "def f(d):\n    return d['missing']\nx = step(1)\nf({})"
    out["program_error"] = _outcome(lambda: run(failing))
    for key, how in (("durable", lambda: run(failing)),
                     ("direct", lambda: monty.Sandbox(functions={"step": step}).run(failing))):
        try:
            how()
        except monty.MontyRuntimeError as e:
            out["display_" + key] = [e.display(), e.traceback, e.exc_type, e.message]
    out["limit"] = _outcome(lambda: run("step(1)\nwhile True:\n    pass"))
    out["syntax"] = _outcome(lambda: run("def ("))
    bad = "try:\n    bad_value()\nexcept TypeError as e:\n    r = 'TypeError: ' + str(e)\nr"
    out["bad_value"] = _outcome(lambda: run(bad))
    out["bad_value_direct"] = _outcome(lambda: monty.Sandbox(
        functions={"bad_value": bad_value}).run(bad))
    out["return"] = _outcome(lambda: run("step(2)\nreturn 'early'"))

    # External: the run waits in the database until a value is sent
    rid = sb.start("answer = approve('deploy?', env='prod')\n[answer, step(7), approve.__name__]")
    deadline = time.monotonic() + 120
    while sb.status(rid) != "waiting" and time.monotonic() < deadline:
        time.sleep(0.02)
    out["waiting_status"] = sb.status(rid)
    out["waiting"] = sb.waiting(rid)
    sb.send(rid, "approved", name="approve")
    out["external"] = _outcome(lambda: sb.result(rid, timeout=120))
    out["external_status"] = sb.status(rid)
    out["external_waiting_after"] = sb.waiting(rid)

    # an External in a host module: called and answered by its dotted name
    rid = sb.start("import hr\nv = hr.approve('x', n=hr.N)\n[v, hr.approve.__doc__]")
    deadline = time.monotonic() + 120
    while sb.status(rid) != "waiting" and time.monotonic() < deadline:
        time.sleep(0.02)
    out["module_waiting"] = sb.waiting(rid)
    sb.send(rid, "ok", name="hr.approve")
    out["module_external"] = _outcome(lambda: sb.result(rid, timeout=120))

    out["external_timeout"] = _outcome(lambda: run(
        "try:\n    quick()\nexcept TimeoutError as e:\n    r = str(e)\nr"))

    rid = sb.start("approve('never answered')")
    deadline = time.monotonic() + 120
    while sb.status(rid) != "waiting" and time.monotonic() < deadline:
        time.sleep(0.02)
    sb.cancel(rid)
    out["cancelled"] = _outcome(lambda: sb.result(rid, timeout=120))
    out["cancelled_status"] = sb.status(rid)

    out["result_timeout"] = _outcome(lambda: sb.result(
        sb.start("approve('slow')"), timeout=0.2))
    out["unknown_run"] = _outcome(lambda: sb.status("no-such-run"))
    out["second_app"] = _outcome(lambda: _sandbox(db))
    out["idempotent_start"] = [sb.start(PROGRAM, {"n": 1}, run_id="fixed"),
                               sb.start(PROGRAM, {"n": 1}, run_id="fixed")]
    out["idempotent_value"] = sb.result("fixed", timeout=120)
    with open(LOG) as f:
        out["calls_before_many"] = len(f.read().splitlines())
    out["many"] = many(sb, 100)
    with open(LOG) as f:
        out["calls_after_many"] = len(f.read().splitlines())
    sb.close()
    return out


def main(argv):
    global LOG
    cmd, db, LOG = argv[0], argv[1], argv[2]
    if cmd == "first":
        run_id, which = argv[3], argv[4]
        code, inputs = {"gather": (GATHER, None), "modules": (MODULE_PROGRAM, None)}.get(
            which, (PROGRAM, {"n": 4}))
        first(db, run_id, code, inputs)
    elif cmd == "finish":
        secret = argv[4].encode() if len(argv) > 4 else SECRET
        print(json.dumps(finish(db, argv[3], secret)))
    elif cmd == "pg-client":
        print(json.dumps(pg_client(db, int(argv[3]), int(argv[4]))))
    elif cmd == "hold":
        hold(db)
    elif cmd == "second":
        print(json.dumps(second(db, argv[3:] == ["client"])))
    elif cmd == "crowd-first":
        crowd_first(db)
    elif cmd == "crowd-finish":
        print(json.dumps(crowd_finish(db)))
    elif cmd == "scenarios":
        print(json.dumps(scenarios(db), default=repr))
    sys.stdout.flush()
    os._exit(0)       # (DBOS's background threads need not wind down)


if __name__ == "__main__":
    main(sys.argv[1:])
