"""The engine's refusal: an intent that cannot be carried out, with the reason for the person."""

from __future__ import annotations

from assistant.base.errors import AppError


class SessionError(AppError):
    """An intent that cannot be carried out; `msg` says why, nothing was stored."""


class ReasonMissing(SessionError):
    """A reason that the change needs is missing or too short (a reopen): say what to write."""
