"""An unexpected error in the full-screen app: a message, never a traceback.

Textual's default prints the traceback *with local variables* when an error
escapes a screen, and a screen's locals hold the answers (health, debts,
family). `report` turns any such error into a message that names only the kind
of error and what to do. The detail is written to a local debug file only
when the person asks for it with ``INTAKE_DEBUG=1``: the traceback without
locals, with every answer value and note replaced by ``«…»``, mode 0600.
"""

from __future__ import annotations

import os
import re
import traceback
from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from assistant.base import paths
from assistant.base.messages import Msg, _

DEBUG_ENV = "INTAKE_DEBUG"
REDACTED = "«…»"


def debug_requested() -> bool:
    return os.environ.get(DEBUG_ENV, "").strip() not in ("", "0", "false", "no")


def report(exc: BaseException, values: Iterable[Any] = ()) -> tuple[Msg, Msg]:
    """The message for the person, and a second line: where the debug file is, or how to get one."""
    from assistant.base.errors import describe

    msg = describe(exc)
    debug = None
    if debug_requested():
        try:
            debug = write_debug(exc, values)
        except OSError:
            debug = None
    if debug is not None:
        tail = _("Details staan in {path}. Stuur dat bestand alleen naar de beheerder.", path=str(debug))
    else:
        tail = _("Wilt u details voor de beheerder? Start dan met INTAKE_DEBUG=1.")
    return msg, tail


def redact(text: str, values: Iterable[Any]) -> str:
    """Every answer value (strings, numbers, list items, nested) replaced in `text`."""
    found: set[str] = set()

    def walk(v: Any) -> None:
        if isinstance(v, dict):
            for x in v.values():
                walk(x)
        elif isinstance(v, (list, tuple, set)):
            for x in v:
                walk(x)
        elif isinstance(v, bool) or v is None:
            return
        else:
            s = str(v)
            if len(s) >= 2:
                found.add(s)

    for v in values:
        walk(v)
    for s in sorted(found, key=len, reverse=True):
        text = text.replace(s, REDACTED).replace(repr(s)[1:-1], REDACTED)
    return text


def write_debug(exc: BaseException, values: Iterable[Any]) -> Path:
    """The traceback without local variables, values redacted, in a 0600 file."""
    from assistant.base.private_files import write_text_private

    folder = paths.data_dir() / "debug"
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%f")
    text = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
    text = redact(text, list(values))
    text = re.sub(r"\x1b|[\x00-\x08\x0b-\x1f\x7f]", "?", text)
    return write_text_private(folder / f"error-{stamp}.txt", text)
