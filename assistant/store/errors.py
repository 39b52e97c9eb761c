"""The store's one exception, apart so that the store's helpers need not import the store."""

from __future__ import annotations

from typing import Any


class StoreError(Exception):
    """A store problem the person can act on (`code` selects the message)."""

    def __init__(self, code: str, **details: Any) -> None:
        super().__init__(code)
        self.code = code
        self.details = details
