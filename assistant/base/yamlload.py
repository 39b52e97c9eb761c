"""YAML with libyaml when it is there: the law files and DUO's schemas load ~8x faster.

`yaml.safe_load` is PyYAML's pure-Python parser: reading law/*.yaml took about
95 ms of every headless start (`intake replay` of one case), against about
12 ms with libyaml's `CSafeLoader`. Same safe constructors, same result; where
PyYAML was built without libyaml the pure-Python `SafeLoader` is used.
"""

from __future__ import annotations

from typing import IO, Any

import yaml

SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def safe_load(stream: str | bytes | IO[str] | IO[bytes]) -> Any:
    """Like `yaml.safe_load`, with libyaml when available."""
    return yaml.load(stream, Loader=SafeLoader)  # noqa: S506 - a safe loader, C or Python
