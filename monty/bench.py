"""Microbenchmarks timing monty against CPython on the same code in the same process.

Run as `python -m monty.bench [--quick] [--reps R] [--filter NAME] [--json]`.

Each snippet benchmark runs module-level code (as agents write it) that reads its size from the
input `N`, and is timed three ways, paired and interleaved in every repetition: `Sandbox.run`,
CPython's `exec` of the same code at module level, and CPython running it inside `def main():`.
Latency benchmarks time many runs of a tiny snippet and report the time per run. Times are
per run, median (min) over the repetitions; ratios are monty's median over CPython's.
"""

import argparse
import ast
import gc
import json
import platform
import statistics
import sys
from dataclasses import dataclass, field
from time import perf_counter_ns

import monty

RESULT = "__bench_result__"   # where the CPython baselines store the value Sandbox.run returns
NO_CAPS = monty.Limits(max_duration=None, max_memory=None, max_allocations=None,
                       max_recursion_depth=1000)


def inc(x):
    """The host function of host_calls (and a plain global of its CPython baselines)."""
    return x + 1


ACTION = """\
data = [{"name": f"item{i}", "price": i * 1.5, "qty": i % 7} for i in range(40)]
totals = {}
for row in data:
    key = row["name"][:5]
    totals[key] = totals.get(key, 0) + row["price"] * row["qty"]
ranked = sorted(totals.items(), key=lambda kv: -kv[1])
def describe(name, value):
    return f"{name:>8}: {value:10.2f}"
lines = [describe(k, v) for k, v in ranked[:5]]
try:
    ratio = totals["item1"] / 0
except ZeroDivisionError:
    ratio = -1
summary = {"count": len(data), "best": ranked[0][0], "ratio": ratio}
for line in lines:
    summary[line[:4]] = len(line)
text = "\\n".join(lines)
summary["text"] = text[:20]
step = 0  # step NONCE
summary
"""
"""A 20-line code action in the style models write (a comprehension, a loop over dicts, sorted
with a lambda key, f-strings with format specs, a small def, try/except); NONCE is replaced by
a new number at every run so no cache can serve it."""

_fresh_counter = iter(range(1, 1 << 62))


def fresh_text(source):
    return source.replace("NONCE", str(next(_fresh_counter)))


@dataclass(frozen=True)
class Benchmark:
    name: str
    source: str          # ends with an expression statement: the value compared across sides
    n: int               # snippets: the input N; latency benchmarks: runs per measurement
    quick_n: int
    functions: dict = field(default_factory=dict)   # host functions, also CPython globals
    kind: str = "snippet"                           # or "cached_run", "new_sandbox_run"


