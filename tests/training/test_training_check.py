"""`intake check` on practice cases: every broken fixture is reported at its file and line."""

import shutil
from pathlib import Path

import pytest

from assistant.training.cases import read_raw
from assistant.training.validate import all_problems, b1_problems, case_problems

BROKEN = sorted((Path(__file__).resolve().parents[1] / "fixtures" / "training" / "broken").glob("*.yaml"))
SHIPPED = Path(__file__).resolve().parents[2] / "training"


def _expectation(path: Path) -> tuple[int, str]:
    """Each fixture says what is wrong (first line) and marks the wrong line with '# ERROR'."""
    lines = path.read_text(encoding="utf-8").splitlines()
    fragment = lines[0].removeprefix("# expect: ")
    line = next(i for i, text in enumerate(lines, 1) if "# ERROR" in text)
    return line, fragment


def test_there_are_broken_fixtures():
    assert len(BROKEN) >= 8


@pytest.mark.parametrize("path", BROKEN, ids=lambda p: p.stem)
def test_broken_case_is_reported_with_file_and_line(path):
    line, fragment = _expectation(path)
    raw, problems = read_raw(path)
    problems = problems or case_problems(raw, path) or b1_problems(raw, path)
    texts = [str(p) for p in problems]
    assert any(t.startswith(f"{path}:{line}: ") and fragment in t for t in texts), texts


def test_a_duplicate_id_is_reported(tmp_path):
    shutil.copy(SHIPPED / "kinderen_vve.yaml", tmp_path / "kinderen_vve.yaml")
    sub = tmp_path / "kinderen_vve.yaml"
    assert all_problems(tmp_path) == []
    shutil.copy(sub, tmp_path / "kopie.yaml")
    texts = [str(p) for p in all_problems(tmp_path)]
    assert any("kopie.yaml:" in t and "'id' must equal the file name" in t for t in texts)


def test_intake_check_names_a_broken_shipped_case(tmp_path, monkeypatch):
    from assistant.app.checks import run_checks
    from assistant.training import cases

    for p in SHIPPED.glob("*.yaml"):
        shutil.copy(p, tmp_path / p.name)
    broken = tmp_path / "b1_route_werk.yaml"
    broken.write_text(broken.read_text(encoding="utf-8").replace("onderwijs_jaren: 9\n", "onderwijs_jaren: negen\n"),
                      encoding="utf-8")
    monkeypatch.setattr(cases, "case_dir", lambda: tmp_path)
    _files, problems = run_checks()
    found = [p.removeprefix("training: ") for p in problems if p.startswith("training: ")]
    assert len(found) == 1 and found[0].startswith(f"{broken}:") and "[onderwijs_jaren]" in found[0]
