"""Training mode: practice cases, scoring of attempts, the trainer's report.

Practice work is kept apart from real work: it lives in its own store file
(`assistant.store.practice.training_store_path`), and the guards in
`assistant.engine.training_guard` (also named in `assistant.training.guard`)
keep it out of the caseload, DUO exports and LBT imports, and mark every
document "OEFENING".
"""
