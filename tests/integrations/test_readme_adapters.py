"""The README's adapter examples run as written (each with its framework's scripted model),
and print what their comments say."""

import importlib.util
import pathlib
import re
import subprocess
import sys

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]


def _examples():
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    start = text.index("## Framework adapters: LangChain, DSPy, Haystack, pydantic-ai")
    end = text.index("\n## ", start + 1)
    return re.findall(r"```python\n(.*?)```", text[start:end], re.S)


def _framework(code):
    for module, package in (("monty.integrations.langchain", "langchain"),
                            ("monty.integrations.dspy", "dspy"),
                            ("monty.integrations.haystack", "haystack"),
                            ("monty.integrations.pydantic_ai", "pydantic_ai")):
        if module in code:
            return package
    raise AssertionError("an example that uses no adapter")


def _expected(code):
    """The text a `# ...` comment right after a print() says it prints (first line only)."""
    out = []
    lines = code.splitlines()
    for i, line in enumerate(lines):
        if line.startswith("print(") and "#" in line:
            out.append(line.split("#", 1)[1].strip().split("  (")[0])
        elif line.startswith("print(") and i + 1 < len(lines) and lines[i + 1].startswith("# "):
            out.append(lines[i + 1][2:].strip())
    return out


@pytest.mark.parametrize("code", _examples(), ids=lambda c: _framework(c))
def test_readme_example_runs(code):
    if importlib.util.find_spec(_framework(code)) is None:
        pytest.skip(f"{_framework(code)} is not installed")
    proc = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                          text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr[-3000:]
    for expected in _expected(code):
        assert expected in proc.stdout, (expected, proc.stdout)
