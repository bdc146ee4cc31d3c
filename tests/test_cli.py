"""`python -m monty FILE.py` and the REPL (`python -m monty` reading stdin), run as the user
runs them: in a child process. Errors are compared with CPython's own output for the same
file."""

import os
import subprocess
import sys
import textwrap
import time

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def monty_cli(*args, stdin=None, timeout=60):
    env = dict(os.environ, PYTHONPATH=ROOT + os.pathsep + os.environ.get("PYTHONPATH", ""))
    return subprocess.run([sys.executable, "-m", "monty", *args], input=stdin, cwd=ROOT,
                          env=env, capture_output=True, text=True, timeout=timeout)


def cpython(path):
    return subprocess.run([sys.executable, path], capture_output=True, text=True, timeout=60)


def write(tmp_path, code, name="prog.py"):
    path = tmp_path / name
    path.write_text(textwrap.dedent(code))
    return str(path)


def test_runs_a_file_like_cpython(tmp_path):
    path = write(tmp_path, """\
        import json
        data = {"a": [1, 2, 3]}
        for k, v in data.items():
            print(k, sum(v))
        print(json.dumps(data))
        data
    """)
    result = monty_cli(path)
    ref = cpython(path)
    assert result.returncode == 0 == ref.returncode
    assert result.stdout == ref.stdout == 'a 6\n{"a": [1, 2, 3]}\n'
    assert result.stderr == ""


def test_error_prints_the_sandbox_traceback_like_cpython_and_exits_1(tmp_path):
    path = write(tmp_path, """\
        def div(a, b):
            return a / b

        print("before")
        div(1, 0)
    """)
    result = monty_cli(path)
    ref = cpython(path)
    assert result.returncode == 1 == ref.returncode
    assert result.stdout == ref.stdout == "before\n"
    # frames, source lines and the caret lines under the failing expression, as CPython's
    assert result.stderr == ref.stderr


def test_syntax_error_prints_like_cpython(tmp_path):
    path = write(tmp_path, "x = 1\ny = (x +\n")
    result = monty_cli(path)
    ref = cpython(path)
    assert result.returncode == 1 == ref.returncode
    assert result.stderr == ref.stderr


def test_stderr_and_sys_exit(tmp_path):
    path = write(tmp_path, """\
        import sys
        print("out")
        print("err", file=sys.stderr)
        sys.exit(3)
    """)
    result = monty_cli(path)
    ref = cpython(path)
    assert (result.returncode, result.stdout, result.stderr) == (ref.returncode, ref.stdout, ref.stderr)
    assert result.returncode == 3


def test_limits_from_flags(tmp_path):
    path = write(tmp_path, "print('start')\nwhile True:\n    pass\n")
    t0 = time.perf_counter()
    result = monty_cli(path, "--max-duration", "0.3")
    assert time.perf_counter() - t0 < 20
    assert result.returncode == 1 and result.stdout == "start\n"
    assert result.stderr == "MontyTimeLimitError: time limit of 0.3 s exceeded\n"
    path = write(tmp_path, "x = []\nwhile True:\n    x.append('a' * 10000)\n", "mem.py")
    result = monty_cli(path, "--max-memory", "5000000", "--max-duration", "none")
    assert result.returncode == 1 and result.stderr.startswith("MontyMemoryLimitError")
    path = write(tmp_path, "print('z' * 100)\n", "out.py")
    result = monty_cli(path, "--max-output", "10")
    assert result.returncode == 0
    assert result.stdout == "z" * 10 + "\n[output cut: more than max_output=10 bytes printed]\n"


def test_bad_flags_and_files():
    result = monty_cli("--max-duration", "soon", "x.py")
    assert result.returncode == 2 and "not a number" in result.stderr
    result = monty_cli("--max-duration", "-1", "-c", "1")
    assert result.returncode == 2 and "positive" in result.stderr
    result = monty_cli("/nonexistent/file.py")
    assert result.returncode == 2 and "can't open file" in result.stderr


def test_dash_c_and_stdin_file():
    assert monty_cli("-c", "print(6 * 7)").stdout == "42\n"
    assert monty_cli("-", stdin="print('from stdin')\n").stdout == "from stdin\n"


def test_prints_stream_as_they_happen(tmp_path):
    path = write(tmp_path, "import time\nprint('first')\ntime.sleep(1.5)\nprint('second')\n")
    env = dict(os.environ, PYTHONPATH=ROOT)
    proc = subprocess.Popen([sys.executable, "-m", "monty", path], cwd=ROOT, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        t0 = time.perf_counter()
        first = proc.stdout.readline()
        t_first = time.perf_counter() - t0
        rest = proc.stdout.read()
        t_end = time.perf_counter() - t0
    finally:
        proc.wait(timeout=30)
    assert first == "first\n" and rest == "second\n"
    assert t_end - t_first > 1.0      # the first line arrived before the sleep ended


REPL_SESSION = """\
x = 10
def add(a, b=1):
    total = a + b
    return total

add(x)
for i in range(2):
    print('loop', i)

y = [add(i) for i in range(3)]
y
1 / 0
x * 2
if x > 5:
    label = 'big'
else:
    label = 'small'

label
"""


def test_repl_keeps_state_across_entries_and_shows_values():
    result = monty_cli(stdin=REPL_SESSION)
    assert result.returncode == 0
    assert result.stdout == "11\nloop 0\nloop 1\n[1, 2, 3]\n20\n'big'\n"
    # the error of one entry is reported and the session goes on
    assert "ZeroDivisionError: division by zero" in result.stderr
    assert 'File "<stdin>", line 1, in <module>' in result.stderr
    # prompts go to stderr, as CPython's interactive mode does with piped input
    assert ">>> " in result.stderr and "... " in result.stderr


def test_repl_limits_apply_to_each_entry():
    session = "n = 0\nwhile True:\n    n += 1\n\nn > 0\n'alive'\n"
    t0 = time.perf_counter()
    result = monty_cli("--max-duration", "0.3", stdin=session)
    assert time.perf_counter() - t0 < 20
    assert "MontyTimeLimitError" in result.stderr
    assert result.stdout == "True\n'alive'\n"


def test_repl_syntax_error_and_opaque_values():
    session = "x = (1 +\n]\nclass P:\n    def __repr__(self):\n        return 'P!'\n\nP()\n"
    result = monty_cli(stdin=session)
    assert "SyntaxError" in result.stderr
    assert result.stdout == "P!\n"


def test_console_script_is_declared():
    with open(os.path.join(ROOT, "pyproject.toml"), encoding="utf-8") as f:
        text = f.read()
    scripts = text.split("[project.scripts]\n", 1)[1].split("\n[", 1)[0]
    assert 'monty = "monty.cli:main"' in scripts.splitlines()
    from monty.cli import main
    assert main(["-c", "None"]) == 0
