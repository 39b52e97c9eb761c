"""The inburgeraar's own view: language first, consent recorded, resume code, an end."""

from __future__ import annotations

from assistant.app.caseload import summaries
from assistant.engine import resume
from assistant.i18n import translator
from assistant.i18n.locales import display_name
from assistant.store.sqlite import Store
from assistant.ui.preintake import PreIntakeApp
from assistant.ui.screens import pages
from tests.preintake.helpers import seed_pre_intake
from tests.ui.conftest import TODAY
from tests.ui.driver import answer_current, press, press_button, screen_text

CODE = "KXR7M4TD"


def _app(store_path, lang=None):
    app = PreIntakeApp(store_path, lang, today=lambda: TODAY)
    app.CURSOR_BLINK = False
    return app


def _events(store_path, sid=None):
    store = Store(store_path, readonly=True)
    try:
        sid = sid or store.sessions()[0].id
        return list(store.events(sid))
    finally:
        store.close()


async def _type_code(app, pilot, typed: str) -> None:
    field = app.screen.query_one("#page-input")
    field.value = typed
    field.focus()
    await pilot.pause()
    await press(app, pilot, "enter")


async def test_the_language_is_asked_first_each_in_its_own_script(ui_store):
    app = _app(ui_store)
    async with app.run_test(size=(100, 40)) as pilot:
        shown = screen_text(app)
        for loc in pages.LOCALES:
            assert display_name(loc) in shown
        assert "Kies een intake" not in shown
        await press(app, pilot, "enter")  # the first: Tigrinya
        assert app.tr.locale == "ti"
        assert translator("ti")(pages.WELCOME[0])[:20] in screen_text(app)


async def test_consent_is_recorded_and_the_code_resumes_the_same_session(ui_store):
    tr = translator("ti")
    app = _app(ui_store, "ti")
    async with app.run_test(size=(100, 40)) as pilot:
        await press_button(app, pilot, "#new")
        await press_button(app, pilot, "#yes")
        code = app.code
        assert resume.shown(code) in screen_text(app)
        await press_button(app, pilot, "#next")
        first = await answer_current(app, pilot)
        second = await answer_current(app, pilot)
        await press(app, pilot, "f10")
        assert resume.shown(code) in screen_text(app)  # the code again at the pause
        await press_button(app, pilot, "#close")
    events = _events(ui_store)
    assert [e.kind for e in events][:3] == ["created", "consent", "resume_code"]
    assert events[1].data == {"given": True} and code not in str(events[2].data)
    assert {e.actor for e in events} == {"inburgeraar"} and {e.person for e in events} == {"inburgeraar"}

    app = _app(ui_store, "ti")
    async with app.run_test(size=(100, 40)) as pilot:
        await press_button(app, pilot, "#resume")
        await _type_code(app, pilot, "AAAA-AAAA")
        assert tr(pages.CODE_WRONG) in screen_text(app)  # refused, clearly, in their language
        assert app.conversation is None
        await _type_code(app, pilot, f" {code[:4].lower()} {code[4:]} ")
        assert app.conversation is not None and {first, second} <= set(app.conversation.answers)
        assert app.screen.step.question.id not in (first, second)


async def test_no_consent_stores_nothing_but_the_refusal(ui_store):
    app = _app(ui_store, "ar")
    async with app.run_test(size=(100, 40)) as pilot:
        await press_button(app, pilot, "#new")
        await press_button(app, pilot, "#no")
        assert translator("ar")(pages.NO_CONSENT) in screen_text(app)
        await press_button(app, pilot, "#close")
    assert [(e.kind, e.data.get("given")) for e in _events(ui_store)] == [("created", None), ("consent", False)]
    (row,) = summaries(ui_store)
    assert row.status == "no_consent"


async def test_too_many_wrong_codes_end_the_view(ui_store):
    seed_pre_intake(ui_store, CODE, stop_before="naam")
    app = _app(ui_store, "nl")
    async with app.run_test(size=(100, 40)) as pilot:
        await press_button(app, pilot, "#resume")
        for _ in range(resume.MAX_TRIES):
            await _type_code(app, pilot, "MMMMMMMM")
        assert translator("nl")(pages.CODE_TOO_OFTEN) in screen_text(app)
        assert app.conversation is None


async def test_the_end_shows_the_code_and_the_caseload_says_ready(ui_store):
    from assistant.dialog.loader import load_dialog
    from assistant.engine.session import Intake

    sid = seed_pre_intake(ui_store, CODE)  # every question answered alone
    store = Store(ui_store)
    it = Intake.open(store, sid, load_dialog(), actor="inburgeraar", today=lambda: TODAY)
    last = it.view.relevant()[-1]
    while not (last.pre_intake and last.type != "info"):
        last = it.view.relevant()[it.view.relevant().index(last) - 1]
    it.goto(last.id, "inburgeraar")  # back to one question: the view finishes after it
    it.pause("inburgeraar")
    it.close()
    store.close()
    app = _app(ui_store, "tr")
    async with app.run_test(size=(100, 40)) as pilot:
        await press_button(app, pilot, "#resume")
        await _type_code(app, pilot, CODE)
        assert app.screen.step.question.id == last.id
        await answer_current(app, pilot)
        shown = screen_text(app)
        assert translator("tr")(pages.DONE[0])[:20] in shown and resume.shown(CODE) in shown
        assert app.conversation is None  # stored and closed before the page was shown
    (row,) = summaries(ui_store)
    assert row.status == "ready"


