"""The `intake` command: `main` parses the arguments and hands each sub-command to its handler.

`output` (exit codes, `say`, `emit_json`) is a leaf, so no handler imports the
entry point; handlers call the use cases of `assistant.app`.
"""
