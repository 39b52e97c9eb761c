"""The advice, DUO and PIP libraries are UI-free, and PDF support is only loaded when asked for."""

from __future__ import annotations

import subprocess
import sys


def test_libraries_import_without_textual_or_weasyprint():
    code = ("import sys, assistant.advice, assistant.duo, assistant.pip; "
            "print(sorted(m for m in ('textual', 'weasyprint') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