BENCHMARKS = (
    Benchmark("loop_sum_while", """\
i = 0
total = 0
while i < N:
    total += i
    i += 1
total
""", n=300_000, quick_n=20_000),
    Benchmark("loop_sum_for", """\
total = 0
for i in range(N):
    total += i
total
""", n=400_000, quick_n=20_000),
    Benchmark("fib_recursive", """\
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
fib(N)
""", n=27, quick_n=18),
    Benchmark("fn_calls", """\
def add(a, b):
    return a + b
total = 0
for i in range(N):
    total = add(total, i)
total
""", n=300_000, quick_n=20_000),
    Benchmark("string_build", """\
parts = []
for i in range(N):
    parts.append(str(i))
s = ','.join(parts)
len(s), s[-20:]
""", n=200_000, quick_n=10_000),
    Benchmark("string_build_fstring", """\
parts = []
for i in range(N):
    parts.append(f"item {i}: {i * 3:>8} | {i / 7:.2f}")
s = '\\n'.join(parts)
len(s), s[-40:]
""", n=50_000, quick_n=2_500),
    Benchmark("dict_list_work", """\
records = [{"id": i, "group": f"g{i % 17}", "score": i * 7919 % 1000} for i in range(N)]
groups = {}
for r in records:
    key = r["group"]
    if key not in groups:
        groups[key] = []
    groups[key].append(r)
ranked = sorted(records, key=lambda r: r["score"])
top = [r["id"] for r in ranked if r["score"] > 900]
totals = {key: sum(r["score"] for r in rs) for key, rs in sorted(groups.items())}
sum(top), ranked[0]["id"], totals
""", n=25_000, quick_n=1_500),
    Benchmark("comprehensions", """\
squares = [x * x for x in range(N) if x % 3]
residues = {x: x % 7 for x in squares}
len(squares), sum(residues.values())
""", n=200_000, quick_n=10_000),
    Benchmark("classes", """\
class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def norm2(self):
        return self.x * self.x + self.y * self.y
total = 0
for i in range(N):
    p = Point(i, i + 1)
    total += p.norm2() + p.x
total
""", n=100_000, quick_n=5_000),
    Benchmark("generators", """\
def evens(n):
    for i in range(n):
        if i % 2 == 0:
            yield i
total = 0
for v in evens(N):
    total += v
total + sum(x * 2 for x in range(N // 2))
""", n=200_000, quick_n=10_000),
    Benchmark("host_calls", """\
total = 0
for i in range(N):
    total = inc(total)
total
""", n=300_000, quick_n=20_000, functions={"inc": inc}),
    Benchmark("async_gather", """\
import asyncio
async def work(i):
    await asyncio.sleep(0)
    return i * 2
async def main():
    return await asyncio.gather(*[work(i) for i in range(N)])
sum(asyncio.run(main()))
""", n=10_000, quick_n=500),
    Benchmark("exceptions_raise_catch", """\
class AppError(Exception):
    pass
caught = 0
for i in range(N):
    try:
        raise AppError(i)
    except AppError as e:
        caught += 1
caught
""", n=100_000, quick_n=5_000),
    Benchmark("exceptions_zero_division", """\
caught = 0
for i in range(N):
    try:
        x = i / 0
    except ZeroDivisionError:
        caught += 1
caught
""", n=100_000, quick_n=5_000),
    # A code action as agents send it, new text at every run (a counter in a comment):
    # monty: a new Sandbox and run(); CPython: compile() + exec() in a new namespace. The
    # front end alone: monty's parse + check + compile against CPython's compile().
    Benchmark("fresh_action", ACTION, n=200, quick_n=20, kind="fresh_action"),
    Benchmark("fresh_action_front_end", ACTION, n=200, quick_n=20, kind="front_end"),
    # Both latency benchmarks use default limits, as a host would; CPython: exec(code, {}).
    Benchmark("run_latency", "1 + 2", n=20_000, quick_n=1_000, kind="cached_run"),
    Benchmark("run_latency_new_sandbox", "1 + 2", n=2_000, quick_n=200, kind="new_sandbox_run"),
)


def split_value(source):
    """The statements of source before its last one, and that last expression statement's value."""
    *body, last = ast.parse(source).body
    if not isinstance(last, ast.Expr):
        raise ValueError("a benchmark snippet must end with an expression statement")
    return body, last.value


def compile_tree(statements):
    return compile(ast.fix_missing_locations(ast.Module(statements, [])), "<bench>", "exec")


def module_code(source):
    """source compiled for module-level exec, storing its value in RESULT."""
    body, value = split_value(source)
    return compile_tree(body + [ast.Assign([ast.Name(RESULT, ast.Store())], value)])


def def_main_code(source):
    """source compiled as the body of `def main():`, returning its value into RESULT."""
    body, value = split_value(source)
    wrapper = ast.parse(f"def main():\n    pass\n{RESULT} = main()").body
    wrapper[0].body = body + [ast.Return(value)]
    return compile_tree(wrapper)


def cpython_run(code, inputs, functions):
    namespace = dict(functions)   # persists across runs, like a Sandbox's globals

    def run():
        namespace.update(inputs)
        exec(code, namespace)
        return namespace[RESULT]
    return run


def runners(bench, n):
    """The callables to time, by column; each returns the value of its last run."""
    if bench.kind == "snippet":
        sandbox = monty.Sandbox(functions=bench.functions, limits=NO_CAPS)
        inputs = {"N": n}
        return {
            "monty": lambda: sandbox.run(bench.source, inputs=inputs),
            "cpython": cpython_run(module_code(bench.source), inputs, bench.functions),
            "cpython_def": cpython_run(def_main_code(bench.source), inputs, bench.functions),
        }
    if bench.kind in ("fresh_action", "front_end"):
        return fresh_runners(bench, n)
    code = module_code(bench.source)

    def cpython_runs():
        for _ in range(n):
            namespace = {}
            exec(code, namespace)
        return namespace[RESULT]

    if bench.kind == "cached_run":
        sandbox = monty.Sandbox()

        def monty_runs():
            for _ in range(n):
                value = sandbox.run(bench.source)
            return value
    else:
        def monty_runs():
            for _ in range(n):
                value = monty.Sandbox().run(bench.source)
            return value
    return {"monty": monty_runs, "cpython": cpython_runs}


