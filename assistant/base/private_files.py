"""Write an export (PIP, DUO message) so that only this user can read it, all or nothing.

Exports hold personal data. The file is written under a temporary name made
by `mkstemp` (mode 0600 from the start, in the same folder) and then renamed
over the target: nobody else can open it while it is written, and a failure
halfway leaves no half-written file behind.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path

MODE = 0o600


def write_private(target: Path, write: Callable[[Path], object]) -> Path:
    """Call `write(tmp_path)` and move the result to `target` (mode 0600); returns `target`."""
    target = Path(target)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    os.close(fd)
    tmp_path = Path(tmp)
    try:
        write(tmp_path)
        tmp_path.chmod(MODE)  # a writer that recreated the file must not widen the mode
        with tmp_path.open("rb") as done:  # on disk before it takes the real name
            os.fsync(done.fileno())
        tmp_path.replace(target)
    except BaseException:
        tmp_path.unlink(missing_ok=True)
        raise
    return target


def write_text_private(target: Path, text: str) -> Path:
    return write_private(target, lambda p: p.write_text(text, encoding="utf-8"))
