"""Files with personal data are for this user only (0600), new or old.

`private_open` creates a file with mode 0600 from the start (not chmod after
the fact, which leaves a moment in which others can read it) and fixes the
mode of a file that already existed; whole exports go through
`assistant.base.private_files`, which also makes them all-or-nothing. `secure_store_files` fixes a store left
0644 by an earlier version and says which files it fixed, so the command line
can tell the person.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import IO, Any

STORE_SUFFIXES = ("", "-wal", "-shm", ".lock", ".audit.jsonl")


def private_open(path: Path | str, mode: str = "wb") -> IO[Any]:
    """An open file object, created 0600 (an existing file is made 0600 first)."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    os.fchmod(fd, 0o600)
    return os.fdopen(fd, mode)


def secure_store_files(store_path: Path | str) -> list[Path]:
    """Make the store, its WAL, lock and audit files 0600; returns the ones that were not."""
    fixed = []
    for suffix in STORE_SUFFIXES:
        path = Path(str(store_path) + suffix)
        try:
            mode = stat.S_IMODE(path.stat().st_mode)
        except OSError:
            continue
        if mode & 0o077:
            path.chmod(0o600)
            fixed.append(path)
    return fixed
