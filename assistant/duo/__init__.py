"""DUO messages, checked against DUO's own schemas: `pip_export` (the PIP), `lbt_import` (the toets result).

Schemas are copies kept in `assistant/duo/schemas/` (source:
duonl/gemeente-m2m-inburgering, commit f4973d4), read by `schema`.
"""