def fresh_runners(bench, n):
    """n runs of new text each: monty (a new Sandbox and run, or the front end alone) and
    CPython (compile + exec, or compile alone)."""
    from . import _core
    from .compiler import compile_source

    def texts():
        return [fresh_text(bench.source) for _ in range(n)]

    if bench.kind == "front_end":
        def monty_runs():
            for text in texts():
                compile_source(text, _core.Code)
            return True

        def cpython_runs():
            for text in texts():
                compile(text, "<action>", "exec")
            return True
        return {"monty": monty_runs, "cpython": cpython_runs}

    # CPython stores the last expression's value (same text otherwise, compiled from source)
    head, last = bench.source.rstrip("\n").rsplit("\n", 1)
    stored = f"{head}\n{RESULT} = {last}\n"

    def monty_runs():
        for text in texts():
            value = monty.Sandbox().run(text)
        return value

    def cpython_runs():
        for _ in range(n):
            namespace = {}
            exec(compile(fresh_text(stored), "<action>", "exec"), namespace)
        return namespace[RESULT]
    return {"monty": monty_runs, "cpython": cpython_runs}


def run_benchmark(bench, n, reps):
    """One result row: per-run median and min in ns by column, ratios, and the value check."""
    row = {"name": bench.name, "n": n}
    try:
        sides = runners(bench, n)
        values = {side: run() for side, run in sides.items()}   # warm-up, untimed
    except Exception as exc:   # reported in the row, so one failure does not stop the suite
        row["error"] = f"{type(exc).__name__}: {exc}"
        return row
    row["match"] = all(value == values["cpython"] for value in values.values())
    if not row["match"]:
        row["values"] = {side: repr(value)[:200] for side, value in values.items()}
    runs_per_measurement = 1 if bench.kind == "snippet" else n
    samples = {side: [] for side in sides}
    for _ in range(reps):
        for side, run in sides.items():
            start = perf_counter_ns()
            run()
            samples[side].append((perf_counter_ns() - start) / runs_per_measurement)
    for side, times in samples.items():
        row[side] = {"median_ns": statistics.median(times), "min_ns": min(times)}
    for side in sides:
        if side != "monty":
            row[f"ratio_{side}"] = row["monty"]["median_ns"] / row[side]["median_ns"]
    return row


COMPARE = ("fresh_action", "loop_sum_for", "fib_recursive", "string_build_fstring",
           "dict_list_work", "classes", "exceptions_raise_catch", "exceptions_zero_division",
           "host_calls")


def compare_benchmarks(reps, quick):
    """The COMPARE rows for monty, CPython and every rival sandbox installed, at the small
    (quick) sizes: rows of {name, n, times: {side: median ns per run}, errors: {side: text}}."""
    from . import _bench_rivals
    rivals = _bench_rivals.available()
    rows = []
    try:
        for bench in BENCHMARKS:
            if bench.name not in COMPARE:
                continue
            fresh = bench.kind == "fresh_action"
            n = bench.quick_n if bench.kind == "snippet" else (5 if quick else 20)
            inputs = {} if fresh else {"N": n}
            sides = runners(bench, n) if fresh else dict(list(runners(bench, n).items())[:2])
            per = n if fresh else 1
            errors = {}
            for name, (make, _) in rivals.items():
                try:
                    run = make(bench.source, inputs, bench.functions, fresh_text if fresh else None)
                    if fresh:
                        one = run
                        run = (lambda one: lambda: [one() for _ in range(n)][-1])(one)
                    sides[name] = run
                except Exception as exc:
                    errors[name] = f"{type(exc).__name__}: {exc}"[:80]
            values = {}
            for side, run in list(sides.items()):
                try:
                    values[side] = run()
                except Exception as exc:
                    errors[side] = f"{type(exc).__name__}: {exc}"[:80]
                    del sides[side]
            expected = values.get("cpython")
            for side in list(sides):
                if side not in ("monty", "cpython") and values[side] != expected:
                    errors[side] = f"wrong value {values[side]!r}"[:80]
                    del sides[side]
            times = {side: [] for side in sides}
            for _ in range(reps):
                for side, run in sides.items():
                    start = perf_counter_ns()
                    run()
                    times[side].append((perf_counter_ns() - start) / per)
            rows.append({"name": bench.name, "n": n,
                         "times": {side: statistics.median(t) for side, t in times.items()},
                         "errors": errors})
    finally:
        _bench_rivals.close(rivals)
    return rows, list(rivals)


