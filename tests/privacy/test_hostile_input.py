"""Hostile case files through `intake replay`: a clear one-line error naming the field.

Never a traceback, never the catch-all "Er ging iets mis", never a hang, and
never a raw escape or bidi control on the terminal.
"""

from __future__ import annotations

import copy
import json
import subprocess
import sys
from pathlib import Path

import pytest

from assistant.cli.main import main

ROOT = Path(__file__).resolve().parents[2]
BASE = json.loads((ROOT / "tests/cases/personas/01_amal_onderwijsroute.json").read_text(encoding="utf-8"))
BASE.pop("expect", None)


def case(**changes) -> str:
    data = copy.deepcopy(BASE)
    for dotted, value in changes.items():
        target = data
        *parents, last = dotted.split("__")
        for p in parents:
            target = target[p]
        target[last] = value
    return json.dumps(data, ensure_ascii=False)


def deviate(motivatie) -> str:
    return case(besluit={"akkoord": False, "leerroute": "B", "niveau": "B1", "motivatie": motivatie,
                         "dagtekening_pip": "2026-03-02", "gemeentecode": "0363"})


def raw_replace(text: str, old: str, new: str) -> str:
    assert old in text
    return text.replace(old, new, 1)


HOSTILE = {
    # JSON itself
    "deep nesting": ('{"answers": ' + "[" * 100_000 + "]" * 100_000 + "}", "file"),
    "nesting of 50": (case(answers__beroep=json.loads("[" * 50 + "]" * 50)), "file"),
    "5000 digits": (raw_replace(case(), '"werkervaring_jaren": 2', '"werkervaring_jaren": ' + "9" * 5000),
                    "file"),
    "NaN": (raw_replace(case(), '"werkervaring_jaren": 2', '"werkervaring_jaren": NaN'), "file"),
    "1e999": (raw_replace(case(), '"werkervaring_jaren": 2', '"werkervaring_jaren": 1e999'), "file"),
    "10 MB motivation": (deviate("a" * 10_000_000), "file"),
    "lone surrogate in besluit": (raw_replace(case(), '"gemeentecode": "0363"',
                                              '"gemeentecode": "0363", "motivatie": "ok\\ud800ok"'),
                                  "besluit.motivatie"),
    "lone surrogate in an answer": (raw_replace(case(), '"hoofddoel": "opleiding"',
                                                '"hoofddoel": "opleiding\\udfff"'), "answers.hoofddoel"),
    # types
    "answers a list": (case(answers=[1, 2]), "answers"),
    "besluit a string": (case(besluit="ja"), "besluit"),
    "today a number": (case(today=20260302), "today"),
    # dates
    "week date today": (case(today="2026-W10-1"), "today"),
    "year 0001 today": (case(today="0001-03-02"), "today"),
    "week date answer": (case(answers__datum_kennisgeving="2026-W02-1"), "datum_kennisgeving"),
    "year 0001 answer": (case(answers__datum_kennisgeving="0001-01-05"), "datum_kennisgeving"),
    "date with time": (case(answers__datum_kennisgeving="2026-01-05T00:00"), "datum_kennisgeving"),
    "dagtekening 9999": (case(besluit__dagtekening_pip="9999-12-31"), "besluit.dagtekening_pip"),
    "dagtekening week": (case(besluit__dagtekening_pip="2026-W10-1"), "besluit.dagtekening_pip"),
    # gemeentecode
    "arabic-indic digits": (case(besluit__gemeentecode="٠٣٦٣"), "besluit.gemeentecode"),
    "full-width digits": (case(besluit__gemeentecode="０３６３"), "besluit.gemeentecode"),
    "not a CBS code": (case(besluit__gemeentecode="9998"), "besluit.gemeentecode"),
    "three digits": (case(besluit__gemeentecode="363"), "besluit.gemeentecode"),
    "a number": (case(besluit__gemeentecode=363), "besluit.gemeentecode"),
    # motivation
    "200 zero-width spaces": (deviate("\u200b" * 200), "besluit.motivatie"),
    "200 dots": (deviate("." * 200), "besluit.motivatie"),
    "3000 letters": (deviate("a" * 3000), "besluit.motivatie"),
    "bidi and escapes only": (deviate("\u202e\u202e\x1b[2J\u2066" * 20), "besluit.motivatie"),
    # fields and locales
    "unknown besluit field": (case(besluit__extra=1), "besluit.extra"),
    "unknown besluit field with escape": (case(besluit__zz_x1b="1").replace("zz_x1b", "\\u001b[2Jx"),
                                          "besluit.x"),  # the escape sequence removed as a whole
    "locale xx": (case(locale="xx"), "locale"),
    "locale with ESC": (case(locale="\u001b[31mnl"), "locale"),
    "locale markup": (case(locale="[bold]nl"), "locale"),
    "locale path": (case(locale="../../x"), "locale"),
    "locale number": (case(locale=7), "locale"),
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_case_gets_a_clear_error_naming_the_field(name, tmp_path, capsys):
    text, field = HOSTILE[name]
    path = tmp_path / "case.json"
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    code = main(["replay", str(path)])
    out = capsys.readouterr()
    assert code == 1, out.out[:500]
    assert out.out == ""  # nothing half-done on stdout
    lines = out.err.strip().splitlines()
    assert lines[-1] == "De casus is niet verwerkt. Er is niets opgeslagen."
    assert f"Fout in {field}:" in out.err, out.err[:500]
    assert "Traceback" not in out.err and "Er ging iets mis" not in out.err
    assert "\x1b" not in out.err and "\u202e" not in out.err and len(out.err) < 2000


def test_the_valid_base_case_is_accepted(tmp_path, capsys):
    path = tmp_path / "case.json"
    path.write_text(case(), encoding="utf-8")
    assert main(["replay", str(path)]) == 0
    assert json.loads(capsys.readouterr().out)["status"] == "confirmed"


def test_escapes_in_an_answer_never_reach_the_terminal(tmp_path, capsys):
    path = tmp_path / "case.json"
    path.write_text(case(answers__hoogste_opleiding="voortgezet", answers__diploma_land=None), encoding="utf-8")
    hostile = case(answers__beroep="\x1b]8;;http://x\x07klik\x1b]8;;\x07 \u202ebakker\u200b")
    path.write_text(hostile, encoding="utf-8")
    code = main(["replay", str(path)])
    out = capsys.readouterr()
    for stream in (out.out, out.err):
        assert "\x1b" not in stream and "\u202e" not in stream and "\u200b" not in stream and "\x07" not in stream
    assert code in (0, 1)


@pytest.mark.slow
def test_the_worst_files_end_quickly_in_a_real_process(tmp_path):
    """Deep nesting and ten megabytes: a subprocess that must finish (timeout = hang)."""
    for name in ("deep nesting", "10 MB motivation", "5000 digits"):
        path = tmp_path / "case.json"
        path.write_text(HOSTILE[name][0], encoding="utf-8")
        proc = subprocess.run([sys.executable, "-m", "assistant.cli.main", "replay", str(path)],
                              capture_output=True, text=True, cwd=ROOT, timeout=60)
        assert proc.returncode == 1 and "Traceback" not in proc.stderr and "Fout in file" in proc.stderr, name


WRONG_VALUES = [None, True, 1.5, -1, 10**12, "", "x" * 5000, [], {}, [[1]], {"a": 1}, "\ud800", "2026-W10-1",
                "٣", "1e3", "\x1b[2J\u202e"]
FIELDS = ([f"answers.{k}" for k in BASE["answers"]]
          + [f"besluit.{k}" for k in ("akkoord", "leerroute", "niveau", "motivatie", "dagtekening_pip",
                                      "gemeentecode")]
          + ["today", "mode", "locale", "description"])


@pytest.mark.slow
def test_every_field_with_every_wrong_value_ends_in_a_result_or_a_named_refusal(tmp_path, capsys):
    """Every field of a valid case replaced by each wrong value in turn (~450 files)."""
    failures = []
    for field in FIELDS:
        for value in WRONG_VALUES:
            data = copy.deepcopy(BASE)
            section, _, key = field.rpartition(".")
            (data[section] if section else data)[key] = value
            path = tmp_path / "case.json"
            path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8", errors="surrogatepass")
            code = main(["replay", str(path)])
            out = capsys.readouterr()
            text = out.out + out.err
            if (code not in (0, 1) or "Traceback" in text or "Er ging iets mis" in text or "\x1b" in text
                    or "\u202e" in text or (code == 1 and "Fout in " not in out.err)):
                failures.append((field, repr(value)[:20], code, out.err[:120]))
    assert failures == []
