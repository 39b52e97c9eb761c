"""Hatch build hook: compile the translation catalogs into the wheel.

The .mo files are build products (ignored by git), yet an installed package
must translate without a compiler at run time and without write access to
site-packages. So every ``locales/<locale>/LC_MESSAGES/intake.po`` is compiled
here, fuzzy entries left out (babel's default would skip a fuzzy *catalog*
silently, so no catalog is ever marked fuzzy), and added to the wheel at
``assistant/_bundled/locales/<locale>/LC_MESSAGES/intake.mo`` beside the .po
that the ``force-include`` of ``locales`` brings.

Editable installs map to the source tree, where `assistant.i18n.catalogs`
compiles at bootstrap and at start-up instead; the hook does nothing there.
Babel is a build requirement (``[build-system] requires``).
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

DOMAIN = "intake"
TARGET = "assistant/_bundled/locales"


class CatalogBuildHook(BuildHookInterface):
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict) -> None:
        if self.target_name != "wheel" or version == "editable":
            return
        from babel.messages.mofile import write_mo
        from babel.messages.pofile import read_po

        locales = Path(self.root) / "locales"
        self._tmp = tempfile.TemporaryDirectory(prefix="intake-mo-")
        for po in sorted(locales.glob(f"*/LC_MESSAGES/{DOMAIN}.po")):
            locale = po.parent.parent.name
            with po.open("rb") as f:
                catalog = read_po(f, locale=locale)
            mo = Path(self._tmp.name) / f"{locale}.mo"
            with mo.open("wb") as f:
                write_mo(f, catalog, use_fuzzy=False)
            build_data["force_include"][str(mo)] = f"{TARGET}/{locale}/LC_MESSAGES/{DOMAIN}.mo"

    def finalize(self, version: str, build_data: dict, artifact_path: str) -> None:
        tmp = getattr(self, "_tmp", None)
        if tmp is not None:
            tmp.cleanup()
