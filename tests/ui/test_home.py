"""The caseload: dates are shown whole, a deadline already past is marked (issue 10 item 8)."""

from datetime import date

from assistant.i18n.locales import format_date
from tests.ui.driver import screen_text, seed_full_intake


async def test_started_date_keeps_its_year_and_an_overdue_deadline_is_marked(make_app, ui_store, monkeypatch):
    # a two-digit day: '29 nov 2026' was cut to '29 nov 202'
    monkeypatch.setattr("assistant.store.sqlite.now_iso", lambda: "2025-11-29T10:00:00.000+00:00")
    late = seed_full_intake(ui_store, submit=False, answers={"datum_kennisgeving": "05-01-2025",
                                                              "datum_inschrijving_brp": "05-01-2025"})
    on_time = seed_full_intake(ui_store, submit=False)
    app = make_app()
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        rows = {line.split()[0]: line for line in screen_text(app).splitlines()
                if line.split() and line.split()[0] in (late, on_time)}
    started = format_date(date(2025, 11, 29), "nl", "medium")
    assert started in rows[late] and started in rows[on_time]
    assert "verlopen" in rows[late] and "verlopen" not in rows[on_time]
