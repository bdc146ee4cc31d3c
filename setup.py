"""Build the `monty._core` extension; the rest of the metadata lives in pyproject.toml.

Environment:
  MONTY_ANNOTATE=1   also write monty/_core.html (`cython -a`) and force a re-cythonize.
"""

import os
import runpy
from glob import glob
from pathlib import Path

from Cython.Build import cythonize
from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext

ROOT = Path(__file__).resolve().parent

COMPILER_DIRECTIVES = {
    "language_level": 3,
    "boundscheck": True,     # off in the eval loop only (decorators)
    "wraparound": True,
    "initializedcheck": False,
    "cdivision": True,
    "infer_types": False,
    "emit_code_comments": False,
}

# -fno-strict-aliasing: the VM reads typed instruction words and PyObject* slots through
# casts; CPython 3 does not add it by default.
GCC_CLANG_FLAGS = ["-O3", "-fno-strict-aliasing", "-Wno-unused-function", "-Wno-unreachable-code"]
MSVC_FLAGS = ["/O2"]


def write_opcodes_pxi():
    """Regenerate monty/_opcodes.pxi from monty/opcodes.py without importing `monty`.

    The file is rewritten only when its content changes, so an unchanged opcode table
    does not trigger a rebuild of the extension.
    """
    table = runpy.run_path(str(ROOT / "monty" / "opcodes.py"))
    text = table["generate_pxi"]()
    target = ROOT / "monty" / "_opcodes.pxi"
    if not target.exists() or target.read_text(encoding="utf-8") != text:
        target.write_text(text, encoding="utf-8", newline="\n")


class BuildExt(build_ext):
    """Pick optimisation flags for the compiler actually in use; once the extension is built,
    precompile the modules written in sandbox Python (monty/precompiled.py)."""

    def build_extensions(self):
        flags = MSVC_FLAGS if self.compiler.compiler_type == "msvc" else GCC_CLANG_FLAGS
        for ext in self.extensions:
            ext.extra_compile_args = flags + list(ext.extra_compile_args or [])
        super().build_extensions()

    def run(self):
        super().run()
        precompile_sandbox_modules(ROOT if self.inplace else Path(self.build_lib).resolve())


def precompile_sandbox_modules(root):
    """Write monty/_sandbox_code.bin and its digest under `root` (the source tree for an
    in-place or editable build, else the build directory the wheel is made from) by running
    the package just built there. Without them monty still works, compiling each such module
    the first time a process imports it."""
    import subprocess
    import sys

    if not (root / "monty" / "precompiled.py").exists():
        print(f"warning: no monty package under {root}: sandbox modules not precompiled")
        return
    script = ("import sys; sys.path.insert(0, sys.argv[1]); "
              "import monty.precompiled as p; p.main()")
    # (PYTHONPATH stays: pip's isolated build environment, where msgspec and regex are, is
    # made of it; `root` goes first on sys.path, so no other monty is imported)
    result = subprocess.run([sys.executable, "-c", script, str(root)], cwd=str(root))
    if result.returncode != 0:
        print("warning: precompiling the sandbox modules failed: they will be compiled on "
              "first import instead (python -m monty.precompiled retries)")


def extensions():
    write_opcodes_pxi()
    # Sources are named relative to the project root, as setuptools requires.
    os.chdir(ROOT)
    depends = sorted(glob("monty/*.pxi") + glob("monty/*.pxd"))
    core = Extension("monty._core", sources=["monty/_core.pyx"], depends=depends)
    annotate = os.environ.get("MONTY_ANNOTATE") == "1"
    return cythonize(
        [core],
        compiler_directives=COMPILER_DIRECTIVES,
        annotate=annotate,
        force=annotate,
    )


setup(ext_modules=extensions(), cmdclass={"build_ext": BuildExt})
