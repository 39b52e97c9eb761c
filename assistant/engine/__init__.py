"""One intake's state machine: `session.Intake` takes an intent, commits one event and returns a `step.Step`.

No I/O of its own besides the store it is given, no Textual; `machine` is the
only module that imports `transitions`.
"""
