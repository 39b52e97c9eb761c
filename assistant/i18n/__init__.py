"""The language pipeline: translators, catalogs, locales, formats, checks, bidi, readability.

The names most code needs are re-exported here: `Msg` and the markers `_`,
`C_`, `N_` (from `assistant.base.messages`) and `translator`. Modules inside
this package import their siblings directly, never this package.
"""

from assistant.base.messages import C_, N_, Msg, _
from assistant.i18n.codes import DOMAIN, SOURCE_LOCALE
from assistant.i18n.translate import Translator, available_locales, locales_dir, translator

__all__ = [
           "C_",
           "DOMAIN",
           "N_",
           "SOURCE_LOCALE",
           "Msg",
           "Translator",
           "_",
           "available_locales",
           "locales_dir",
           "translator",
]
