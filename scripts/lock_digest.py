#!/usr/bin/env python3
"""The fingerprint that ties the committed locks to pyproject.toml.

A digest of every dependency list in pyproject.toml (run time, extras, build
system). scripts/update-lock writes it into each lock's first line;
tests/test_lock.py recomputes it, so a dependency added, removed or re-ranged
in pyproject.toml without `scripts/update-lock` fails the suite. Standard
library only: it runs before any virtual environment exists.
"""

from __future__ import annotations

import hashlib
import json
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HEADER = "# pyproject-dependencies-sha256: "


def dependency_lists(pyproject: Path = ROOT / "pyproject.toml") -> dict:
    data = tomllib.loads(pyproject.read_text("utf-8"))
    project = data["project"]
    return {"dependencies": project.get("dependencies", []),
            "optional": project.get("optional-dependencies", {}),
            "build": data.get("build-system", {}).get("requires", [])}


def digest(pyproject: Path = ROOT / "pyproject.toml") -> str:
    canonical = json.dumps(dependency_lists(pyproject), sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


if __name__ == "__main__":
    print(digest())
    sys.exit(0)
