"""The installed wheel, not the source tree, carries usable catalogs and dialogs.

Builds the wheel (the hatch hook compiles the .mo files), installs it into a
fresh virtual environment, and runs that environment's Python and `intake`
from an empty directory with ``-I`` so that the source tree cannot be on
sys.path. Dependencies come from the test environment through a .pth line
(no download); the package itself only from the wheel.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from assistant.i18n import catalogs, codes

pytestmark = pytest.mark.slow
ROOT = catalogs.SOURCE_ROOT


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> dict:
    tmp = tmp_path_factory.mktemp("wheel")
    dist = tmp / "dist"
    subprocess.run([sys.executable, "-m", "pip", "wheel", str(ROOT), "--no-deps", "--no-build-isolation",
                    "-q", "-w", str(dist)], check=True, capture_output=True, text=True)
    [wheel] = dist.glob("*.whl")
    venv = tmp / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    python = venv / "bin" / "python"
    site = Path(subprocess.run([python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                               check=True, capture_output=True, text=True).stdout.strip())
    (site / "_test_dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    subprocess.run([sys.executable, "-m", "pip", "--python", str(python), "install", "--no-deps", "--no-index",
                    "-q", str(wheel)], check=True, capture_output=True, text=True)
    work = tmp / "cwd"
    work.mkdir()
    return {"wheel": wheel, "python": python, "bin": venv / "bin", "site": site, "cwd": work}


def run_installed(installed: dict, code: str, *args: str) -> str:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME")}
    out = subprocess.run([installed["python"], "-I", "-c", code, *args], cwd=installed["cwd"], env=env,
                         capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    return out.stdout


def test_wheel_contains_a_compiled_catalog_per_locale(installed):
    names = zipfile.ZipFile(installed["wheel"]).namelist()
    for locale in codes.TARGET_LOCALES:
        for suffix in ("po", "mo"):
            assert f"assistant/_bundled/locales/{locale}/LC_MESSAGES/intake.{suffix}" in names
    assert "assistant/_bundled/locales/intake.pot" in names


def test_the_package_comes_from_the_wheel(installed):
    out = json.loads(run_installed(installed, (
        "import json, assistant, assistant.i18n as i; "
        "print(json.dumps([assistant.__file__, str(i.locales_dir()), i.available_locales()]))")))
    package, locales, available = out
    assert Path(package).is_relative_to(installed["site"])
    assert Path(locales) == installed["site"] / "assistant" / "_bundled" / "locales"
    assert set(available) == set(codes.ALL_LOCALES)


def _translated_samples(locale: str) -> list[tuple[str | None, str, str]]:
    with catalogs.po_path(ROOT / "locales", locale).open("rb") as f:
        po = read_po(f, locale=locale)
    return [(m.context, m.id, m.string) for m in po
            if m.id and isinstance(m.id, str) and m.string and "fuzzy" not in m.flags][:5]


@pytest.mark.parametrize("locale", codes.TARGET_LOCALES)
def test_installed_package_translates_in_each_locale(installed, locale):
    samples = _translated_samples(locale)
    assert samples, f"locales/{locale}: no translated text yet, so nothing can be shown in {locale}"
    code = ("import json, sys; from assistant.i18n import Msg, translator; "
            "tr = translator(sys.argv[1]); "
            "print(json.dumps([tr(Msg(m, c)) for c, m, _ in json.loads(sys.argv[2])]))")
    rendered = json.loads(run_installed(installed, code, locale, json.dumps(samples)))
    assert rendered == [s for _, _, s in samples]


def test_installed_package_finds_the_dialogs(installed):
    shipped = sorted(p.name for p in (ROOT / "dialogs").glob("*.yaml"))
    assert shipped, "dialogs/ in the source tree holds no dialog yet"
    code = ("import json; from assistant.dialog.loader import dialog_files, load_file; "
            "files = dialog_files(); [load_file(p) for p in files]; "
            "print(json.dumps([str(p) for p in files]))")
    found = [Path(p) for p in json.loads(run_installed(installed, code))]
    assert sorted(p.name for p in found) == shipped
    assert all(p.is_relative_to(installed["site"]) for p in found)


@pytest.mark.parametrize("locale", codes.ALL_LOCALES)
def test_installed_command_starts_in_each_locale(installed, locale, tmp_path):
    """`intake --lang X list` runs from the wheel and speaks the catalog's language."""
    store = tmp_path / "s.sqlite3"
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME")}
    out = subprocess.run([installed["bin"] / "intake", "--lang", locale, "--store", str(store), "list"],
                         cwd=installed["cwd"], env=env, capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    msgid = "Er zijn nog geen intakes opgeslagen in {path}."
    expected = msgid
    if locale != "nl":
        with catalogs.po_path(ROOT / "locales", locale).open("rb") as f:
            m = read_po(f, locale=locale).get(msgid)
        expected = m.string if m is not None and m.string and "fuzzy" not in m.flags else msgid
    assert out.stdout.strip() == expected.format(path=store)
