"""The answer inputs as a person uses them (issue 10 item 8, issue 15 item 5).

One answer area is reused for every question, so keys typed ahead land in
the right field in order; multi-select confirms with Enter; Ja/Nee answers
with letters and arrows; the counter never passes the total.
"""

import re

from assistant.app.records import open_readonly
from assistant.dialog.loader import load_file
from tests.conftest import FIXTURES
from tests.ui.driver import answer_current, burst, press, screen_text, start_new_until

FIVE = """
dialog: vijf
version: "1"
title: Vijf
topics:
  - id: welkom
    title: Welkom
    phase: welcome
    questions:
      - {id: hallo, type: info, text: Welkom.}
  - id: taal_keuze
    title: Taal
    phase: language
    questions:
      - id: voertaal
        type: choice
        sets_locale: true
        text: Welke taal spreekt u?
        choices:
          - {id: nl, label: Nederlands}
          - {id: en, label: English}
  - id: privacy
    title: Privacy
    phase: consent
    questions:
      - {id: privacy_uitleg, type: info, text: Wij bewaren uw antwoorden.}
  - id: t
    title: Onderwerp
    questions:
      - id: vervoer
        type: multichoice
        text: Hoe reist u?
        choices:
          - {id: fiets, label: Fiets}
          - {id: bus, label: Bus}
          - {id: trein, label: Trein}
          - {id: auto, label: Auto}
          - {id: lopen, label: Lopen}
      - id: werk
        type: yesno
        text: Heeft u werk?
      - id: kind
        type: yesno
        text: Heeft u een kind?
      - id: fiets
        type: yesno
        text: Heeft u een fiets?
      - id: huis
        type: yesno
        text: Heeft u een huis?
      - id: auto
        type: yesno
        text: Heeft u een auto?
      - id: slot
        type: text
        text: Nog iets?
"""


def mini():
    return load_file(FIXTURES / "dialogs" / "mini.yaml")


def five(tmp_path):
    path = tmp_path / "vijf.yaml"
    path.write_text(FIVE)
    return load_file(path)


async def test_multiselect_shows_all_options_space_toggles_enter_confirms(make_app, ui_store, tmp_path):
    app = make_app(dialog=five(tmp_path))
    async with app.run_test(size=(100, 30)) as pilot:
        await start_new_until(app, pilot, "vervoer", {"voertaal": "nl"})
        shown = screen_text(app)
        assert all(label in shown for label in ("Fiets", "Bus", "Trein", "Auto", "Lopen"))  # none hidden
        await press(app, pilot, "down", "space", "down", "down", "down", "space")  # Bus and Lopen
        await press(app, pilot, "enter")  # confirms; it does not untick
        assert app.screen.step.question.id == "werk"
        sid = app.conversation.id
    assert open_readonly(ui_store, sid)["answers"]["vervoer"] == ["bus", "lopen"]


async def test_a_ticked_answer_shows_a_tick_not_only_a_colour(make_app, ui_store, tmp_path):
    app = make_app(dialog=five(tmp_path))
    async with app.run_test(size=(100, 30)) as pilot:
        await start_new_until(app, pilot, "vervoer", {"voertaal": "nl"})
        await press(app, pilot, "down", "space")  # Bus
        shown = screen_text(app)
        assert re.search(r"▐✔▌ Bus", shown) and re.search(r"▐ ▌ Fiets", shown), shown
        await press(app, pilot, "space")  # untick
        assert not re.search(r"▐✔▌", screen_text(app))


async def test_a_fast_burst_of_list_keys_ticks_in_order_then_confirms(make_app, ui_store, tmp_path):
    app = make_app(dialog=five(tmp_path))
    async with app.run_test(size=(100, 30)) as pilot:
        await start_new_until(app, pilot, "vervoer", {"voertaal": "nl"})
        await burst(app, pilot, "down", "down", "space", "down", "space", "tab", "enter")  # Trein, Auto, Klaar
        assert app.screen.step.question.id == "werk"
        sid = app.conversation.id
    assert open_readonly(ui_store, sid)["answers"]["vervoer"] == ["trein", "auto"]


