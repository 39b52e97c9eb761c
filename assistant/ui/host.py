"""The app as its screens see it: what a screen may ask of the app beyond Textual's own `App`.

Screens are imported by the app (`assistant.ui.app`), so they cannot import it
back; they reach these through `host(self)`, typed by the Protocols below, which
`IntakeApp` and `PreIntakeApp` are checked against (at the end of their modules).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, cast

if TYPE_CHECKING:
    from datetime import date

    from textual.app import App
    from textual.dom import DOMNode

    from assistant.app.conversation import Conversation
    from assistant.app.practice import PracticeRun
    from assistant.base.settings import Settings
    from assistant.dialog.model import Dialog
    from assistant.i18n import Translator


class Host(Protocol):
    """What every screen of the consulent's app may use."""

    tr: Translator
    settings: Settings
    store_path: Path | str
    conversation: Conversation | None
    practice: PracticeRun | None
    nav: Any  # the Navigator: it imports the screens, so it is not named here
    today: Callable[[], date] | None

    @property
    def dialog(self) -> Dialog: ...

    @property
    def home_screen(self) -> Any: ...

    def leave_intake(self) -> None: ...

    def action_keys(self) -> None: ...

    def open_intake(self, sid: str) -> None: ...

    def new_intake(self, mode: str) -> None: ...

    def open_with(self, opener: Callable[[], Conversation]) -> None: ...

    def choose_interface_language(self) -> None: ...

    def phase_bindings(self, cls: type) -> type: ...

    def keyed(self, cls: type, specs: Any) -> type: ...


class PreIntakeHost(Host, Protocol):
    """The pre-intake's app adds its closing page and the way back in by a code."""

    def finish(self) -> None: ...

    def code_typed(self, page: Any, typed: str) -> None: ...


def as_app(app: Host) -> App[Any]:
    """The same app as Textual's `App` (a Host is one), for Textual's own methods."""
    return cast("App[Any]", app)


def host(node: DOMNode) -> Host:
    return cast("Host", node.app)


def pre_intake_host(node: DOMNode) -> PreIntakeHost:
    return cast("PreIntakeHost", node.app)
