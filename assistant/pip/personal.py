"""The person's own goals and the consulent's notes: each in its own PIP section.

Goals are what the person said they want (main goal, the study or work they
wish for, where they want to be in three years, an education they started but
did not finish). They are shown, never weighed here: the advice reads only the
record fields of its contract. Typed answers and notes are `UserText`: shown
as typed, in both columns.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from assistant.i18n import C_, Msg
from assistant.pip.model import Item, Section, UserText
from assistant.pip.sections import item

MAIN_GOAL = {
    "werk": C_("pip.doel", "Werken"),
    "opleiding": C_("pip.doel", "Leren op school"),
    "participatie": C_("pip.doel", "Meedoen in de buurt"),
}
LEVEL = {
    "voortgezet": C_("pip.doel", "Middelbare school"),
    "mbo": C_("pip.doel", "Beroepsopleiding"),
    "hbo_wo": C_("pip.doel", "Hogeschool of universiteit"),
}
WISHES = (
    ("opleidingswens", C_("pip.doel", "Opleiding die u wilt doen")),
    ("werkwens", C_("pip.doel", "Werk dat u wilt doen")),
    ("doel_over_drie_jaar", C_("pip.doel", "Wat u over drie jaar wilt doen")),
)


def goals(record: Mapping[str, Any], quotes: Mapping[str, Msg], dutch: Mapping[str, str] | None = None) -> Section:
    """`dutch`: the consulent's Dutch rendering per answer id, shown beside the answer as typed."""
    items: list[Item] = []
    dutch = dutch or {}
    main = record.get("hoofddoel")
    if main in MAIN_GOAL:
        items.append(item(C_("pip.doel", "Wat u het liefst wilt"), MAIN_GOAL[main], "antwoord:hoofddoel"))
    for answer_id, label in WISHES:
        items += _typed(record, answer_id, label, dutch)
    if record.get("opleiding_niet_afgemaakt") is True:
        level, years = record.get("opleiding_niet_afgemaakt_niveau"), record.get("opleiding_niet_afgemaakt_jaren")
        if level in LEVEL and isinstance(years, int):
            items.append(item(C_("pip.doel", "Opleiding niet afgemaakt"),
                              C_("pip.doel", "{soort}: {jaren} jaar gedaan, geen diploma.", soort=LEVEL[level],
                                 jaren=years),
                              "antwoord:opleiding_niet_afgemaakt_niveau", "antwoord:opleiding_niet_afgemaakt_jaren"))
        items += _typed(record, "opleiding_niet_afgemaakt_naam", C_("pip.doel", "Naam van die opleiding"), dutch)
    for answer_id, label in quotes.items():
        items += _typed(record, answer_id, label, dutch)
    return Section("doelen", C_("pip.doel", "Uw doelen en wensen"), tuple(items))


def notes(entries: Sequence[tuple[Msg | None, str]]) -> Section:
    """The consulent's notes, each under the title of the topic it was written at."""
    items = [item(label, UserText(text), "notitie:consulent") for label, text in entries
             if isinstance(text, str) and text.strip()]
    return Section("notities", C_("pip", "Notities van de consulent"), tuple(items))


def _typed(record: Mapping[str, Any], answer_id: str, label: Msg, dutch: Mapping[str, str]) -> list[Item]:
    value = record.get(answer_id)
    if isinstance(value, str) and value.strip():
        return [item(label, UserText(value, dutch.get(answer_id, "")), f"antwoord:{answer_id}")]
    return []
