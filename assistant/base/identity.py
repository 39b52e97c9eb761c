"""The person behind an event: a name, not only a role.

A consulent is named by ``[ui] user`` in the settings file, else by the
operating-system account (`getpass.getuser`). The inburgeraar is recorded as
"inburgeraar" (the session itself identifies them), and values that arrived
from a file (DUO's leerbaarheidstoets) as "import".

In a browser (`intake serve`) the app process learns who works from its
environment: ``INTAKE_USER`` is the name the login proxy vouched for, and
``INTAKE_ROLE=inburgeraar`` marks the pre-intake, where every event is the
inburgeraar's and nobody has consulent rights (`assistant.ui.serve.server`).
"""

from __future__ import annotations

import getpass
import os
from functools import lru_cache

FIXED = {"inburgeraar": "inburgeraar", "duo": "import", "import": "import"}
USER_ENV, ROLE_ENV = "INTAKE_USER", "INTAKE_ROLE"


@lru_cache(maxsize=1)
def consulent_name() -> str:
    served = os.environ.get(USER_ENV)
    if served:
        return served
    try:
        from assistant.base.settings import load_settings

        configured: str | None = getattr(load_settings(), "user", None)
    except Exception:  # noqa: BLE001 - a broken settings file is reported elsewhere
        configured = None
    if configured:
        return configured
    try:
        return getpass.getuser() or "consulent"
    except (KeyError, OSError):  # no account name (a container without passwd entry)
        return "consulent"


def person_for(actor: str) -> str:
    if os.environ.get(ROLE_ENV) == "inburgeraar":
        return "inburgeraar"
    return FIXED.get(actor) or consulent_name()
