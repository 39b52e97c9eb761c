"""Typed settings from ``settings.toml`` in the user's config dir (UI-free).

    [ui]
    locale = "nl"            # interface language (the flag --lang wins)
    second_locale = "ar"     # the inburgeraar's language for new intakes
    bidi_visual = false      # visual order for terminals without bidi
    user = "j.jansen"        # the consulent's name in the event log (default: the OS account)
    [keys]
    review = "f5"            # key binding id = key
    [policy]
    onderwijsroute_richtleeftijd = 27   # the gemeente's policy values (law/policy.yaml)
    [serve]
    user_header = "X-Remote-User"   # `intake serve`: the login proxy's header with the user name

A missing file means defaults. A broken file is refused as a whole with a
message naming the problem: settings are never half-applied.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from assistant.base import paths
from assistant.base.errors import AppError
from assistant.base.messages import _

SETTINGS_FILE = "settings.toml"
SECTIONS = {"ui", "keys", "policy", "serve"}
UI_KEYS = {"locale": str, "second_locale": str, "bidi_visual": bool, "user": str}


class SettingsError(AppError):
    """The settings file is refused as a whole; `msg` names the file and the problem."""


@dataclass(frozen=True)
class Settings:
    locale: str | None = None
    second_locale: str | None = None
    bidi_visual: bool = False
    keys: dict[str, str] = field(default_factory=dict)
    policy: dict[str, Any] = field(default_factory=dict)
    path: Path | None = None
    user: str | None = None     # who the consulent is in the event log (assistant.base.identity)
    user_header: str | None = None  # `intake serve` behind a login proxy (assistant.ui.serve.server)


def settings_path() -> Path:
    return paths.config_dir() / SETTINGS_FILE


def load_settings(path: Path | None = None) -> Settings:
    path = path or settings_path()
    if not path.exists():
        return Settings(path=path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise SettingsError(_("Het instellingenbestand {path} klopt niet: {reason}. Verbeter of verwijder het.",
                              path=str(path), reason=str(exc))) from None
    unknown = set(data) - SECTIONS
    if unknown:
        raise SettingsError(_("Onbekend deel [{name}] in {path}. Gebruik [ui], [keys], [policy] of [serve].",
                              name=sorted(unknown)[0], path=str(path)))
    ui = data.get("ui", {})
    for key, value in ui.items():
        expected = UI_KEYS.get(key)
        if expected is None or not isinstance(value, expected):
            raise SettingsError(_("De instelling ui.{key} in {path} klopt niet. Kijk de handleiding na.",
                                  key=key, path=str(path)))
    keys = data.get("keys", {})
    if not all(isinstance(k, str) and isinstance(v, str) and v for k, v in keys.items()):
        raise SettingsError(_("Een toets in [keys] van {path} klopt niet. Schrijf zo: review = \"f5\".",
                              path=str(path)))
    serve = data.get("serve", {})
    header = serve.get("user_header") if isinstance(serve, dict) else None
    if not isinstance(serve, dict) or set(serve) - {"user_header"} or (header is not None and not _header_name(header)):
        raise SettingsError(_("De instelling [serve] in {path} klopt niet. "
                              "Schrijf zo: user_header = \"X-Remote-User\".", path=str(path)))
    return Settings(ui.get("locale"), ui.get("second_locale"), ui.get("bidi_visual", False),
                    dict(keys), dict(data.get("policy", {})), path, user=ui.get("user"),
                    user_header=header)


def _header_name(value: object) -> bool:
    """An HTTP header name: letters, digits and dashes."""
    return isinstance(value, str) and 0 < len(value) <= 64 and all(c.isascii() and (c.isalnum() or c == "-")
                                                                   for c in value)
