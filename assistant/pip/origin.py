"""What the PIP says about answers from the pre-intake, and the consulent's Dutch renderings.

Chosen for two readers. The inburgeraar reads a short line at the top ("12
antwoorden kwamen uit de voorbereiding. Samen nagekeken: 9.") and, per row,
where the row came from in the `Bron` column ("Uw antwoord in de
voorbereiding, bevestigd door de consulent"), in both languages of the plan.
The consulent finds every such answer with its mark, and each Dutch
rendering beside the answer as typed, in the appendix. A session that never
was a pre-intake has no origins: then nothing here adds a line.

The origin names are those of `assistant.engine.provenance` (tested equal);
the PIP does not import the engine.
"""

from __future__ import annotations

from assistant.i18n import C_, N_, Msg
from assistant.pip.model import Item, Provenance, Section

ALONE_OPEN, ALONE_CONFIRMED, CORRECTED = "alone_open", "alone_confirmed", "corrected"
MARKS = {
    ALONE_OPEN: C_("pip.bron", "Uw antwoord in de voorbereiding, nog niet bevestigd door de consulent"),
    ALONE_CONFIRMED: C_("pip.bron", "Uw antwoord in de voorbereiding, bevestigd door de consulent"),
    CORRECTED: C_("pip.bron", "Aangepast door de consulent"),
}
TITLE = C_("pip.kop", "Antwoorden uit de voorbereiding")
QUESTION = C_("pip.kop", "Vraag")
DUTCH = C_("pip.kop", "Nederlandse weergave")
TRACE = "voorbereiding:antwoorden"  # the summary's trace: the appendix table of answers from the pre-intake


def mark(provenance: Provenance, answer_id: str) -> Msg | None:
    kind = provenance.origins.get(answer_id)
    return MARKS.get(kind) if kind else None


def summary(section: Section, provenance: Provenance) -> Section:
    """The "over" section with a short line on the pre-intake (and one on what is still unchecked)."""
    kinds = list(provenance.origins.values())
    if not kinds:
        return section
    n, open_ = len(kinds), kinds.count(ALONE_OPEN)
    trace = (TRACE,)  # each answer with its mark is in the appendix table
    items = [Item(C_("pip", "Voorbereiding"),
                  N_("{n} antwoord kwam uit de voorbereiding. Samen nagekeken: {m}.",
                     "{n} antwoorden kwamen uit de voorbereiding. Samen nagekeken: {m}.", n, m=n - open_), trace)]
    if open_:
        items.append(Item(C_("pip", "Let op"),
                          N_("{n} antwoord uit de voorbereiding is nog niet nagekeken.",
                             "{n} antwoorden uit de voorbereiding zijn nog niet nagekeken.", open_),
                          trace))
    return Section(section.id, section.title, section.items + tuple(items))


def appendix_rows(provenance: Provenance) -> list[tuple[str, Msg | None, str, str]]:
    """(question id, mark, answer as typed, Dutch rendering) for the consulent appendix."""
    ids = list(provenance.origins) + [q for q in provenance.dutch if q not in provenance.origins]
    rows = []
    for qid in ids:
        typed, dutch = provenance.dutch.get(qid, ("", ""))
        rows.append((qid, mark(provenance, qid), typed, dutch))
    return rows
