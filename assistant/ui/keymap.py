"""Key bindings as data: stable ids, default keys, what they do.

The footer, the generated help screen and the settings file all use these
ids, so a gemeente can remap a key (``[keys] review = "f5"``) without code.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.binding import Binding

from assistant.i18n import Msg, _


@dataclass(frozen=True)
class KeySpec:
    id: str
    key: str
    action: str
    description: Msg
    show: bool = True


# Only where they work (the screens' check_action): take a pre-intake over; confirm answers given alone.
# First in the footer, where they are the consulent's next step: a 100-column footer cuts off its end.
HANDOVER = KeySpec("handover", "ctrl+o", "handover", _("Voorbereiding overnemen"))
CONFIRM = KeySpec("confirm", "ctrl+k", "confirm_topic", _("Onderwerp bevestigen"))
CHAT_KEYS = (
    HANDOVER,
    CONFIRM,
    KeySpec("help", "f1", "help", _("Uitleg")),
    KeySpec("back", "ctrl+b", "back", _("Terug")),
    KeySpec("skip", "ctrl+s", "skip", _("Overslaan")),
    KeySpec("review", "ctrl+r", "review", _("Overzicht")),
    KeySpec("topics", "ctrl+t", "focus_topics", _("Onderwerpen")),
    KeySpec("language", "ctrl+l", "language", _("Taal")),
    KeySpec("note", "ctrl+n", "note", _("Notitie")),
    KeySpec("dutch", "f4", "dutch", _("Nederlandse weergave"), show=False),  # said on the card where it applies
    KeySpec("keys", "f2", "keys", _("Toetsen")),
    KeySpec("pause", "f10", "pause", _("Pauze")),
)
PHASE_KEYS = (  # the overview and the proposal
    KeySpec("close", "escape", "close", _("Terug naar het gesprek")),
    KeySpec("dutch", "f4", "dutch", _("Nederlandse weergave"), show=False),  # the overview only: said there
    KeySpec("keys", "f2", "keys", _("Toetsen")),
    KeySpec("pause", "f10", "pause", _("Pauze")),
)
REVIEW_KEYS = (PHASE_KEYS[0], HANDOVER, *PHASE_KEYS[1:])  # the overview: a pre-intake is taken over here too
HOME_KEYS = (
    KeySpec("new", "n", "new", _("Nieuwe intake")),
    KeySpec("new_pre_intake", "p", "new_pre_intake", _("Voorbereiding")),
    KeySpec("practice", "o", "practice", _("Oefenen")),
    KeySpec("open", "enter", "open", _("Verder"), show=False),
    KeySpec("interface_language", "l", "interface_language", _("Taal van het scherm")),
    KeySpec("keys", "f2", "keys", _("Toetsen")),
    KeySpec("quit", "f10", "quit", _("Stoppen")),
)

PRACTICE_KEYS = (  # the list of practice cases, the story and the feedback (assistant/ui/practice.py)
    KeySpec("start", "enter", "start", _("Beginnen")),
    KeySpec("close", "escape", "close", _("Terug")),
    KeySpec("keys", "f2", "keys", _("Toetsen")),
    KeySpec("home", "f10", "home", _("Naar het begin")),
)


def bindings(specs: tuple[KeySpec, ...], tr) -> list[Binding]:
    """Textual bindings with ids; descriptions translated, never markup."""
    return [Binding(s.key, s.action, tr(s.description), show=s.show, id=s.id, priority=True) for s in specs]


def effective_key(spec: KeySpec, overrides: dict[str, str]) -> str:
    return overrides.get(spec.id, spec.key)
