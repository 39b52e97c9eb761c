"""The engine's refusal: an intent that cannot be carried out, with the reason for the person."""

from __future__ import annotations

from assistant.i18n import Msg


class SessionError(Exception):
    """An intent that cannot be carried out; `msg` says why, nothing was stored."""

    def __init__(self, msg: Msg) -> None:
        super().__init__(msg.msgid)
        self.msg = msg
