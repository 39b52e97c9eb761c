"""clean() drops invisible characters; visible() shows them for a terminal; translator() takes only shipped locales."""

import pytest

from assistant.base.text import clean, visible


@pytest.mark.parametrize("ch", ["\u200b", "\ufeff", "\u2028", "\u2029", "\u2060", "\u202e", "\u2066", "\x1b", "\x07"])
def test_clean_removes_invisible_and_control_characters(ch):
    assert clean(f"ab{ch}cd") in ("abcd", "ab cd")


def test_clean_keeps_the_joiners_persian_needs():
    assert clean("می\u200cخواهم") == "می\u200cخواهم"


def test_visible_shows_what_clean_would_remove():
    assert visible("a\x1b[2Jb\u202ec\u200bd\n") == "a\\u001b[2Jb\\u202ec\\u200bd\n"


@pytest.mark.parametrize("name", ["../../x", "xx", "\x1b[31mnl", "[bold]nl", "/etc"])
def test_translator_refuses_any_name_that_is_not_a_shipped_catalog(name):
    from assistant.i18n import translator

    assert translator(name).locale == "nl"


@pytest.mark.parametrize("multiline", [False, True])
def test_the_printable_shortcut_of_clean_changes_nothing_the_full_pass_would_change(multiline):
    """`clean` returns a printable string as it is; over all of Unicode, the full
    character-by-character pass keeps such a string unchanged too."""
    from assistant.base.text import _strip

    printable = [chr(cp) for cp in range(0x110000) if chr(cp).isprintable()]
    for i in range(0, len(printable), 4096):
        chunk = "".join(printable[i:i + 4096])
        assert _strip(chunk, multiline) == chunk
    assert clean("a\u200cb c") == _strip("a\u200cb c", False)  # not printable: the full pass
