"""The code-quality tools hold: ruff, mypy, the import contracts, no import circles.

Each tool runs as a subprocess from the project's .venv over the work tree,
with the configuration in pyproject.toml, and any finding fails the test
with the tool's own report. Each tool is also run once on a planted
violation, to show that it fails where it should (a tool that checks nothing
passes too). docs/code-quality.md says how to run them alone.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
BIN = ROOT / ".venv" / "bin"
CONFIG = ROOT / "pyproject.toml"

def _tool(name: str) -> str:
    path = BIN / name
    if not path.exists():
        pytest.fail(f"{path} is missing: run scripts/bootstrap test (./test does)")
    return str(path)


def _run(*cmd: str, cwd: Path = ROOT, env: dict[str, str] | None = None,
         timeout: float = 300) -> subprocess.CompletedProcess[str]:
    return subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout, check=False)


# -- the work tree ---------------------------------------------------------------------

def test_ruff_finds_nothing():
    out = _run(_tool("ruff"), "check", "--output-format", "concise", ".")
    if out.returncode not in (0, 1):  # 2: ruff itself failed (a bad configuration)
        pytest.fail(out.stdout + out.stderr)
    assert out.returncode == 0, "ruff check:\n" + out.stdout + out.stderr


def test_mypy_finds_nothing():
    out = _run(_tool("mypy"), timeout=600)  # `packages` in [tool.mypy]; the cache is .mypy_cache
    if out.returncode not in (0, 1):  # 2: mypy itself failed
        pytest.fail(out.stdout + out.stderr)
    assert out.returncode == 0, "mypy:\n" + out.stdout + out.stderr


def test_import_contracts_hold():
    out = _run(_tool("lint-imports"))
    assert out.returncode == 0, out.stdout + out.stderr
    assert "0 broken" in out.stdout, out.stdout


def test_no_import_circles():
    out = _run(str(BIN / "python"), "scripts/import_cycles.py")
    assert out.returncode == 0 and out.stdout.startswith("no import circles"), out.stdout + out.stderr


# -- each tool fails on a planted violation --------------------------------------------

def _copy_package(tmp_path: Path) -> Path:
    """A copy of the package and its configuration, to plant violations in."""
    tree = tmp_path / "tree"
    shutil.copytree(ROOT / "assistant", tree / "assistant", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy2(CONFIG, tree / "pyproject.toml")
    return tree


def test_ruff_fails_on_planted_violations(tmp_path):
    planted = tmp_path / "planted.py"
    planted.write_text(
        "import subprocess\n"
        "from typing import List\n"                                       # UP035: typing.List
        "\n"
        "\n"
        "def f(items: List[int] = []) -> None:\n"                         # B006: a mutable default
        "    subprocess.run('ls ' + str(items), shell=True)\n"             # S602: a shell with input
        "    try:\n"
        "        print(undefined_name)\n"                                  # F821: an undefined name
        "    except Exception:\n"                                          # BLE001: a blind except
        "        pass\n", encoding="utf-8")
    out = _run(_tool("ruff"), "check", "--no-cache", "--config", str(CONFIG), "--output-format", "concise",
               str(planted))
    assert out.returncode == 1, out.stdout + out.stderr
    for code in ("F821", "B006", "UP035", "S602", "BLE001"):
        assert f" {code} " in out.stdout, f"ruff did not report {code}:\n{out.stdout}"


def test_mypy_fails_on_planted_violations(tmp_path):
    """A tiny package under the same configuration: strict in the engine, checked everywhere."""
    pkg = tmp_path / "assistant"
    for sub in ("engine", "app", "ui"):
        (pkg / sub).mkdir(parents=True)
        (pkg / sub / "__init__.py").write_text("")
    (pkg / "__init__.py").write_text("")
    (pkg / "engine" / "planted.py").write_text(
        "def untyped(x):\n"                                    # strict here: no-untyped-def
        "    return x\n", encoding="utf-8")
    (pkg / "app" / "planted.py").write_text(
        "def untyped(x):\n"                                    # strict in the use cases too
        "    return x\n", encoding="utf-8")
    (pkg / "ui" / "planted.py").write_text(
        "def untyped(x):\n"                                    # allowed outside the strict layers ...
        "    count: int = 'three'\n"                           # ... but its body is checked
        "    return count\n", encoding="utf-8")
    out = _run(_tool("mypy"), "--config-file", str(CONFIG), "--cache-dir", str(tmp_path / "cache"),
               "-p", "assistant", cwd=tmp_path)
    assert out.returncode == 1, out.stdout + out.stderr
    assert re.search(r"assistant/engine/planted\.py:1: error: .*\[no-untyped-def\]", out.stdout), out.stdout
    assert re.search(r"assistant/app/planted\.py:1: error: .*\[no-untyped-def\]", out.stdout), out.stdout
    assert re.search(r"assistant/ui/planted\.py:2: error: .*\[assignment\]", out.stdout), out.stdout
    assert "assistant/ui/planted.py:1:" not in out.stdout, out.stdout  # no strict mode outside its layers


def test_import_linter_fails_on_planted_violations(tmp_path):
    tree = _copy_package(tmp_path)
    (tree / "assistant" / "base" / "planted.py").write_text("import assistant.engine.session\n")  # upwards
    (tree / "assistant" / "engine" / "planted.py").write_text(
        "from textual.app import App\n"                          # Textual outside the UI
        "from assistant.store.sqlite import Store\n")            # a backend outside the store
    (tree / "assistant" / "ui" / "planted.py").write_text(
        "from assistant.engine.session import Intake\n")  # a front end past the use cases
    env = {**os.environ, "PYTHONPATH": str(tree)}  # the copy, not the work tree, is `assistant`
    out = _run(_tool("lint-imports"), "--no-cache", cwd=tree, env=env)
    assert out.returncode == 1, out.stdout + out.stderr
    assert "0 kept, 4 broken" in out.stdout, out.stdout
    for planted in ("assistant.base.planted -> assistant.engine.session",
                    "assistant.engine.planted -> textual",
                    "assistant.engine.planted -> assistant.store.sqlite",
                    "assistant.ui.planted -> assistant.engine.session"):
        assert planted in out.stdout, f"not reported: {planted}\n{out.stdout}"


def test_import_cycles_fails_on_a_planted_circle(tmp_path):
    pkg = tmp_path / "assistant"
    pkg.mkdir()
    (pkg / "__init__.py").write_text("")
    (pkg / "first.py").write_text("def late():\n    from assistant import second\n")  # inside a function
    (pkg / "second.py").write_text("from typing import TYPE_CHECKING\n\nif TYPE_CHECKING:\n"
                                   "    import assistant.first\n")                   # for types only
    out = _run(str(BIN / "python"), str(ROOT / "scripts" / "import_cycles.py"), "--root", str(tmp_path))
    assert out.returncode == 1, out.stdout + out.stderr
    assert "circle of 2 modules" in out.stdout, out.stdout
    assert "assistant.first -> assistant.second" in out.stdout, out.stdout
