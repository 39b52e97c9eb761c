"""A real process that answers an intake and prints ACK after each stored answer.

Used by the SIGKILL test: ``python -m tests.helpers.answer_driver STORE SEED [SESSION]``.
An answer is acknowledged (ACK printed) only after `Intake.answer` returned,
i.e. after its event was committed — exactly when the chat shows the next question.
"""

import json
import random
import sys

from assistant.dialog.loader import load_dialog
from assistant.engine.session import Intake
from assistant.store.sqlite import Store
from tests.helpers.answers import sample_input


def main() -> None:
    store = Store(sys.argv[1])
    rng = random.Random(int(sys.argv[2]))
    dialog = load_dialog()
    intake = Intake.open(store, sys.argv[3], dialog) if len(sys.argv) > 3 else Intake.start(store, dialog)
    print(f"SESSION {intake.id}", flush=True)
    step = intake.step()
    while step.kind == "question":
        q = step.question
        step = intake.answer(sample_input(q, rng, {"lbt_status": "1"}))
        if step.error is not None:
            print(f"ERROR {q.id} {step.error.msgid}", flush=True)
            sys.exit(3)
        print(f"ACK {q.id} {json.dumps(intake.record.get(q.id), ensure_ascii=False)}", flush=True)
    print("DONE", flush=True)


if __name__ == "__main__":
    main()
