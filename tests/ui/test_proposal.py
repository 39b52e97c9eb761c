"""The proposal screen: a typed deviation is never dropped by 'Akkoord' (issue 10
item 4); its fields have labels and the chat's date format; F2 and a key footer."""

from assistant.app.records import open_readonly
from tests.ui.driver import press, press_button, screen_text, seed_full_intake


async def open_proposal(app, pilot):
    await press(app, pilot, "enter")  # the seeded intake, from home: it opens at the proposal
    assert app.screen.id == "proposal"


async def test_akkoord_with_a_typed_deviation_is_refused_and_nothing_is_stored(make_app, ui_store):
    sid = seed_full_intake(ui_store)
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await open_proposal(app, pilot)
        app.screen.query_one("#gemeentecode").value = "0363"
        app.screen.query_one("#leerroute").value = "B"
        await press_button(app, pilot, "#agree")
        assert app.screen.id == "proposal"
        assert "Afwijken met motivatie" in screen_text(app) and "U vulde een afwijking in" in screen_text(app)
        assert open_readonly(ui_store, sid)["decision"] is None
        app.screen.query_one("#motivatie").value = "Wil eerst werken en Nederlands leren."
        await press_button(app, pilot, "#deviate")
        assert app.screen.id == "chat"
    besluit = open_readonly(ui_store, sid)["decision"]["besluit"]
    assert besluit["akkoord"] is False and besluit["leerroute"] == "B"
    assert besluit["dagtekening_pip"] == "2026-03-02"  # typed as 02-03-2026, stored as a date


async def test_proposal_fields_have_labels_the_chat_date_format_help_and_keys(make_app, ui_store):
    seed_full_intake(ui_store)
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await open_proposal(app, pilot)
        app.screen.query_one("#dagtekening").focus()
        await press(app, pilot)
        shown = screen_text(app)
        assert "Datum van het PIP" in shown and "02-03-2026" in shown and "2026-03-02" not in shown
        assert "Toetsen" in shown and "Terug naar het gesprek" in shown  # the key footer
        app.screen.query_one("#dagtekening").value = "31-02-2026"
        app.screen.query_one("#gemeentecode").value = "0363"
        await press_button(app, pilot, "#agree")
        assert "Deze datum bestaat niet" in screen_text(app)
        await press(app, pilot, "f2")
        assert len(app.screen.query("#keys")) == 1  # the key help opens here too
        await press(app, pilot, "escape")
        await press(app, pilot, "escape")  # back to the conversation, with a way on
        assert app.screen.id == "chat" and "Verder naar het voorstel" in screen_text(app)


async def test_tabbing_through_the_proposed_date_keeps_it(make_app, ui_store):
    """Tab selects a field's text in Textual; typed keys would then replace the date unseen."""
    seed_full_intake(ui_store)
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await open_proposal(app, pilot)
        await press(app, pilot, "tab")
        assert app.focused is app.screen.query_one("#dagtekening")
        await press(app, pilot, "0")
        assert app.screen.query_one("#dagtekening").value.startswith("02-03-2026")


async def test_a_z_route_shows_its_learning_goal_instead_of_a_niveau(make_app, ui_store):
    from assistant.ui.screens.proposal import ProposalScreen

    class Z:
        def to_json(self, tr):
            return {"leerroute": "Z", "niveau": None, "leerdoel": "A1", "alfabetisering": "A", "redenen": []}

    seed_full_intake(ui_store)
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await open_proposal(app, pilot)
        screen = app.screen
        assert isinstance(screen, ProposalScreen)
        screen.outcome = type("O", (), {"proposal": Z()})()
        await screen.recompose()
        await pilot.pause()
        assert "Niveau: geen; het leerdoel is A1" in screen_text(app)


async def test_a_dagtekening_with_an_impossible_year_is_refused_as_the_chat_refuses_it(make_app, ui_store):
    """The proposal read dates with its own copy of the parse, which lacked the year bound."""
    sid = seed_full_intake(ui_store)
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await open_proposal(app, pilot)
        app.screen.query_one("#dagtekening").value = "02-03-1026"
        app.screen.query_one("#gemeentecode").value = "0363"
        await press_button(app, pilot, "#agree")
        assert app.screen.id == "proposal" and "Het jaar 1026 kan niet kloppen" in screen_text(app)
    assert open_readonly(ui_store, sid)["decision"] is None
