"""`intake check` on the shipped dialogs and on deliberately broken ones."""

import re
import subprocess
import sys
from pathlib import Path

import pytest

from assistant.dialog.loader import check_file, dialog_files, load_dialog
from assistant.dialog.record_contract import RECORD_FIELDS, contract_problems

BROKEN = sorted((Path(__file__).parents[1] / "fixtures" / "broken").glob("*.yaml"))


def _expected(path: Path) -> tuple[int, str]:
    for number, line in enumerate(path.read_text().splitlines(), 1):
        m = re.search(r"# expect: (.+)$", line)
        if m:
            return number, m.group(1).strip()
    raise AssertionError(f"{path.name} has no '# expect:' marker")


def test_at_least_eight_broken_fixtures():
    assert len(BROKEN) >= 8


@pytest.mark.parametrize("path", BROKEN, ids=lambda p: p.stem)
def test_each_broken_dialog_fails_at_the_marked_line(path):
    line, fragment = _expected(path)
    result = check_file(path)
    assert result.dialog is None
    hits = [p for p in result.problems if p.line == line and fragment in p.message]
    assert hits, f"expected '{fragment}' on line {line}, got: {[str(p) for p in result.problems]}"
    assert all(str(p).startswith(f"{path}:") for p in result.problems)


def test_check_command_fails_on_broken_dialogs_naming_file_and_line():
    proc = subprocess.run([sys.executable, "-m", "assistant.cli.main", "check", "--dialogs", str(BROKEN[0].parent)],
                          capture_output=True, text=True)
    assert proc.returncode == 1
    for path in BROKEN:
        line, _ = _expected(path)
        assert f"{path}:{line}:" in proc.stdout


def test_shipped_dialogs_are_valid_and_keep_the_record_contract():
    files = dialog_files()
    assert files, "no shipped dialogs"
    for path in files:
        result = check_file(path)
        assert result.problems == [], [str(p) for p in result.problems]
        assert contract_problems(result.dialog) == []


def test_record_contract_catches_a_renamed_choice_value(tmp_path):
    dialog = load_dialog()
    text = Path(dialog.path).read_text().replace("b1_niet_haalbaar", "b1_onhaalbaar")
    broken = tmp_path / "brede_intake.yaml"
    broken.write_text(text)
    result = check_file(broken)
    assert result.problems == []
    problems = contract_problems(result.dialog)
    assert any(p.qid == "lbt_resultaat" and "b1_niet_haalbaar" in p.message for p in problems)


def test_every_record_field_is_in_the_shipped_dialog():
    dialog = load_dialog()
    for fid in RECORD_FIELDS:
        assert dialog.has_question(fid), fid


def test_fingerprint_ignores_wording_but_not_meaning(tmp_path):
    dialog = load_dialog()
    source = Path(dialog.path).read_text()
    reworded = tmp_path / "a.yaml"
    reworded.write_text(source.replace("title: Brede intake", "title: De brede intake", 1))
    assert check_file(reworded).dialog.fingerprint == dialog.fingerprint
    changed = tmp_path / "b.yaml"
    changed.write_text(source.replace("max: 30", "max: 31", 1))
    assert check_file(changed).dialog.fingerprint != dialog.fingerprint
