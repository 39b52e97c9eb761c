"""Every path the assistant uses, from one place.

Resources (dialogs, catalogs, law data) live at the top of the source tree and
are bundled into the wheel under ``assistant/_bundled``. User data follows the
platform's conventions through `platformdirs`, so the default store needs no
configuration; ``--store`` or ``INTAKE_STORE`` override it.
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "intake-assistent"
STORE_ENV = "INTAKE_STORE"
CONFIG_ENV = "INTAKE_CONFIG_DIR"
POSTGRES_SCHEMES = ("postgresql://", "postgres://")  # a store location that is a database URL
Location = Path | str  # where a store is: a SQLite file, or a PostgreSQL URL (kept a string, never a Path)

_PACKAGE_DIR = Path(__file__).resolve().parents[1]  # the `assistant` package
_BUNDLED = _PACKAGE_DIR / "_bundled"
_SOURCE_ROOT = _PACKAGE_DIR.parent


def resource_dir(name: str) -> Path:
    """A resource folder (``dialogs``, ``locales``, ``law``): bundled copy first."""
    bundled = _BUNDLED / name
    if bundled.is_dir():
        return bundled
    return _SOURCE_ROOT / name


def data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def config_dir() -> Path:
    override = os.environ.get(CONFIG_ENV)
    if override:
        return Path(override)
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))


def store_location(value: str) -> Path | str:
    """A SQLite file as a Path; a ``postgresql://`` URL stays a string (a Path would mangle it)."""
    if value.startswith(POSTGRES_SCHEMES):
        return value
    return Path(value)


def default_store() -> Path | str:
    """The store: ``--store`` beats ``INTAKE_STORE`` beats the SQLite file in the data dir."""
    override = os.environ.get(STORE_ENV)
    if override:
        return store_location(override)
    return data_dir() / "sessions.sqlite3"
