"""Test-only catalogs (Arabic, Tigrinya) for a few PIP texts, built in memory with babel.

The project's real catalogs may not be translated yet; these let the PDF test
prove that second-language text really comes out shaped, in the right
direction and in a font with the right glyphs.
"""

from __future__ import annotations

import gettext
import io

from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo

from assistant.i18n import Translator

TEXTS = {
    "ar": {
        ("pip", "Persoonlijk Plan Inburgering en Participatie (PIP)"): "الخطة الشخصية للاندماج والمشاركة",
        ("pip", "Het besluit over uw leerroute"): "القرار بشأن مسار التعلم الخاص بك",
        ("pip", "Leerroute"): "مسار التعلم",
        ("pip.route", "Onderwijsroute"): "مسار التعليم",
        ("pip.route", "Zelfredzaamheidsroute (Z-route)"): "مسار الاعتماد على النفس",
        ("pip", "Bent u het niet eens met dit plan?"): "هل لا توافق على هذه الخطة؟",
        ("pip", "Hoe lang duurt het?"): "كم من الوقت يستغرق؟",
    },
    "ti": {
        ("pip", "Persoonlijk Plan Inburgering en Participatie (PIP)"): "ውልቃዊ መደብ ምውህሃድን ተሳትፎን",
        ("pip", "Het besluit over uw leerroute"): "ውሳነ ብዛዕባ መንገዲ ትምህርትኹም",
        ("pip", "Leerroute"): "መንገዲ ትምህርቲ",
        ("pip.route", "Zelfredzaamheidsroute (Z-route)"): "መንገዲ ርእሰ-ምኽኣል",
        ("pip.route", "Onderwijsroute"): "መንገዲ ትምህርቲ",
        ("pip", "Bent u het niet eens met dit plan?"): "በዚ መደብ ዘይትሰማምዑ ዲኹም?",
        ("pip", "Hoe lang duurt het?"): "ክንደይ ግዜ ይወስድ?",
    },
}


def translator_for(locale: str) -> Translator:
    catalog = Catalog(locale=locale, fuzzy=False)
    for (context, msgid), msgstr in TEXTS[locale].items():
        catalog.add(msgid, msgstr, context=context)
    buf = io.BytesIO()
    write_mo(buf, catalog)
    buf.seek(0)
    return Translator(locale, gettext.GNUTranslations(buf))
