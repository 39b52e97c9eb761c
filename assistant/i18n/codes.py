"""The languages the assistant speaks and the catalog domain: plain constants, no imports.

Dutch is the source locale: every msgid is the Dutch (B1) text itself.
"""

SOURCE_LOCALE = "nl"
DOMAIN = "intake"
TARGET_LOCALES = ("en", "ar", "fa", "ti", "tr", "so")
ALL_LOCALES = (SOURCE_LOCALE, *TARGET_LOCALES)
