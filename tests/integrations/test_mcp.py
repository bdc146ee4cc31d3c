"""`python -m monty.mcp` (and the `monty-mcp` script) driven by the `mcp` package's own client
over stdio, in a subprocess (no network)."""

import asyncio
import os
import pathlib
import sys
import textwrap

import pytest

pytest.importorskip("mcp")

from mcp import Client  # noqa: E402
from mcp.client.stdio import StdioServerParameters  # noqa: E402

ROOT = pathlib.Path(__file__).resolve().parents[2]


def _params(*args, command=None, env=None):
    return StdioServerParameters(command=command or sys.executable,
                                 args=([] if command else ["-m", "monty.mcp"]) + list(args),
                                 cwd=str(ROOT), env=env)


async def _call(client, code, variables=None, progress=None):
    arguments = {"python_code": code}
    if variables is not None:
        arguments["global_variables"] = variables
    return await client.call_tool("run_python_code", arguments, progress_callback=progress)


def test_session_success_error_limit_and_state_across_calls():
    async def main():
        out = {}
        async with Client(_params("--max-duration", "0.3")) as client:
            tools = (await client.list_tools()).tools
            out["tools"] = tools
            out["ok"] = await _call(client, "import json\nrows = [1, 2, 3]\n"
                                            "def total(xs):\n    return sum(xs)\n"
                                            "print('rows:', len(rows))\njson.dumps(rows)")
            out["state"] = await _call(client, "total(rows) * scale", {"scale": 10})
            out["error"] = await _call(client, "print('about to fail')\nrows[10]")
            out["module"] = await _call(client, "import subprocess")
            out["limit"] = await _call(client, "while True:\n    rows.append(1)\n")
            out["after"] = await _call(client, "return total(rows[:3]) + 1")
        return out

    out = asyncio.run(main())
    (tool,) = out["tools"]
    assert tool.name == "run_python_code"
    assert set(tool.input_schema["properties"]) == {"python_code", "global_variables"}
    assert set(tool.output_schema["properties"]) == {"status", "stdout", "stderr", "return_value",
                                                     "error"}
    assert "Modules available to import: json" in tool.description

    ok = out["ok"]
    assert not ok.is_error
    assert ok.structured_content == {"status": "success", "stdout": "rows: 3\n", "stderr": "",
                                     "return_value": "[1, 2, 3]", "error": None}
    assert out["state"].structured_content["return_value"] == 60

    err = out["error"]
    assert err.is_error
    sc = err.structured_content
    assert sc["status"] == "error" and sc["stdout"] == "about to fail\n" and sc["return_value"] is None
    assert sc["error"]["type"] == "IndexError"
    assert sc["error"]["message"] == "list index out of range"
    assert sc["error"]["traceback"] == ('Traceback (most recent call last):\n'
                                        '  File "<string>", line 2, in <module>\n'
                                        '    rows[10]\n'
                                        '    ~~~~^^^^\n'
                                        'IndexError: list index out of range')
    assert "rows[10]" in err.content[0].text and "about to fail" in err.content[0].text

    mod = out["module"].structured_content["error"]
    assert mod["type"] == "ModuleNotFoundError" and "Modules available: " in mod["hint"]

    limit = out["limit"].structured_content["error"]
    assert limit["type"] == "MontyTimeLimitError"
    assert "time limit of 0.3 s exceeded" in limit["message"]
    assert "0.3 s" in limit["hint"]
    # the session survives the limit, its state with it
    assert out["after"].structured_content["return_value"] == 7


def test_printed_text_streams_as_progress_and_stderr_is_apart():
    async def main():
        seen = []

        async def progress(value, total, message):
            seen.append((value, message))

        async with Client(_params()) as client:
            result = await _call(client, "import sys\nfor i in range(3):\n    print('step', i)\n"
                                         "print('careful', file=sys.stderr)\n'done'",
                                 progress=progress)
        return seen, result

    seen, result = asyncio.run(main())
    messages = [m for _, m in seen]
    assert "".join(messages) == "step 0\nstep 1\nstep 2\ncareful\n"
    assert [v for v, _ in seen] == sorted(v for v, _ in seen)
    sc = result.structured_content
    assert sc["stdout"] == "step 0\nstep 1\nstep 2\n" and sc["stderr"] == "careful\n"
    assert sc["return_value"] == "done"


