"""The program writes the bytecode of what it imports into its own virtual
environment, even where PYTHONDONTWRITEBYTECODE=1 is set; the library never
changes that setting (luohu_cli/__main__.py says why)."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

in_a_virtual_environment = pytest.mark.skipif(
    sys.prefix == sys.base_prefix, reason="the tests run outside a virtual environment")


def python(code: str, tmp_path: Path) -> str:
    """Run code in a new interpreter of this environment, PYTHONDONTWRITEBYTECODE=1,
    with tmp_path first on its path; its stdout."""
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1",
           "PYTHONPATH": os.pathsep.join([str(tmp_path), str(ROOT)])}
    done = subprocess.run([sys.executable, "-c", code], env=env, cwd=tmp_path,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return done.stdout


@in_a_virtual_environment
@pytest.mark.parametrize("imports, writes", [
    ("luohu_cli.__main__", True),
    ("luohu_cli, luohu_cli.cli, luohu_cli.pipeline", False),
], ids=["the program writes the bytecode of what it imports",
        "the library leaves the setting alone"])
def test_bytecode_where_python_may_not_write_it(tmp_path, imports, writes):
    (tmp_path / "later_module.py").write_text("VALUE = 1\n", encoding="utf-8")
    out = python(f"import sys, {imports}, later_module\n"
                 "print(sys.dont_write_bytecode)", tmp_path)
    assert out.strip() == str(not writes)
    assert bool(list(tmp_path.glob("__pycache__/later_module.*.pyc"))) is writes


def test_the_console_script_is_the_program():
    """The script `luohu` runs luohu_cli.__main__, where the setting is made."""
    from importlib.metadata import entry_points

    (script,) = entry_points(group="console_scripts", name="luohu")
    assert script.value == "luohu_cli.__main__:main"
