"""Read aloud: a voiced language gives a WAV of plausible length; Tigrinya says plainly there is no voice."""

from __future__ import annotations

import shutil
import wave

import pytest

from assistant.app.speech import question_text
from assistant.cli.main import main
from assistant.dialog.loader import load_dialog
from assistant.i18n import translator

needs_espeak = pytest.mark.skipif(shutil.which("espeak-ng") is None, reason="scripts/bootstrap installs espeak-ng")


def _question():
    return next(q for q in load_dialog().questions if q.choices and q.pre_intake)


@needs_espeak
@pytest.mark.parametrize("lang", ["nl", "ar"])
def test_a_voiced_language_gives_speech_of_plausible_length(tmp_path, lang, capsys):
    q = _question()
    out = tmp_path / f"{lang}.wav"
    assert main(["speak", q.id, "--lang", lang, "-o", str(out)]) == 0
    with wave.open(str(out)) as w:
        seconds = w.getnframes() / w.getframerate()
        frames = w.readframes(w.getnframes())
    words = len(question_text(q, translator(lang)).split())
    assert 0.15 * words < seconds < 1.5 * words, (seconds, words)  # speech, not silence or a beep
    assert len(set(frames)) > 50  # a varying signal


def test_tigrinya_has_no_voice_and_says_so(tmp_path, capsys):
    out = tmp_path / "ti.wav"
    assert main(["speak", _question().id, "--lang", "ti", "-o", str(out)]) == 1
    assert not out.exists()
    assert "Nederlands" in capsys.readouterr().err


def test_an_unknown_question_is_refused(tmp_path, capsys):
    assert main(["speak", "bestaat_niet", "--lang", "nl", "-o", str(tmp_path / "x.wav")]) == 2
    assert "bestaat_niet" in capsys.readouterr().err