def test_host_functions_from_a_module_sync_and_async_gathered(tmp_path):
    (tmp_path / "shop_tools.py").write_text(textwrap.dedent('''
        import asyncio

        __all__ = ["price", "fetch_stock"]

        def price(item: str) -> float:
            """Unit price of an item."""
            return {"apple": 1.5, "pear": 2.0}[item]

        async def fetch_stock(item: str) -> int:
            """Units in stock (slow)."""
            await asyncio.sleep(0.2)
            return len(item)

        def hidden():
            return "not exported"
    '''))
    env = {"PYTHONPATH": str(tmp_path)}

    async def main():
        async with Client(_params("--functions", "shop_tools", env=env)) as client:
            tools = (await client.list_tools()).tools
            gathered = await _call(client, textwrap.dedent('''
                import asyncio, time
                t0 = time.monotonic()
                stock = await asyncio.gather(*[fetch_stock(i) for i in ["apple", "pear", "fig"]])
                took = time.monotonic() - t0
                return {"stock": stock, "cost": price("apple") * 2, "fast": took < 0.5}
            '''))
            hidden = await _call(client, "hidden()")
            failing = await _call(client, "price('kiwi')")
        return tools, gathered, hidden, failing

    tools, gathered, hidden, failing = asyncio.run(main())
    assert "def price(item: str) -> float" in tools[0].description
    assert "async def fetch_stock(item: str) -> int" in tools[0].description
    assert gathered.structured_content["return_value"] == {"stock": [5, 4, 3], "cost": 3.0,
                                                     "fast": True}
    assert hidden.structured_content["error"]["type"] == "NameError"
    assert failing.structured_content["error"]["type"] == "KeyError"
    assert "price('kiwi')" in failing.structured_content["error"]["traceback"]


def test_result_values_become_json():
    async def main():
        async with Client(_params()) as client:
            plain = await _call(client, "({'a': (1, 2)}, {3}, b'x', float('inf'), None)")
            obj = await _call(client, "class P:\n    def __repr__(self):\n        return 'P()'\n"
                                      "P()")
        return plain, obj

    plain, obj = asyncio.run(main())
    assert plain.structured_content["return_value"] == [{"a": [1, 2]}, [3], "b'x'", "inf", None]
    # a value that is not plain data is described (the code ran: no error to retry on)
    assert not obj.is_error
    assert obj.structured_content["return_value"].startswith("<P object: not plain data")


def test_monty_mcp_script_runs_the_same_server():
    script = pathlib.Path(sys.executable).parent / ("monty-mcp.exe" if os.name == "nt"
                                                    else "monty-mcp")
    assert script.exists(), "monty-mcp is installed with the package (pip install -e .)"

    async def main():
        async with Client(_params("--max-duration", "1", command=str(script))) as client:
            return await _call(client, "return 6 * 7")

    assert asyncio.run(main()).structured_content["return_value"] == 42


def test_bad_flags_exit_with_usage():
    import subprocess
    proc = subprocess.run([sys.executable, "-m", "monty.mcp", "--max-duration", "soon"],
                          cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert proc.returncode == 2 and "not a number: 'soon'" in proc.stderr
    proc = subprocess.run([sys.executable, "-m", "monty.mcp", "--tools", "no_such_module_x"],
                          cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert proc.returncode == 2
    assert "--functions no_such_module_x: ModuleNotFoundError" in proc.stderr


def test_load_functions_from_a_file_a_dict_and_a_list(tmp_path):
    from monty.integrations.mcp import load_functions
    path = tmp_path / "more_tools.py"
    path.write_text("def a():\n    return 1\n\ndef _private():\n    return 2\n\n"
                    "import json\nloads = json.loads\n\n"
                    "TOOLS = {'first': a}\nLISTED = [a]\n")
    assert list(load_functions(str(path))) == ["a"]     # public functions defined there
    assert list(load_functions(f"{path}:TOOLS")) == ["first"]
    assert list(load_functions(f"{path}:LISTED")) == ["a"]
    with pytest.raises(TypeError, match="expected a dict, a list or a function"):
        load_functions(f"{path}:__name__")