async def test_the_chat_alone_says_nothing_meant_for_the_consulent(ui_store):
    app = _app(ui_store, "nl")
    async with app.run_test(size=(100, 40)) as pilot:
        for button in ("#new", "#yes", "#next"):
            await press_button(app, pilot, button)
        shown = screen_text(app)
        assert "Ctrl+O" not in shown and app.conversation.id not in shown
        assert shown.count("Elk antwoord wordt meteen bewaard.") == 1


async def test_the_questions_alone_are_worded_for_someone_alone_and_the_language_is_not_asked_twice(ui_store):
    from assistant.dialog.loader import load_dialog

    welcome = load_dialog().question("welkom_uitleg")
    ti = translator("ti")
    app = _app(ui_store, "ti")
    async with app.run_test(size=(100, 40)) as pilot:
        for button in ("#new", "#yes", "#next"):
            await press_button(app, pilot, button)
        shown = screen_text(app)
        alone = ti(welcome.in_mode("pre_intake").msg("text")).splitlines()[0]
        meeting = ti(welcome.msg("text")).splitlines()[1]  # "we talk about your life…"
        assert alone in shown and meeting not in shown
        await answer_current(app, pilot)  # the welcome read
        assert app.screen.step.question.id != "voertaal"
    by_kind = [(e.kind, e.actor, e.data.get("question"), e.data.get("value")) for e in _events(ui_store)]
    assert ("answered", "inburgeraar", "voertaal", "ti") in by_kind


async def test_right_to_left_prompts_on_the_language_page_are_aligned_right(ui_store):
    """Arabic and Persian read from the right: their prompt ends at the right edge, the others start left."""
    from assistant.i18n.locales import text_direction

    app = _app(ui_store)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        lines = screen_text(app).splitlines()
        for loc in pages.LOCALES:
            prompt = translator(loc)(pages.CHOOSE_LANGUAGE)
            line = next(ln for ln in lines if prompt in ln)
            if text_direction(loc) == "rtl":
                assert line.rstrip().endswith(prompt) and len(line.rstrip()) > 90, (loc, line)
            else:
                assert line.lstrip().startswith(prompt) and line.index(prompt) < 5, (loc, line)


async def test_escape_and_back_on_the_pages_before_the_questions_never_dead_end(ui_store):
    """"Continue with my code" by mistake: Back (or Escape) returns to the welcome; nothing is stored."""
    tr = translator("ti")
    app = _app(ui_store)
    async with app.run_test(size=(100, 40)) as pilot:
        await press(app, pilot, "enter")  # Tigrinya
        await press(app, pilot, "escape")  # the welcome: back to the languages
        assert all(display_name(loc) in screen_text(app) for loc in pages.LOCALES)
        await press(app, pilot, "enter")
        assert tr(pages.WELCOME[0])[:20] in screen_text(app)
        await press_button(app, pilot, "#resume")
        await _type_code(app, pilot, "AAAA-AAAA")
        assert tr(pages.CODE_WRONG) in screen_text(app)
        await press(app, pilot, "escape")  # from the code field: the welcome again
        assert tr(pages.WELCOME[0])[:20] in screen_text(app)
        await press_button(app, pilot, "#resume")
        await press_button(app, pilot, "#back")  # the button says the same
        assert tr(pages.WELCOME[0])[:20] in screen_text(app)
        await press_button(app, pilot, "#new")
        assert tr(pages.CONSENT[0])[:20] in screen_text(app)
        await press(app, pilot, "escape")  # consent not given nor refused: nothing stored, the welcome
        assert tr(pages.WELCOME[0])[:20] in screen_text(app) and app.conversation is None
        await press_button(app, pilot, "#new")
        await press_button(app, pilot, "#yes")
        await press(app, pilot, "escape")  # the code page: Escape does nothing, the code stays on screen
        assert resume.shown(app.code) in screen_text(app)
    store = Store(ui_store, readonly=True)
    try:
        assert len(store.sessions()) == 1  # only the one with consent
    finally:
        store.close()


async def test_the_pages_in_arabic_are_aligned_right(ui_store):
    tr = translator("ar")
    app = _app(ui_store, "ar")
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        for msg in pages.WELCOME:
            line = next(ln for ln in screen_text(app).splitlines() if tr(msg) in ln)
            assert line.rstrip().endswith(tr(msg)) and len(line.rstrip()) > 90, line
