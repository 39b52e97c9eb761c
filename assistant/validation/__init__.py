"""Hostile input stops at the door: strict shapes for case files and the consulent's decision.

Checks that are about the *shape* of untrusted input rather than the dialog's
rules: JSON depth and number size, ISO dates with a sane year, the besluit's
fields, the gemeentecode against CBS's list, a motivation with real words,
locales from the shipped list. Each problem is (field, Msg), never an exception
that would end in the catch-all message.
"""
