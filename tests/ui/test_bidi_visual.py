"""The visual-order option for terminals without bidi: per line after wrapping, never in input fields."""

import pytest

from assistant.base.settings import Settings
from assistant.dialog.loader import load_dialog
from assistant.i18n import translator
from assistant.ui.widgets.bidi import visual_lines
from tests.ui.driver import answer_current, start_new_until

TYPED = "أريد أن أعمل"  # typed by the person: logical order, unshaped


def _presentation_forms(line: str) -> bool:
    return any("\ufb50" <= c <= "\ufdff" or "\ufe70" <= c <= "\ufeff" for c in line)


@pytest.mark.parametrize("visual", [False, True])
async def test_second_language_lines_follow_the_option_and_the_input_stays_logical(make_app, visual):
    app = make_app(dialog=load_dialog(), settings=Settings(bidi_visual=visual))
    async with app.run_test(size=(100, 30)) as pilot:
        await start_new_until(app, pilot, "land_herkomst", {"voertaal": "ar"})
        log = app.screen.query_one("#transcript")
        question = app.screen.step.question
        arabic = translator("ar")(question.msg("text"))
        lines = [s.text.strip() for s in log.lines[-3:]]
        if visual:
            width = log.scrollable_content_region.width
            assert visual_lines(arabic, width, "rtl")[-1] in lines
            assert any(_presentation_forms(line) for line in lines)
        else:
            assert arabic in lines
            assert not any(_presentation_forms(line) for line in lines)
        field = app.screen.query_one("#input-area Input")
        field.value = TYPED
        assert field.value == TYPED  # the input field is never reordered or reshaped
        await answer_current(app, pilot, TYPED)
        assert app.conversation.answers["land_herkomst"] == TYPED
