"""Helpers for the PIP tests: persona documents built through the same API the CLI uses."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "advice"))

from catalogs import translator_for
from persona_runner import load_cases, run

from assistant.advice.deadlines import termijnen
from assistant.i18n import Msg, translator
from assistant.pip.build import build_document

QUOTES = {
    "ar": "أريد أن أدرس الصيدلة في الجامعة (hbo) بعد سنة ونصف.",
    "ti": "ኣብ ሕርሻ ክሰርሕ እየ ዝደሊ። ንደቀይ ክሕግዞም እደሊ።",
}
PERSONA = {"ar": "01_amal_onderwijsroute", "ti": "02_tesfay_z_route_ander_schrift"}


def make_document(name: str, *, second: str | None = None, extra: dict | None = None, decided: bool = True,
                  catalog: bool = True, provenance=None):
    case = load_cases()[name]
    rec = {**case["answers"], **(extra or {})}
    if not decided:
        case = {k: v for k, v in case.items() if k != "besluit"}
    out = run({**case, "answers": rec})
    decision = out.get("_decision")
    t = termijnen(rec, today=out["_proposal"].facts.today,
                  dagtekening_pip=decision.dagtekening_pip if decision else None)
    translators = (translator("nl"), translator_for(second)) if second and catalog else None
    return build_document(rec, out["_proposal"], t, decision, locale="nl", second_locale=second,
                          open_questions=[Msg("Welk werk deed u?", "brede_intake.werk_beroep.label")],
                          quotes={"doel_toelichting": Msg("Uw doel in uw eigen woorden")},
                          translators=translators, provenance=provenance)


def bilingual_documents():
    return {loc: make_document(PERSONA[loc], second=loc, extra={"doel_toelichting": QUOTES[loc]})
            for loc in ("ar", "ti")}
