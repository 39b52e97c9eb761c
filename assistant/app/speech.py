"""Read a question aloud with espeak-ng, for people who read little.

espeak-ng is a Debian package (scripts/bootstrap installs it) and runs as a
separate program, given the text on stdin, never through a shell. It has
voices for Dutch, English, Arabic, Persian and Turkish; it has none for
Tigrinya or Somali, and we say so plainly instead of reading Tigrinya text
with a wrong voice: the person can hear the Dutch text instead.

What is read: the question, its help, and the choices, in that order.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from assistant.base.errors import AppError
from assistant.dialog.model import Question
from assistant.i18n import Translator, _

VOICES = {"nl": "nl", "en": "en", "ar": "ar", "fa": "fa", "tr": "tr"}
NO_VOICE = _("Voor deze taal is er geen stem om voor te lezen. U kunt de vraag in het Nederlands horen.")
NO_PROGRAM = _("Voorlezen kan hier niet: het programma espeak-ng is niet geïnstalleerd.")


class SpeechError(AppError):
    """Reading aloud failed; `msg` says why (no program, no voice, no sound)."""


def has_voice(locale: str) -> bool:
    return locale in VOICES


def question_text(question: Question, tr: Translator) -> str:
    """The question, its help and its choices, as one text in the language of `tr`."""
    parts = [tr(question.msg("text")).strip()]
    if question.help:
        parts.append(tr(question.msg("help")).strip())
    parts += [tr(question.choice_msg(c.id)).strip() + "." for c in question.choices]
    return "\n".join(p for p in parts if p)


def _command(locale: str) -> list[str]:
    if not has_voice(locale):
        raise SpeechError(NO_VOICE)
    program = shutil.which("espeak-ng")
    if program is None:
        raise SpeechError(NO_PROGRAM)
    return [program, "-v", VOICES[locale], "--stdin"]


def to_wav(text: str, locale: str, out: Path) -> Path:
    """Speech for `text` in a WAV file; raises SpeechError when there is no voice or no program."""
    subprocess.run([*_command(locale), "-w", str(out)], input=text.encode("utf-8"), check=True,  # noqa: S603 - our program, the text on stdin
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=60)
    return out


def play(text: str, locale: str) -> subprocess.Popen[bytes]:
    """Start reading aloud on the machine's sound output; returns at once."""
    proc = subprocess.Popen(_command(locale), stdin=subprocess.PIPE, stdout=subprocess.DEVNULL,  # noqa: S603 - as to_wav
                            stderr=subprocess.DEVNULL)
    stdin = proc.stdin
    if stdin is not None:  # always a pipe here (stdin=PIPE)
        stdin.write(text.encode("utf-8"))
        stdin.close()
    return proc


def speak_question(qid: str, locale: str, out: Path) -> Path:
    """`intake speak`: one question of the dialog, with its help and choices, in a WAV file."""
    from assistant.dialog.loader import load_dialog
    from assistant.i18n import translator

    q = load_dialog().find_question(qid)
    if q is None:
        raise SpeechError(_("Onbekende vraag: {id}.", id=qid), "question")
    return to_wav(question_text(q, translator(locale)), locale, out)
