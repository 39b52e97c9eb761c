"""The person behind an event: a name, not only a role.

A consulent is named by ``[ui] user`` in the settings file, else by the
operating-system account (`getpass.getuser`). The inburgeraar is recorded as
"inburgeraar" (the session itself identifies them), and values that arrived
from a file (DUO's leerbaarheidstoets) as "import".
"""

from __future__ import annotations

import getpass
from functools import lru_cache

FIXED = {"inburgeraar": "inburgeraar", "duo": "import", "import": "import"}


@lru_cache(maxsize=1)
def consulent_name() -> str:
    try:
        from assistant.settings import load_settings

        configured = getattr(load_settings(), "user", None)
    except Exception:  # noqa: BLE001 - a broken settings file is reported elsewhere
        configured = None
    if configured:
        return configured
    try:
        return getpass.getuser() or "consulent"
    except (KeyError, OSError):  # no account name (a container without passwd entry)
        return "consulent"


def person_for(actor: str) -> str:
    return FIXED.get(actor) or consulent_name()
