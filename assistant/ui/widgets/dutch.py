"""The consulent's Dutch rendering of a free-text answer: the key, the prompt, the lines shown.

Offered for free text given in the pre-intake or written in another script
(`Conversation.offers_dutch`). The prompt shows the answer as
typed; what the consulent types goes to `Conversation.render_dutch`, which cleans,
limits and stores it. A refused text keeps the prompt open with the reason;
Escape closes it and changes nothing.
"""

from __future__ import annotations

from assistant.base.errors import describe
from assistant.i18n import Msg, _
from assistant.ui.screens.modals import TextPrompt

KEY_HINT = _("F4: Nederlandse weergave")
NOT_HERE = _("Hier is geen Nederlandse weergave nodig. Die is voor antwoorden in eigen woorden "
             "uit de voorbereiding of in een ander schrift.")
PROMPT = _("Typ de Nederlandse weergave van dit antwoord. Het antwoord zelf blijft zoals het is getypt.")


def saved(rendering: str) -> Msg:
    return _("Nederlandse weergave bewaard: {text}", text=rendering)


def shown(rendering: str) -> Msg:
    """Beside the answer as typed, in the overview."""
    return _("Nederlands: {text}", text=rendering)


def prompt(conv, q, tr) -> TextPrompt:
    """The small input; Enter stores through the session API, a refusal is shown in the prompt."""

    def submit(typed: str) -> str | None:
        try:
            conv.render_dutch(q.id, typed)
        except Exception as exc:  # noqa: BLE001 - a message in the prompt, never a traceback
            return tr(describe(exc))
        return None

    head = f"{tr(PROMPT)}\n\n{tr(q.msg('label'))}: {conv.answer_to(q.id) or ''}"
    return TextPrompt(head, tr(_("In het Nederlands")), value=conv.dutch_rendering(q.id) or "", submit=submit)
