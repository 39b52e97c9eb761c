"""A whole intake through the UI; assertions on the stored session, not on widgets."""

from assistant.app.records import open_readonly
from assistant.dialog.loader import load_dialog
from assistant.dialog.record_contract import RECORD_FIELDS
from assistant.store.sqlite import Store
from tests.ui.driver import answer_current, press, press_button, screen_text, settle_nav, start_new_until


async def test_a_whole_intake_through_the_ui_is_stored_and_confirmed(make_app, ui_store):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await press(app, pilot, "n")
        asked = []
        for _ in range(200):
            if app.screen.id != "chat" or app.screen.step.question is None:
                break
            asked.append(await answer_current(app, pilot))
        assert app.screen.id == "review"  # the review opens after the last question
        sid = app.conversation.id
        await press_button(app, pilot, "#submit")
        await settle_nav(app, pilot)
        assert app.screen.id == "proposal"
        app.screen.query_one("#gemeentecode").value = "0363"
        await press_button(app, pilot, "#agree")
        await settle_nav(app, pilot)
    view = open_readonly(ui_store, sid)
    assert view["status"] == "confirmed"
    assert set(RECORD_FIELDS) - {"lbt_reden_niet_afgenomen"} <= set(view["answers"])
    assert view["answers"]["geboortedatum"] == "1990-03-12" and view["answers"]["kinderen_leeftijden"] == [3, 7]
    assert view["decision"]["besluit"]["gemeentecode"] == "0363"
    kinds = [e["kind"] for e in view["events"]]
    assert kinds.count("answered") == len(asked) - sum(1 for q in asked if not load_dialog().question(q).mandatory
                                                        and q not in view["answers"])
    assert kinds[-3:] == ["decision", "moved", "paused"]  # confirmed; leaving the app pauses


async def test_validation_message_is_shown_and_input_kept(make_app, ui_store):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await start_new_until(app, pilot, "geboortedatum")
        await answer_current(app, pilot, "31-02-1990")
        assert app.screen.step.question.id == "geboortedatum"
        assert "bestaat niet" in str(app.screen.query_one("#error").render())
        assert app.screen.query("Input").last().value == "31-02-1990"  # what was typed stays
        sid = app.conversation.id
    events = list(Store(ui_store).events(sid))
    assert all(e.data.get("question") != "geboortedatum" for e in events)


async def test_pause_goes_home_and_resume_continues(make_app, ui_store):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await press(app, pilot, "n")
        for _ in range(3):
            await answer_current(app, pilot)
        question = app.screen.step.question.id
        await press(app, pilot, "f10")
        assert app.screen.id == "home" and app.conversation is None
        shown = screen_text(app)   # the caseload is no longer empty, and the help says so
        assert "Er zijn nog geen intakes" not in shown and "Kies een intake en druk op Enter" in shown
        await press(app, pilot, "enter")
        assert app.screen.id == "chat" and app.screen.step.question.id == question


async def test_skip_with_reason_back_and_language_switch_are_recorded(make_app, ui_store):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await start_new_until(app, pilot, "doelgroep")
        await press(app, pilot, "ctrl+s")
        app.screen.query_one("#prompt-input").value = "Brief van DUO nog niet binnen"
        await press(app, pilot, "enter")
        assert app.screen.step.question.id == "inburgeringsplichtig"
        await press(app, pilot, "ctrl+b")
        assert app.screen.step.question.id == "doelgroep"
        await press(app, pilot, "ctrl+l")
        app.screen.query_one("OptionList").highlighted = 2  # the language picker: ar
        await press(app, pilot, "enter")
        sid = app.conversation.id
    view = open_readonly(ui_store, sid)
    assert view["skipped"]["doelgroep"] == "Brief van DUO nog niet binnen"
    assert view["second_locale"] == "ar"
    assert [e["kind"] for e in view["events"]].count("language") >= 1


async def test_ctrl_c_says_how_to_stop_in_the_persons_language(make_app, ui_store):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await press(app, pilot, "n")
        await press(app, pilot, "ctrl+c")
        await pilot.pause()
        said = [n.message for n in app._notifications]   # the toast's text (Textual renders it on a layer)
        assert said == ["Wilt u stoppen? Druk op F10. Alles is bewaard."]
        assert app.screen.id == "chat" and app.conversation is not None   # nothing stopped
