"""The core is UI-free: only assistant/ui imports Textual (non-negotiable 6)."""

import ast
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "assistant"
CORE_MODULES = ["assistant.cli.main", "assistant.cli.commands", "assistant.outcome.cases",
                "assistant.plain.conversation", "assistant.app.caseload", "assistant.dialog.loader",
                "assistant.engine.session", "assistant.store.sqlite"]


def test_core_imports_without_textual_in_a_fresh_process():
    code = (
        "import sys\n"
        f"for name in {CORE_MODULES!r}:\n"
        "    __import__(name)\n"
        "for name in ('assistant.advice', 'assistant.duo', 'assistant.pip'):\n"
        "    try:\n"
        "        __import__(name)\n"
        "    except ModuleNotFoundError as exc:\n"
        "        if exc.name != name: raise\n"
        "bad = sorted(m for m in sys.modules if m == 'textual' or m.startswith('textual.'))\n"
        "print('TEXTUAL:' + ','.join(bad))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "TEXTUAL:", out.stdout


def test_no_module_outside_ui_imports_textual():
    offenders = []
    for path in PACKAGE.rglob("*.py"):
        if "ui" in path.relative_to(PACKAGE).parts[:1]:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            if any(n == "textual" or n.startswith("textual.") for n in names):
                offenders.append(str(path.relative_to(PACKAGE)))
    assert offenders == []


def test_only_the_engine_imports_transitions():
    users = {str(p.relative_to(PACKAGE)) for p in PACKAGE.rglob("*.py")
             if "from transitions" in p.read_text() or "import transitions" in p.read_text()}
    assert users == {"engine/machine.py"}
