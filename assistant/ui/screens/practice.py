"""Training mode on screen: the OEFENING banner, the speech panel, the case list, the story, the feedback.

Only widgets and screens live here; what they start or store is in
`assistant.ui.practice` (the controller). The case's story and words are
Dutch training material (docs/training.md) and are shown as content
(rich Text after `clean`), never as markup; every frame sentence goes through
the catalogs.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.message import Message
from textual.screen import Screen
from textual.widgets import DataTable, Static

from assistant.base.text import clean
from assistant.i18n import _
from assistant.training.guard import is_training
from assistant.ui.host import host
from assistant.ui.widgets.keybar import KeyFooter
from assistant.ui.widgets.render import text

BANNER = _("OEFENING. Dit is geen echte intake. Niets gaat naar DUO.")
NO_WORDS = _("Bij deze vraag zegt de persoon niets.")
SPEECH_HINT = _("Maak van wat de persoon zegt het goede antwoord. Niet duidelijk? Vraag opnieuw, "
                "of sla de vraag over met een reden.")



class CaseChosen(Message):
    """A practice case was chosen from the list: its story is shown next (the app's practice handles it)."""

    def __init__(self, case) -> None:
        super().__init__()
        self.case = case


class PracticeStarted(Message):
    """The trainee read the story and starts (or resumes) the practice of this case."""

    def __init__(self, case) -> None:
        super().__init__()
        self.case = case


class TrainingBanner(Static):
    """A line at the top of every screen of a practice session."""

    DEFAULT_CSS = """
    TrainingBanner { dock: top; height: auto; background: $warning; color: $text; text-style: bold; padding: 0 1; }
    """

    def __init__(self, tr) -> None:
        super().__init__(text(tr(BANNER)), classes="training-banner")


def training_banner(mode: str | None, tr) -> list[TrainingBanner]:
    """The banner for a practice session, nothing for real work (one line at each screen's compose)."""
    return [TrainingBanner(tr)] if is_training(mode) else []


class SpeechPanel(Static):
    """What the practice person says to the current question: the case's words, never the answer id."""

    DEFAULT_CSS = """
    SpeechPanel { width: 30%; min-width: 22; max-width: 40; height: 1fr; border: round $warning; padding: 0 1; }
    """

    def __init__(self, speech, tr, own_words=lambda q: True, **kw) -> None:
        super().__init__(**kw)
        self.speech, self.tr, self.own_words = speech, tr, own_words
        self.words: str | None = None  # what the panel shows now (tests read it)

    def on_mount(self) -> None:
        self.border_title = self.tr(_("OEFENING"))

    def show(self, question) -> None:
        said = self.speech(question.id) if question is not None else None
        self.words = clean(said) if said else None
        shown = Text()
        if self.words and self.own_words(question):
            shown.append(self.tr(_("De persoon zegt: \u201c{words}\u201d", words=self.words)), "bold")
        elif self.words:  # a fact from the file ("In het dossier staat: ..."), not the person's words
            shown.append(self.words, "bold")
        else:
            shown.append(self.tr(NO_WORDS), "italic")
        shown.append("\n\n" + self.tr(SPEECH_HINT), "dim")
        self.update(shown)


PRACTICE_CSS = """
.practice-title { padding: 1 1 0 1; }
.practice-hint { padding: 1 1 0 1; }
#story, #feedback { padding: 1 1 0 1; }
#cases { height: 1fr; }
"""


class PracticeScreen(Screen):
    """The keys every practice screen shares: Escape one back, F2 the keys, F10 home."""

    DEFAULT_CSS = PRACTICE_CSS

    def action_close(self) -> None:
        self.app.pop_screen()

    def action_keys(self) -> None:
        host(self).action_keys()

    def action_home(self) -> None:
        host(self).nav.request(host(self).nav.pop_to, host(self).home_screen)


class PracticeList(PracticeScreen):
    """The practice cases: title and skills (the expected route stays hidden until the feedback)."""

    def __init__(self, cases: dict, open_cases: dict, tr) -> None:
        super().__init__(id="practice-list")
        self.cases, self.open_cases, self.tr = cases, open_cases, tr

    def compose(self) -> ComposeResult:
        tr = self.tr
        yield TrainingBanner(tr)
        yield Static(text(tr(_("Oefenen: kies een casus en druk op Enter.")), "bold"), classes="practice-title")
        if not self.cases:
            yield Static(text(tr(_("Er zijn geen oefencasussen. "
                                   "Draai 'intake check' om fouten in de casussen te zien."))))
        yield DataTable(id="cases", cursor_type="row", zebra_stripes=True)
        yield KeyFooter()

    def on_mount(self) -> None:
        tr, table = self.tr, self.query_one(DataTable)
        for label in (_("Casus"), _("Status"), _("Wat u oefent")):  # the skills last: the longest, cut off first
            table.add_column(text(tr(label), "bold"))
        for cid, case in self.cases.items():
            busy = tr(_("bezig")) if cid in self.open_cases else "-"
            table.add_row(text(case.title, multiline=False), text(busy),
                          text(", ".join(case.skills), multiline=False), key=cid)
        table.focus()

    def chosen(self) -> str | None:
        table = self.query_one(DataTable)
        if not table.row_count:
            return None
        return table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        if event.row_key.value is not None:
            self._start(event.row_key.value)

    def action_start(self) -> None:
        cid = self.chosen()
        if cid is not None:
            self._start(cid)

    def _start(self, cid: str) -> None:
        self.post_message(CaseChosen(self.cases[cid]))


class StoryScreen(PracticeScreen):
    """The case's story, read before the intake starts; Enter starts (or resumes) it."""

    def __init__(self, case, tr) -> None:
        super().__init__(id="practice-story")
        self.case, self.tr = case, tr

    def compose(self) -> ComposeResult:
        tr = self.tr
        yield TrainingBanner(tr)
        with VerticalScroll():
            yield Static(text(tr(_("Oefening: {title}", title=clean(self.case.title))), "bold"),
                         classes="practice-title")
            yield Static(text(self.case.story), id="story")
            yield Static(text(tr(_("Lees het verhaal. Druk dan op Enter om de intake te beginnen.")), "italic"),
                         classes="practice-hint")
        yield KeyFooter()

    def action_start(self) -> None:
        self.post_message(PracticeStarted(self.case))


class FeedbackScreen(PracticeScreen):
    """The scored attempt as short lines a trainer can discuss; Escape goes home."""

    def __init__(self, lines: list[str], tr) -> None:
        super().__init__(id="practice-feedback")
        self.lines, self.tr = lines, tr

    def compose(self) -> ComposeResult:
        tr = self.tr
        yield TrainingBanner(tr)
        with VerticalScroll():
            yield Static(text(tr(_("Terugkoppeling op uw oefening")), "bold"), classes="practice-title")
            yield Static(text("\n".join(self.lines)), id="feedback")
            yield Static(text(tr(_("De score is bewaard. De trainer ziet hem met: intake training report. "
                                   "Druk op Escape om terug te gaan."))), classes="practice-hint")
        yield KeyFooter()
