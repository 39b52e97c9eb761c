"""Keys as data: ids in the footer and help screen, remapped from the settings file."""

import pytest

from assistant.base.settings import SettingsError, load_settings
from assistant.ui.keymap import CHAT_KEYS, HOME_KEYS, PRACTICE_KEYS
from tests.ui.driver import answer_current, press, settle_nav


def test_settings_file_is_read_and_refused_whole_when_broken(tmp_path):
    good = tmp_path / "settings.toml"
    good.write_text('[ui]\nsecond_locale = "ar"\n[keys]\nreview = "f5"\n[policy]\nonderwijsroute_richtleeftijd = 27\n')
    s = load_settings(good)
    assert (s.second_locale, s.keys, s.policy) == ("ar", {"review": "f5"}, {"onderwijsroute_richtleeftijd": 27})
    for broken in ('[ui\n', '[kleur]\na = 1\n', '[ui]\nbidi_visual = "ja"\n', '[keys]\nreview = ""\n'):
        bad = tmp_path / "bad.toml"
        bad.write_text(broken)
        with pytest.raises(SettingsError) as exc:
            load_settings(bad)
        assert str(bad) in exc.value.msg.params["path"]


def test_binding_ids_are_unique_per_screen():
    for specs in (CHAT_KEYS, HOME_KEYS, PRACTICE_KEYS):
        assert len({s.id for s in specs}) == len(specs) and len({s.key for s in specs}) == len(specs)


async def test_a_remapped_key_works_and_the_help_screen_lists_every_id(make_app):
    from assistant.base.settings import Settings

    app = make_app(settings=Settings(keys={"review": "f5"}))
    async with app.run_test(size=(100, 30)) as pilot:
        await press(app, pilot, "f2")
        table = app.screen.query_one("#keys")
        ids = {str(table.get_row_at(i)[0]) for i in range(table.row_count)}
        assert {s.id for s in CHAT_KEYS + HOME_KEYS + PRACTICE_KEYS} <= ids
        row = next(table.get_row_at(i) for i in range(table.row_count) if str(table.get_row_at(i)[0]) == "review")
        assert str(row[1]) == "f5"
        await pilot.press("escape")
        await press(app, pilot, "n")
        await answer_current(app, pilot)
        await pilot.press("f5")  # the remapped review key
        await settle_nav(app, pilot)
        assert app.screen.id == "review"
        events = [e.data.get("to") for e in app.store.events(app.conversation.id) if e.kind == "moved"]
        assert events[-1] == "review"


async def test_interface_language_can_be_switched_while_running(make_app):
    from assistant.dialog.loader import load_dialog
    from assistant.i18n import _, translator

    app = make_app(dialog=load_dialog())
    async with app.run_test(size=(100, 30)) as pilot:
        await press(app, pilot, "l")
        picker = app.screen.query_one("OptionList")
        picker.highlighted = next(i for i in range(picker.option_count) if picker.get_option_at_index(i).id == "tr")
        await press(app, pilot, "enter")
        tr = translator("tr")
        assert app.screen.id == "home"
        help_text = str(app.screen.query_one("#home-help").render())
        assert help_text == tr(_("Er zijn nog geen intakes. Druk op n om te beginnen."))
        assert app.screen.active_bindings["n"].binding.description == tr(_("Nieuwe intake")) == "Yeni görüşme"
        await press(app, pilot, "n")
        question = app.screen.step.question
        last_line = app.screen.query_one("#transcript").lines[-1].text.strip()
        assert last_line.endswith(tr(question.msg("text")).strip().splitlines()[-1])
