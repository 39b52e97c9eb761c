"""The inburgeraar's pre-intake, alone: consent, the resume code, and coming back with it.

Whatever shows it (the terminal, the browser, a kiosk), these are the rules:

- nothing is stored before the person answers the consent question; a
  refusal stores only the refusal;
- with consent the session gets a resume code, shown to the person and kept
  only as a salted hash (`engine.resume`); the language chosen on the first
  page answers the dialog's language question;
- a code typed back opens that pre-intake only, for the inburgeraar. Wrong
  codes are counted twice: per view (`CodeDoor.tries`; the view ends after
  `resume.MAX_TRIES`) and for the whole store, in its read log, so that
  opening a new browser tab does not give a guesser new tries: after
  `STORE_WIDE_LIMIT` wrong codes within `STORE_WIDE_WINDOW` every view refuses
  codes until the window has passed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from assistant.app.conversation import Clock, Conversation
from assistant.base.messages import Msg, _
from assistant.base.paths import Location
from assistant.dialog.model import Dialog
from assistant.engine import resume
from assistant.store import read_log, record_read
from assistant.store.contract import SessionStore

ACTOR = "inburgeraar"
SKIP_REASON = "overgeslagen in de voorbereiding"  # stored for the consulent (Dutch), not shown to the person
CODE_REFUSED = "resume-code-refused"              # the read log's name for a wrong code (no session named)
STORE_WIDE_LIMIT = 30
STORE_WIDE_WINDOW = timedelta(minutes=10)

WRONG = _("Deze code klopt niet. Kijk of u hem goed hebt overgetypt.")
TOO_OFTEN = _("Te vaak een code die niet klopt. Vraag de gemeente om hulp.")
HANDED_OVER = _("Uw antwoorden zijn al bij de consulent. U hoeft niets meer te doen.")


def shown(code: str) -> str:
    """The code as the person reads and copies it: two groups of four."""
    return resume.shown(code)


@dataclass
class Started:
    """A pre-intake begun with consent: the conversation and the code to show (None without consent)."""

    conversation: Conversation | None
    code: str | None


def begin(store: SessionStore, dialog: Dialog, locale: str, consent: bool, *,
          today: Clock | None = None) -> Started:
    """Start a pre-intake in `locale` with the person's consent answer; without consent it is closed at once."""
    conv = Conversation.start(store, dialog, mode="pre_intake", actor=ACTOR,
                              second_locale=None if locale == "nl" else locale, today=today)
    intake = conv._intake
    intake.record_consent(consent)
    if not consent:  # nothing else is stored: the session holds only the refusal
        conv.close()
        return Started(None, None)
    code = resume.new_code()
    intake.set_resume_code(*resume.seal(code))
    _language_is_an_answer(conv, dialog, locale)
    return Started(conv, code)


def _language_is_an_answer(conv: Conversation, dialog: Dialog, locale: str) -> None:
    """The language chosen on the first page answers the dialog's language question:
    asking "in which language?" again, in that language, would only puzzle the person."""
    intake = conv._intake
    for q in dialog.questions:
        if q.opt("sets_locale") and locale in q.choice_ids and q.pre_intake:
            intake.answer_question(q.id, locale, ACTOR, from_file=True)
            first = intake.view.next_open(intake.mode, None)  # the welcome before it is still to read
            if first is not None:
                intake.goto(first.id, ACTOR)


@dataclass
class CodeDoor:
    """One view's way back into a pre-intake by its code, with its own count of wrong tries."""

    store: SessionStore
    dialog: Dialog
    location: Location
    today: Clock | None = None
    tries: int = field(default=0)
    code: str | None = None  # the code that opened the conversation, as stored

    def open(self, typed: str) -> Conversation | Msg:
        """The conversation the code opens, or the message to show (`TOO_OFTEN` ends the view)."""
        if self._store_wide_failures() >= STORE_WIDE_LIMIT:
            return TOO_OFTEN
        code = resume.normalise(typed)
        sid = resume.find(self.store, code) if code else None
        if sid is None:
            self.tries += 1
            record_read(self.location, CODE_REFUSED, "-", actor=ACTOR, status_ok=False)
            return TOO_OFTEN if self.tries >= resume.MAX_TRIES else WRONG
        conv = Conversation.open(self.store, self.dialog, sid, actor=ACTOR, today=self.today)
        if conv.mode != "pre_intake":
            conv.close()
            return HANDED_OVER
        self.code = code
        return conv

    def _store_wide_failures(self) -> int:
        since = datetime.now(UTC) - STORE_WIDE_WINDOW
        return sum(1 for line in read_log(self.location, "-")
                   if line.get("name") == CODE_REFUSED and _after(line.get("start_time"), since))


def _after(stamp: object, since: datetime) -> bool:
    try:
        return isinstance(stamp, str) and datetime.fromisoformat(stamp) >= since
    except ValueError:
        return False