def format_compare(rows, rivals):
    sides = ["cpython", "monty"] + rivals
    out = [f"{'benchmark':<26}{'N':>8}  " + "".join(f"{s:>22}" for s in sides)]
    for row in rows:
        base = row["times"]["cpython"]
        cells = []
        for side in sides:
            if side in row["times"]:
                t = row["times"][side]
                cells.append(f"{format_ns(t):>12} {t / base:>7.2f}x" if side != "cpython"
                             else f"{format_ns(t):>21} ")
            else:
                cells.append(f"{'n/a':>21} ")
        out.append(f"{row['name']:<26}{row['n']:>8}  " + "".join(cells))
        for side, err in row["errors"].items():
            out.append(f"    {side}: {err}")
    return "\n".join(out)


def cpu_model():
    try:
        with open("/proc/cpuinfo") as cpuinfo:
            for line in cpuinfo:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def header(reps, quick):
    return {
        "python": sys.version.split()[0],
        "implementation": platform.python_implementation(),
        "platform": platform.platform(),
        "cpu": cpu_model(),
        "monty": getattr(monty, "__version__", "unknown"),
        "reps": reps,
        "quick": quick,
    }


def format_ns(ns):
    if ns >= 1e6:
        return f"{ns / 1e6:.2f} ms"
    if ns >= 1e3:
        return f"{ns / 1e3:.2f} us"
    return f"{ns:.0f} ns"


def format_side(row, side):
    if side not in row:
        return f"{'':>22}"
    stats = row[side]
    return f"{format_ns(stats['median_ns']):>10} ({format_ns(stats['min_ns']):>9})"


def format_ratio(row, side):
    ratio = row.get(f"ratio_{side}")
    return f"{ratio:>6.2f}x" if ratio is not None else f"{'':>7}"


def format_row(row):
    start = f"{row['name']:<24} {row['n']:>8}  "
    if "error" in row:
        return start + f"ERROR {row['error']}"
    line = "  ".join([
        format_side(row, "monty"),
        format_side(row, "cpython"), format_ratio(row, "cpython"),
        format_side(row, "cpython_def"), format_ratio(row, "cpython_def"),
    ])
    if not row["match"]:
        line += "  MISMATCH " + " ".join(f"{side}={value}" for side, value in row["values"].items())
    return start + line


TABLE_TITLE = (f"{'benchmark':<24} {'N':>8}  {'monty median (min)':>22}  "
               f"{'cpython median (min)':>22}  {'ratio':>7}  "
               f"{'cpython in def (min)':>22}  {'ratio':>7}")


SNAPSHOT_SIZES = (1_000, 100_000)
SNAPSHOT_SOURCE = """\
data = list(range(N))
r = fetch(len(data))
len(data) + r
"""


