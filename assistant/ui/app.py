"""The Textual app: screens, key bindings from data, and the session lifecycle.

Thin on purpose: screens render, the engine decides. The app owns only which
intake is open, so that pausing and leaving always closes it cleanly.
"""

from __future__ import annotations

import contextlib
import threading
from typing import TYPE_CHECKING, Any

from textual import events
from textual.app import App

from assistant.base.errors import describe
from assistant.base.paths import Location, store_location
from assistant.base.settings import Settings, SettingsError, load_settings
from assistant.i18n import _, translator
from assistant.store import open_store
from assistant.store.contract import SessionStore
from assistant.ui import keymap
from assistant.ui.host import Host
from assistant.ui.navigator import Navigator
from assistant.ui.screens.home import HomeScreen

if TYPE_CHECKING:
    from assistant.app.conversation import Conversation
    from assistant.app.practice import PracticeRun

PAUSE_NOT_SAVED = _("Gestopt. De pauze kon niet worden bewaard, maar alle antwoorden wel. "
                    "Open de intake later opnieuw.")

# The chat, review, proposal and help screens (and the dialog itself) are
# imported when first needed: start-up shows only the home screen, and every
# import before it is time the consulent waits (see scripts/bench_ui.py).


def with_bindings(cls: type, specs: Any, tr: Any) -> type:
    """A screen class whose bindings carry translated descriptions and stable ids."""
    return type(cls.__name__, (cls,), {"BINDINGS": keymap.bindings(specs, tr)})


