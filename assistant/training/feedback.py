"""The feedback on one attempt as short B1 lines a trainer can discuss, and as JSON.

Every frame sentence goes through the catalogs; question labels and choice
labels come from the dialog's own catalog entries, so the report reads in the
consulent's interface language. The case's words and mistakes are Dutch
training material and are shown as they are (see docs/training.md).
"""

from __future__ import annotations

from typing import Any

from assistant.i18n import C_, N_, Msg, _

ROUTE_NAMES = {"B": C_("pip.route", "B1-route"), "O": C_("pip.route", "Onderwijsroute"),
               "Z": C_("pip.route", "Zelfredzaamheidsroute (Z-route)")}
NO_ROUTE = _("geen leerroute")
DEADLINE_NAMES = {"pip_uiterlijk": _("uiterste datum van het PIP"), "vve_informeren": _("informatie over vve"),
                  "inburgeringstermijn_start": _("start van de inburgeringstermijn"),
                  "inburgeringstermijn_eind": _("einde van de inburgeringstermijn"),
                  "schakelen_uiterlijk": _("laatste dag om van leerroute te wisselen")}


def jsonable(value: Any, tr) -> Any:
    """Msgs rendered (the score keeps them untranslated until the edge)."""
    if isinstance(value, Msg):
        return tr(value)
    if isinstance(value, dict):
        return {k: jsonable(v, tr) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [jsonable(v, tr) for v in value]
    return value


def route_name(route: str | None, tr) -> str:
    return tr(ROUTE_NAMES[route]) if route in ROUTE_NAMES else tr(NO_ROUTE)


def show_value(dialog, qid: str, value: Any, tr) -> str:
    """An answer as the consulent saw it in the chat: choice labels, Ja/Nee, plain numbers."""
    if value is None:
        return "-"
    q = dialog.question(qid) if dialog.has_question(qid) else None
    if isinstance(value, bool):
        return tr(_("Ja") if value else _("Nee"))
    if q is not None and q.type in ("choice", "multichoice"):
        items = value if isinstance(value, list) else [value]
        return ", ".join(tr(q.choice_msg(v)) for v in items)
    if isinstance(value, list):
        return ", ".join(map(str, value)) or "-"
    return str(value)


def lines(case, result: dict, tr) -> list[str]:
    from assistant.base.text import clean
    from assistant.dialog.loader import load_dialog

    dialog = load_dialog()
    label = lambda qid: tr(dialog.question(qid).msg("label")) if dialog.has_question(qid) else qid  # noqa: E731
    out = [tr(_("Oefening: {title}", title=clean(case.title))),
           tr(_("Score: {score} van 100.", score=result["score"]))]
    if result["clean"]:
        out.append(tr(_("Goed gedaan. Alles klopt met de casus.")))
    out += [tr(_("Niet besproken: {topic}. Open: {questions}.",
                 topic=tr(Msg(topic["title"], f"{dialog.id}.{topic['topic']}.title")),
                 questions=", ".join(label(q) for q in topic["questions"])))
            for topic in result["missed_topics"]]
    out += [tr(_("Overgeslagen zonder goede reden: {question}. De persoon kon dit wel zeggen.",
                 question=label(skip["question"])))
            for skip in result["skipped_without_good_reason"]]
    for err in result["answer_errors"]:
        out.append(tr(_("{question}: u vulde in: {entered}. Goed is: {expected}.", question=label(err["id"]),
                        entered=show_value(dialog, err["id"], err["entered"], tr),
                        expected=show_value(dialog, err["id"], err["expected"], tr))))
        if err["words"]:
            out.append("    " + tr(_("De persoon zei: \u201c{words}\u201d", words=clean(err["words"]))))
    out += _route_lines(result, tr)
    for d in result["deadlines"]:
        if d["ok"]:
            continue
        if d["id"] == "dagtekening_pip":
            out.append(tr(_("Het PIP is te laat: {got}. Het moest uiterlijk {expected} klaar zijn.",
                            got=d["got"], expected=d["expected"])))
        else:
            out.append(tr(_("Termijn klopt niet: {name}. U kreeg {got}. Goed is: {expected}.",
                            name=tr(DEADLINE_NAMES[d["id"]]), got=_show(d["got"], tr),
                            expected=_show(d["expected"], tr))))
    if result["duration_seconds"] is not None:
        minutes = round(result["duration_seconds"] / 60)
        out.append(tr(N_("Tijd: {n} minuut.", "Tijd: {n} minuten.", minutes)))
    out.append(tr(_("Let bij deze casus op:")))
    out += [f"  - {clean(m)}" for m in case.mistakes]
    return out


def _show(value: Any, tr) -> str:
    if isinstance(value, bool):
        return tr(_("Ja") if value else _("Nee"))
    return "-" if value is None else str(value)


def _route_lines(result: dict, tr) -> list[str]:
    chosen, expected = result["route_chosen"], result["route_expected"]
    out = []
    if not result["decision_taken"] and expected is not None:
        out.append(tr(_("U heeft nog geen besluit genomen over de leerroute.")))
    elif result["route_ok"]:
        out.append(tr(_("Leerroute: {chosen}. Dat klopt.", chosen=route_name(chosen, tr))))
    else:
        out.append(tr(_("Leerroute: u koos {chosen}. De casus vraagt: {expected}.",
                        chosen=route_name(chosen, tr), expected=route_name(expected, tr))))
        out.append(tr(_("Deze regels bepalen de leerroute:")))
        out += [f"  - {r['regel']}: {r['uitleg']}" for r in result["deciding_rules"]]
    if result["motivation_needed"] and not result["motivated"]:
        out.append(tr(_("Bij deze keuze hoort een motivatie. Die ontbreekt of is te kort.")))
    refused = result["decision_refused"]
    if refused is not None:
        out.append(tr(_("Het besluit is niet aangenomen: {reason}", reason=tr(refused["message"])
                        if isinstance(refused["message"], Msg) else refused["message"])))
    return out