async def test_yes_no_answers_with_enter_letters_and_arrows(make_app, ui_store, tmp_path):
    app = make_app(dialog=five(tmp_path))
    async with app.run_test(size=(100, 30)) as pilot:
        await start_new_until(app, pilot, "werk", {"voertaal": "nl"})
        shown = screen_text(app)
        assert "Ja (j)" in shown and "Nee (n)" in shown  # the keys are on the buttons
        await press(app, pilot, "enter")  # Ja has the focus
        await press(app, pilot, "enter")  # right after: not swallowed by the button's press effect
        await press(app, pilot, "n")
        await press(app, pilot, "j")
        await press(app, pilot, "right", "enter")  # the arrow moves from Ja to Nee
        assert app.screen.step.question.id == "slot"
        sid = app.conversation.id
    answers = open_readonly(ui_store, sid)["answers"]
    assert [answers[q] for q in ("werk", "kind", "fiets", "huis", "auto")] == [True, True, False, True, False]


async def test_yes_no_buttons_and_letters_follow_the_interface_language(make_app, ui_store, tmp_path):
    app = make_app(dialog=five(tmp_path), lang="en")
    async with app.run_test(size=(100, 30)) as pilot:
        await start_new_until(app, pilot, "werk", {"voertaal": "nl"})
        shown = screen_text(app)
        assert "Yes (y)" in shown and "No (n)" in shown
        await press(app, pilot, "y")
        sid = app.conversation.id
    assert open_readonly(ui_store, sid)["answers"]["werk"] is True


async def test_a_burst_after_a_refused_answer_loses_no_digit(make_app, ui_store):
    app = make_app(dialog=mini())
    async with app.run_test(size=(100, 30)) as pilot:
        await start_new_until(app, pilot, "bsn", {"voertaal": "nl"})
        await answer_current(app, pilot, "123")
        assert app.screen.step.question.id == "bsn" and "123" in screen_text(app)  # refused, kept to correct
        await burst(app, pilot, "ctrl+u", *"111222333", "enter")  # one burst, no pause in between
        sid = app.conversation.id
    view = open_readonly(ui_store, sid)
    assert view["answers"]["bsn"] == "111222333" and "bsn" not in view["skipped"]


async def test_keys_typed_while_the_next_question_comes_go_to_that_question_in_order(make_app, ui_store):
    app = make_app(dialog=mini())
    async with app.run_test(size=(100, 30)) as pilot:
        await start_new_until(app, pilot, "geboortedatum", {"voertaal": "nl"})
        await burst(app, pilot, *"12-03-1990", "enter", *"hallo", "enter", *"111222333", "enter")
        sid = app.conversation.id
    answers = open_readonly(ui_store, sid)["answers"]
    assert (answers["geboortedatum"], answers["opmerking"], answers["bsn"]) == ("1990-03-12", "hallo", "111222333")


async def test_keys_typed_ahead_into_a_question_without_a_text_field_are_refused_visibly(make_app, ui_store):
    app = make_app(dialog=mini())
    async with app.run_test(size=(100, 30)) as pilot:
        await start_new_until(app, pilot, "bsn", {"voertaal": "nl"})
        await burst(app, pilot, *"111222333", "enter", *"xyz")  # the next question is a choice
        assert app.screen.step.question.id == "lbt_status"
        assert "geen tekstveld" in screen_text(app)


async def test_the_counter_never_passes_the_total(make_app, ui_store):
    app = make_app(dialog=mini())
    async with app.run_test(size=(100, 30)) as pilot:
        await press(app, pilot, "n")
        seen = []
        for _ in range(40):
            if app.screen.id != "chat":
                break
            seen.append(str(app.screen.query_one("#question").render()))
            await answer_current(app, pilot, {"voertaal": "nl"}.get(app.screen.step.question.id))
        assert app.screen.id == "review"
        await press(app, pilot, "enter")  # the first answer row: reopen it after all are answered
        assert app.screen.id == "chat"
        seen.append(str(app.screen.query_one("#question").render()))
    for card in seen:
        done, total = map(int, re.match(r"\s*(\d+)/(\d+)", card).groups())
        assert done <= total, card
    assert seen[-1].startswith(seen[-1].split("/")[1].split()[0])  # all answered: n/n