class IntakeApp(App):
    CSS_PATH = "app.tcss"
    TITLE = "Intake-assistent"
    ENABLE_COMMAND_PALETTE = False

    def __init__(self, store_path: Location, lang: str = "nl", *, settings: Settings | None = None,
                 dialog=None, today=None) -> None:
        super().__init__()
        self.store_path, self.tr = store_location(str(store_path)), translator(lang)
        self.settings = settings or Settings()
        self._dialog = dialog
        self.today = today
        self.store: SessionStore | None = None  # opened when the app is mounted, closed when it ends
        self.conversation: Conversation | None = None
        self.practice: PracticeRun | None = None  # the open practice, None for real work
        self._home = with_bindings(HomeScreen, keymap.HOME_KEYS, self.tr)
        self._chat: type | None = None
        self._dialog_lock = threading.Lock()
        self.nav = Navigator(self)
        self._phase_classes: dict = {}

    @property
    def dialog(self):
        with self._dialog_lock:  # the warm-up thread and the UI may ask at the same moment
            if self._dialog is None:
                from assistant.dialog.loader import load_dialog

                self._dialog = load_dialog()
            return self._dialog

    def on_mount(self, event: events.Mount) -> None:
        if self.settings.keys:
            self.set_keymap(dict(self.settings.keys))
        self.store = open_store(self.store_path)
        self.push_screen(self._home(self.store_path, self.tr))
        self.call_after_refresh(self._warm_up)

    def _warm_up(self) -> None:
        """Once home is on screen, load the dialog and the chat in the background.

        While the consulent reads the caseload, the first question gets ready;
        a failure here is harmless, because opening an intake loads it again
        and reports the error there.
        """
        def warm() -> None:
            try:
                import assistant.app.conversation
                import assistant.ui.screens.chat  # noqa: F401

                _ = self.dialog  # loads it once, for the first question
            except Exception:  # noqa: BLE001, S110 - reported when an intake is opened
                pass

        threading.Thread(target=warm, name="warm-up", daemon=True).start()

    # -- sessions -------------------------------------------------------------------
    def new_intake(self, mode: str) -> None:
        from assistant.app.conversation import Conversation

        self.open_with(lambda: Conversation.start(self.opened_store(), self.dialog, mode=mode,
                                                  second_locale=self.settings.second_locale, today=self.today))

    def open_intake(self, sid: str) -> None:
        from assistant.app.conversation import Conversation

        self.open_with(lambda: Conversation.open(self.opened_store(), self.dialog, sid, today=self.today))

    def opened_store(self) -> SessionStore:
        if self.store is None:
            raise RuntimeError("the store is opened when the app is mounted")
        return self.store

    def open_with(self, opener) -> None:
        """Open the conversation `opener` makes, on the navigator (one screen change at a time)."""
        self.nav.request(self._open_now, opener)

    async def _open_now(self, opener) -> None:
        if self.conversation is not None:  # a key pressed twice: one intake at a time
            return
        try:
            self.conversation = opener()
        except Exception as exc:  # noqa: BLE001 - shown, never a traceback
            self.end_practice()
            self.notify(self.tr(describe(exc)), severity="error", markup=False, timeout=8)
            return
        if self._chat is None:
            from assistant.ui.screens.chat import ChatScreen

            self._chat = self.keyed(ChatScreen, keymap.CHAT_KEYS)
        await self.nav.pop_to(self.home_screen)
        await self.push_screen(self._chat(self.conversation, self.tr))

    def leave_intake(self, screen=None) -> None:
        """Pause: everything is stored already; close the session and go home."""
        self.nav.request(self._leave_now)

    async def _leave_now(self) -> None:
        if self.conversation is None:
            return
        conv, self.conversation = self.conversation, None
        saved = conv.leave()
        self.nav.return_to = None
        self.end_practice()
        await self.nav.pop_to(self.home_screen)
        if saved:
            self.notify(self.tr(_("Gepauzeerd. Alles is bewaard.")), markup=False)
        else:
            self.notify(self.tr(PAUSE_NOT_SAVED), severity="warning", markup=False, timeout=8)

    def keyed(self, cls: type, specs: Any) -> type:
        """`cls` with its keys in the current language (footer, F2)."""
        return with_bindings(cls, specs, self.tr)

    def on_case_chosen(self, message) -> None:
        from assistant.ui.practice import show_story

        show_story(self, message.case)

    def on_practice_started(self, message) -> None:
        from assistant.ui.practice import begin

        begin(self, message.case)

    def end_practice(self) -> None:
        """Close the training store of a practice (its session is closed already)."""
        if self.practice is not None:
            self.practice.close()
            self.practice = None

    @property
    def home_screen(self):
        return next(s for s in self.screen_stack if isinstance(s, HomeScreen))

    def phase_bindings(self, cls):
        """The review or proposal screen class with its keys (footer, F2) in the current language."""
        key = (cls, self.tr.locale)
        if key not in self._phase_classes:  # one class per screen and language, not one per visit
            self._phase_classes[key] = self.keyed(cls, getattr(cls, "KEY_SPECS", keymap.PHASE_KEYS))
        return self._phase_classes[key]

    def choose_interface_language(self) -> None:
        """Switch the interface language while running (from the home screen)."""
        from assistant.ui.screens.modals import LanguagePicker

        self.push_screen(LanguagePicker(self.tr(_("Kies de taal van het scherm.")), self.tr.locale),
                         self._switch_interface_language)

    async def _switch_interface_language(self, locale: str | None) -> None:
        if not locale or locale == self.tr.locale:
            return
        self.tr = translator(locale)
        self._home = with_bindings(HomeScreen, keymap.HOME_KEYS, self.tr)
        self._chat = None  # built again, with the new language, when an intake is opened
        await self.pop_screen()  # the old home first: the new one has the same id
        await self.push_screen(self._home(self.store_path, self.tr))

    def action_help_quit(self) -> None:
        """Ctrl+C: Textual says "Press ctrl+q to quit" in English; we say, in the person's
        language, the key that stops here (pause in a conversation, quit on home)."""
        keys = [key for key, active in self.active_bindings.items()
                if active.binding.action.rsplit(".", 1)[-1] in ("pause", "quit")]
        keys.sort(key=lambda k: k == "ctrl+q")  # the key the footer shows, before Textual's own
        if keys:
            self.notify(self.tr(_("Wilt u stoppen? Druk op {key}. Alles is bewaard.", key=keys[0].upper())),
                        markup=False)

    def action_keys(self) -> None:
        from assistant.ui.screens.help import KeysHelp

        self.push_screen(KeysHelp(self.tr, dict(self.settings.keys)))

    def _handle_exception(self, error: Exception) -> None:
        """Any unexpected error: the kind of error and what to do, never a traceback.

        Textual's own handler prints local variables, which hold answers.
        The session is paused and closed first (everything is stored already);
        the detail goes to a debug file only with INTAKE_DEBUG=1 (assistant.base.crash).
        """
        from rich.text import Text

        from assistant.base.crash import report

        self._return_code = 1
        if self._exception is None:  # Pilot re-raises it at the end of a test
            self._exception = error
            self._exception_event.set()
        values = []
        if self.conversation is not None:
            conv, self.conversation = self.conversation, None
            values = conv.sensitive_values()
            with contextlib.suppress(Exception):  # closing must not raise a second error
                conv.leave()
        msg, tail = report(error, values)
        self.panic(Text(f"{self.tr(msg)}\n{self.tr(tail)}"))

    def on_unmount(self) -> None:
        if self.conversation is not None:
            conv, self.conversation = self.conversation, None
            conv.leave()  # a pause that cannot be stored is no crash: every answer is stored already
        self.end_practice()
        if self.store is not None:
            self.store.close()


def run_app(store_path: Location, lang: str | None) -> int:
    tr = translator(lang)
    try:
        settings = load_settings()
    except SettingsError as exc:
        print(tr(exc.msg))
        return 1
    app = IntakeApp(store_path, lang or "nl", settings=settings)
    app.run()
    return app.return_code or 0


if TYPE_CHECKING:  # the app offers its screens what they may ask of it
    def _offers(app: IntakeApp) -> Host:
        return app
