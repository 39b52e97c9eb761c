"""`[serve] user_header` in settings.toml, and which header values name a person."""

from __future__ import annotations

import pytest

from assistant.base.settings import SettingsError, load_settings


def _write(tmp_path, text):
    path = tmp_path / "settings.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_user_header_is_read(tmp_path):
    assert load_settings(_write(tmp_path, '[serve]\nuser_header = "X-Remote-User"\n')).user_header == "X-Remote-User"
    assert load_settings(_write(tmp_path, "[ui]\n")).user_header is None


@pytest.mark.parametrize("text", ['[serve]\nuser_header = "X Remote"\n', "[serve]\nuser_header = 3\n",
                                  '[serve]\nport = 80\n', 'serve = "x"\n'])
def test_a_wrong_serve_section_is_refused_with_the_fix(tmp_path, text):
    with pytest.raises(SettingsError) as err:
        load_settings(_write(tmp_path, text))
    assert err.value.msg.msgid.startswith("De instelling [serve]")


def test_header_values_that_are_no_name_are_refused():
    from assistant.ui.serve.server import is_loopback, user_from_header

    assert user_from_header(" j.jansen ") == "j.jansen"
    for bad in (None, "", "   ", "a\nb", "x" * 121, "\x1b[31m"):
        assert user_from_header(bad) is None
    assert is_loopback("127.0.0.1") and is_loopback("::1") and is_loopback("localhost")
    assert not is_loopback("0.0.0.0") and not is_loopback("intake.example.nl")


def test_serve_with_a_broken_settings_file_says_so_and_serves_nothing(tmp_path, monkeypatch, capsys):
    from assistant.i18n import translator
    from assistant.ui.serve.server import serve

    (tmp_path / "settings.toml").write_text('[serve]\nuser_header = "X Remote"\n', encoding="utf-8")
    monkeypatch.setenv("INTAKE_CONFIG_DIR", str(tmp_path))
    assert serve(str(tmp_path / "s.sqlite3"), "nl", translator("nl"), host="127.0.0.1", port=1,
                 pre_intake=False) == 1
    assert "De instelling [serve]" in capsys.readouterr().err