def snapshot_benchmark(n, reps):
    """Dump size and time, load time and load+resume time of a program paused at a host call
    while holding an n-element list. Times are medians (min) over `reps` in ns."""
    sb = monty.Sandbox(functions={"fetch": None}, limits=NO_CAPS)
    step = sb.start(SNAPSHOT_SOURCE, inputs={"N": n})
    inner = max(1, 200_000 // n)
    dumps, loads, resumes = [], [], []
    blob = step.dump()
    for _ in range(reps):
        t0 = perf_counter_ns()
        for _ in range(inner):
            blob = step.dump()
        t1 = perf_counter_ns()
        for _ in range(inner):
            loaded = monty.load(blob, functions={"fetch": None}, limits=NO_CAPS)
        t2 = perf_counter_ns()
        for _ in range(inner):
            done = monty.load(blob, functions={"fetch": None}, limits=NO_CAPS).resume(1)
        t3 = perf_counter_ns()
        dumps.append((t1 - t0) / inner)
        loads.append((t2 - t1) / inner)
        resumes.append((t3 - t2) / inner)
    assert isinstance(loaded, monty.Call) and done.value == n + 1
    return {"name": f"snapshot_list_{n}", "n": n, "bytes": len(blob),
            "dump_ns": statistics.median(dumps), "dump_min_ns": min(dumps),
            "load_ns": statistics.median(loads), "load_min_ns": min(loads),
            "load_resume_ns": statistics.median(resumes), "load_resume_min_ns": min(resumes)}


def format_snapshot_row(row):
    return (f"{row['name']:<24}{row['bytes'] / 1024:>9.1f} KiB  "
            f"dump {format_ns(row['dump_ns'])} ({format_ns(row['dump_min_ns'])})  "
            f"load {format_ns(row['load_ns'])} ({format_ns(row['load_min_ns'])})  "
            f"load+resume {format_ns(row['load_resume_ns'])} ({format_ns(row['load_resume_min_ns'])})")


# ---------------------------------------------------------------------------------------------
# Limits: how late control returns after the deadline, and peak memory against the limit

LIMIT_BOMBS = [
    ("while True", "while True:\n    pass\n"),
    ("'ab'*10**8 .replace", "s = 'ab' * 10 ** 8\nt = s.replace('a', 'aaa')\n"),
    ("10**(10**7)", "x = 10 ** (10 ** 7)\n"),
    ("sum(range(10**12))", "x = sum(range(10 ** 12))\nwhile True:\n    pass\n"),
    ("sorted(huge list)", "l = [3, 1, 2] * 10 ** 6\nwhile True:\n    l = sorted(l)\n"),
    ("append forever", "l = []\nwhile True:\n    l.append([len(l)])\n"),
]
LIMIT_DURATION = 0.1
LIMIT_MEMORY = 256 * 1024 * 1024

_LIMIT_CHILD = r"""
import json, resource, sys, time
import monty
base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
sb = monty.Sandbox(limits=monty.Limits(max_duration=float(sys.argv[2]), max_memory=int(sys.argv[3])))
start = time.perf_counter()
try:
    sb.run(sys.argv[1])
    outcome = "finished"
except monty.MontyError as e:
    outcome = type(e).__name__
end = time.perf_counter()
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
print(json.dumps({"outcome": outcome, "late": end - sb._vm.deadline, "elapsed": end - start,
                  "peak": peak - base}))
"""


def run_limits(reps):
    """Each bomb in a fresh process (peak RSS is per process), `reps` times."""
    import subprocess
    rows = []
    for name, code in LIMIT_BOMBS:
        lates, peaks, outcomes = [], [], set()
        for _ in range(reps):
            proc = subprocess.run([sys.executable, "-c", _LIMIT_CHILD, code, str(LIMIT_DURATION),
                                   str(LIMIT_MEMORY)], capture_output=True, text=True, timeout=120)
            try:
                r = json.loads(proc.stdout.strip().splitlines()[-1])
            except (IndexError, ValueError):
                outcomes.add(f"crash (exit {proc.returncode})")
                continue
            lates.append(r["late"])
            peaks.append(r["peak"])
            outcomes.add(r["outcome"])
        rows.append({"bomb": name, "outcomes": sorted(outcomes),
                     "late_ms": [round(x * 1000, 2) for x in sorted(lates)],
                     "peak_mib": round(max(peaks) / 2 ** 20, 1) if peaks else None})
    return rows


def format_limit_row(row):
    lates = row["late_ms"]
    if lates:
        late = f"{lates[0]:+.1f} .. {lates[-1]:+.1f} ms"
    else:
        late = "-"
    return (f"{row['bomb']:<22} {'/'.join(row['outcomes']):<28} {late:>22}   "
            f"peak +{row['peak_mib']} MiB of {LIMIT_MEMORY >> 20} MiB")


def async_benchmark(reps):
    """run_async: wall time of 5 gathered host calls that each sleep 0.1 s, and how long a
    cancelled run_async takes to hand control back (a sandbox spinning without awaiting)."""
    import asyncio
    import time

    async def sleepy(x):
        await asyncio.sleep(0.1)
        return x

    code = "import asyncio\nawait asyncio.gather(*[sleepy(i) for i in range(5)])"

    async def one():
        sb = monty.Sandbox(functions={"sleepy": sleepy})
        await sb.run_async("1")
        t0 = time.perf_counter()
        await sb.run_async(code)
        gather = time.perf_counter() - t0
        task = asyncio.ensure_future(sb.run_async("while True:\n    pass"))
        await asyncio.sleep(0.02)
        t0 = time.perf_counter()
        task.cancel()
        try:
            await task
        except asyncio.CancelledError:
            pass
        return gather, time.perf_counter() - t0

    rows = [asyncio.run(one()) for _ in range(reps)]
    gathers = sorted(r[0] for r in rows)
    cancels = sorted(r[1] for r in rows)
    return {"gather_5x0.1s_s": gathers, "cancel_latency_s": cancels}


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python -m monty.bench",
                                     description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="3 reps and small N, for smoke tests")
    parser.add_argument("--reps", type=int,
                        help="repetitions per benchmark (default 15, 3 with --quick)")
    parser.add_argument("--filter", action="append", metavar="NAME",
                        help="run benchmarks whose name contains NAME (repeatable)")
    parser.add_argument("--json", action="store_true", help="print the results as one JSON object")
    parser.add_argument("--limits", action="store_true",
                        help="only the limits section: lateness after the deadline and peak memory per bomb")
    parser.add_argument("--async", dest="async_", action="store_true",
                        help="only run_async: 5 gathered 0.1 s host calls, cancel latency")
    parser.add_argument("--compare", action="store_true",
                        help="only the side-by-side table: CPython, monty and the other sandboxes "
                             "installed (pydantic-monty, RestrictedPython, asteval, smolagents; "
                             "pip install 'monty-sandbox[bench]')")
    args = parser.parse_args(argv)
    if args.reps is not None and args.reps < 1:
        parser.error("--reps must be at least 1")
    reps = args.reps or (3 if args.quick else 15)
    if args.async_:
        row = async_benchmark(reps)
        if args.json:
            print(json.dumps({"async": row}, indent=2))
        else:
            g, c = row["gather_5x0.1s_s"], row["cancel_latency_s"]
            print(f"run_async: 5 gathered host calls of 0.1 s each: median {g[len(g) // 2]:.3f} s "
                  f"(min {g[0]:.3f}, max {g[-1]:.3f}); cancel to control back: median "
                  f"{c[len(c) // 2] * 1e6:.0f} us (max {c[-1] * 1e6:.0f} us)")
        return 0
    if args.compare:
        rows, rivals = compare_benchmarks(reps, args.quick)
        if args.json:
            print(json.dumps({"header": header(reps, args.quick), "compare": rows}, indent=2))
        else:
            print(" | ".join(f"{key} {value}" for key, value in header(reps, args.quick).items()))
            print("time per run (median) and ratio to CPython, all sides in this process and run")
            print(format_compare(rows, rivals))
        return 0
    if args.limits:
        limit_rows = run_limits(max(1, min(reps, 5)))
        if args.json:
            print(json.dumps({"limits": limit_rows}, indent=2))
        else:
            print(f"limits: max_duration={LIMIT_DURATION} s, max_memory={LIMIT_MEMORY >> 20} MiB; "
                  f"late = time from the deadline to control returning (negative: refused early)")
            for row in limit_rows:
                print(format_limit_row(row))
        return int(any(o.startswith("crash") or o == "finished"
                       for row in limit_rows for o in row["outcomes"]))
    selected = [bench for bench in BENCHMARKS
                if not args.filter or any(name in bench.name for name in args.filter)]
    snapshot_sizes = [n for n in SNAPSHOT_SIZES
                      if not args.filter or any(name in f"snapshot_list_{n}" for name in args.filter)]
    if not selected and not snapshot_sizes:
        parser.error(f"no benchmark matches; names: {', '.join(b.name for b in BENCHMARKS)}")

    info = header(reps, args.quick)
    if not args.json:
        print(" | ".join(f"{key} {value}" for key, value in info.items()))
        print("times per run, median (min); ratio = monty median / cpython median")
        print(TABLE_TITLE)
    rows = []
    for bench in selected:
        gc.collect()
        row = run_benchmark(bench, bench.quick_n if args.quick else bench.n, reps)
        rows.append(row)
        if not args.json:
            print(format_row(row), flush=True)
    snapshots = []
    if snapshot_sizes and not args.json:
        print("\nsnapshots of a program paused at a host call holding an N-element list "
              "(size, dump, load, load+resume; median (min))")
    for n in snapshot_sizes:
        gc.collect()
        row = snapshot_benchmark(n, reps)
        snapshots.append(row)
        if not args.json:
            print(format_snapshot_row(row), flush=True)
    limit_rows = [] if args.filter else run_limits(1 if args.quick else 3)
    if not args.json and limit_rows:
        print()
        print(f"limits: max_duration={LIMIT_DURATION} s, max_memory={LIMIT_MEMORY >> 20} MiB; "
              f"late = time from the deadline to control returning (negative: refused early)")
        for row in limit_rows:
            print(format_limit_row(row))
    if args.json:
        print(json.dumps({"header": info, "results": rows, "snapshots": snapshots,
                          "limits": limit_rows}, indent=2))
    return int(any("error" in row or not row["match"] for row in rows))


if __name__ == "__main__":
    sys.exit(main())
