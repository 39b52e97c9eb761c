"""`intake export` path (assistant.outcome.compute.export_session) of a stored deviation: md and PDF name the
person, the decided route, the motivation and the consulent's note; no reason for the route not taken."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest

from assistant.advice.decision import decide
from assistant.advice.proposal import propose
from assistant.app.exports import export_session
from assistant.dialog.loader import load_dialog
from assistant.engine.session import Intake
from assistant.store.sqlite import Store

CASE = Path(__file__).resolve().parents[1] / "cases" / "personas" / "19_amal_afwijking_b1_route.json"
NOTE = "Moeder is ziek; Amal zorgt voor haar."


@pytest.fixture()
def stored(tmp_path):
    case = json.loads(CASE.read_text(encoding="utf-8"))
    path = tmp_path / "s.sqlite3"
    store = Store(path)
    dialog = load_dialog()
    intake = Intake.start(store, dialog, second_locale="ar")
    for q in dialog.questions:
        if q.id in case["answers"]:
            intake.answer_question(q.id, case["answers"][q.id], from_file=True)
    intake.add_note("gezin", NOTE)
    intake.review()
    besluit = {**case["besluit"], "dagtekening_pip": date.today().isoformat()}
    intake.decide(besluit, decide(propose(intake.record, today=date.today()), besluit).event())
    sid = intake.id
    intake.close()
    store.close()
    return path, sid


def test_markdown_export_of_a_deviation(stored, tmp_path):
    path, sid = stored
    md = export_session(path, sid, "md", None).replace("\\", "")
    body = md.split("## Bijlage voor de consulent", 1)[0]
    assert "**Naam:** Amal" in body and "**Leerroute:** B1-route" in body
    assert "Eerst de B1-route naast werk" in body and NOTE in body
    assert "De gemeente stelt de onderwijsroute voor" not in md
    assert not re.search(r"(regel|antwoord|besluit):", body) and "nog controleren" not in body
    assert body.index("Het besluit over uw leerroute") < body.index("Het voorstel van de assistent")


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")
def test_pdf_export_of_a_deviation(stored, tmp_path):
    path, sid = stored
    pdf = export_session(path, sid, "pdf", tmp_path / "plan.pdf")
    text = " ".join(subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True,
                                   check=True).stdout.split())
    body = text.split("Bijlage voor de consulent", 1)[0]
    assert "Naam: Amal" in body and "Leerroute: B1-route" in body and "Eerst de B1-route naast werk" in body
    assert "De gemeente stelt de onderwijsroute voor" not in text and "regel:" not in body
