"""Property-based: every complete record yields a proposal; every confirmed PIP passes DUO's checks."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assistant.advice.deadlines import termijnen
from assistant.advice.decision import DecisionRefused, decide
from assistant.advice.proposal import propose
from assistant.advice.record import CHOICES
from assistant.duo.pip_export import pip_body, validate_pip_body
from assistant.i18n import translator

TODAY = date(2026, 3, 2)
TR = translator("nl")
MOTIVATIE = "Afgewogen in het gesprek met de inburgeraar."


def iso(d: date) -> str:
    return d.isoformat()


@st.composite
def scores(draw):
    needed = draw(st.integers(1000, 9999))
    got = draw(st.integers(0, 9999))
    fmt = lambda n: f"{n // 100},{n % 100:02d}"  # noqa: E731
    return fmt(got), fmt(needed)


@st.composite
def complete_records(draw):
    """Every advice field of intake-record.md answered, with valid values."""
    rec = {k: draw(st.sampled_from(v)) for k, v in CHOICES.items()}
    # Weight towards the interesting part: a plicht and a taken LBT (other values still occur).
    rec["inburgeringsplichtig"] = draw(st.sampled_from(("ja",) * 8 + CHOICES["inburgeringsplichtig"]))
    rec["lbt_status"] = draw(st.sampled_from(("afgenomen",) * 6 + CHOICES["lbt_status"]))
    rec["geboortedatum"] = iso(TODAY - timedelta(days=draw(st.integers(18 * 366, 66 * 365))))
    kennisgeving = TODAY - timedelta(days=draw(st.integers(0, 200)))
    rec["datum_kennisgeving"] = iso(kennisgeving)
    rec["datum_inschrijving_brp"] = iso(kennisgeving + timedelta(days=draw(st.integers(-100, 100))))
    rec["onderwijs_jaren"] = draw(st.integers(0, 30))
    rec["werkervaring_jaren"] = draw(st.integers(0, 60))
    rec["belastbaarheid_uren_per_week"] = draw(st.integers(0, 60))
    rec["bijstand"] = draw(st.booleans())
    rec["kinderen_leeftijden"] = draw(st.lists(st.integers(0, 30), max_size=6))
    if draw(st.booleans()):
        rec["lbt_behaalde_score"], rec["lbt_benodigde_score"] = draw(scores())
    if rec["lbt_status"] == "niet_afgenomen":
        rec["lbt_reden_niet_afgenomen"] = "Toets niet toegankelijk."
    return rec


def later_dagtekening(rec) -> str:
    return max(rec["datum_kennisgeving"], rec["datum_inschrijving_brp"], iso(TODAY))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(complete_records())
def test_every_complete_record_yields_a_settled_proposal(rec):
    p = propose(rec, today=TODAY)
    out = p.to_json(TR)
    assert out["leerroute"] in ("B", "O", "Z", None)
    assert out["redenen"], "a proposal always says why"
    if rec["inburgeringsplichtig"] != "ja":
        assert out["leerroute"] is None
    elif rec["lbt_status"] == "gepland":
        assert out["status"] == "wacht_op_lbt"
    else:
        # complete answers: the rules either settle the route or hand it to the consulent, never 'onvolledig'
        assert out["status"] in ("voorstel", "consulent_beslist")
        assert out["leerroute"] is not None or out["consulent_beslissing_nodig"]
        assert out["alfabetisering"] in ("A", "AA", "NVT")
        assert out["onderwijsroute_overwogen"]["uitkomst"] in ("voorgesteld", "twijfel", "niet")
        if out["leerroute"] is not None:
            assert out["map"] == (out["leerroute"] != "O") and out["pvt"] is True
    assert termijnen(rec, today=TODAY).to_json(TR)["pip_uiterlijk"] is not None


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(complete_records(), st.sampled_from([None, "B", "O", "Z"]), st.sampled_from([None, "A2", "B1"]),
       st.booleans())
def test_every_confirmed_pip_passes_duos_schema_and_business_rules(rec, route, level, first_pip):
    p = propose(rec, today=TODAY)
    if route is None:
        besluit = {"akkoord": True, "motivatie": MOTIVATIE}
    else:
        besluit = {"akkoord": False, "leerroute": route, "niveau": level, "motivatie": MOTIVATIE}
    besluit.update(dagtekening_pip=later_dagtekening(rec), gemeentecode="0363")
    try:
        d = decide(p, besluit, first_pip=first_pip)
    except DecisionRefused as refusal:
        assert refusal.field and TR(refusal.msg)
        return
    body = pip_body(d, rec)
    assert validate_pip_body(body, first_pip=first_pip, doelgroep=rec["doelgroep"]) == []
    if rec["inburgeringsplichtig"] == "ja" and route is None:
        assert body["pip"]["leerroute"] == p.leerroute
