"""Checks on the translation catalogs, run by `intake check` and the test suite.

Babel checks neither ``{name}`` placeholders nor whether a translation is
safe to show, and it compiles a half-translated catalog without a word. These
checks make each gap a `Problem` that names the locale, the text and what to
do. Per locale: completeness against a freshly extracted template (so a new
source text without a translation fails), nothing fuzzy, placeholder parity,
content safety (no markup, control or bidi-override characters), plural forms
that match babel's CLDR data, and validation messages really translated.
"""

from __future__ import annotations

import gettext
import re
import string
from collections import Counter
from dataclasses import dataclass
from fnmatch import fnmatch
from pathlib import Path

import assistant.i18n.catalogs as catalogs
from assistant.base.text import clean
from assistant.i18n.codes import TARGET_LOCALES

# Validation messages: what a person sees when an answer or a decision is refused.
VALIDATION_FILES = ("assistant/engine/parse.py", "assistant/advice/decision.py",
                    "assistant/advice/duo_rules.py", "assistant/*valid*.py")
VALIDATION_CONTEXTS = ("validation", "besluit", "duo.regel")
_BRACKETED = re.compile(r"\[[^\[\]]*\]")


@dataclass(frozen=True)
class Problem:
    check: str
    locale: str | None
    where: str      # context, or a file
    msgid: str
    detail: str
    fix: str

    def __str__(self) -> str:
        loc = f"[{self.locale}] " if self.locale else ""
        text = (self.msgid[:60] + "…") if len(self.msgid) > 60 else self.msgid
        ref = f"{self.where} " if self.where else ""
        return f"{loc}{self.check}: {ref}\"{text}\": {self.detail}; {self.fix}"


def run_all_checks(locales_dir: Path | None = None, root: Path = catalogs.SOURCE_ROOT) -> list[Problem]:
    """Every catalog check for every target locale (the entry point of `intake check`)."""
    from assistant.i18n.translate import locales_dir as default_dir

    base = locales_dir or default_dir()
    problems: list[Problem] = []
    if catalogs.has_sources(root):
        template = catalogs.extract(root)
        problems += template_problems(base, template)
    else:  # an installed wheel: the bundled template is the reference
        template = _read(catalogs.pot_path(base), None)
    for locale in TARGET_LOCALES:
        path = catalogs.po_path(base, locale)
        if not path.exists():
            problems.append(Problem("completeness", locale, str(path), "", "no catalog",
                                    "run scripts/update-catalogs to create it"))
            continue
        problems += check_catalog(locale, _read(path, locale), template)
    return problems


def _read(path: Path, locale: str | None):
    from babel.messages.pofile import read_po

    with path.open("rb") as f:
        return read_po(f, locale=locale)


def template_problems(base: Path, template) -> list[Problem]:
    """The committed .pot must hold exactly the texts in the sources."""
    pot = catalogs.pot_path(base)
    committed = _keys(_read(pot, None)) if pot.exists() else set()
    fresh = _keys(template)
    return [Problem("template", None, str(pot), msgid, f"{what} since the last update ({ctx or 'no context'})",
                    "run scripts/update-catalogs and commit the result")
            for what, keys in (("new", fresh - committed), ("gone", committed - fresh))
            for msgid, ctx in sorted(keys, key=lambda k: (k[1] or "", k[0]))]


def _keys(catalog) -> set[tuple[str, str | None]]:
    return {(_first(m.id), m.context) for m in catalog if m.id}


def _first(value):
    return value[0] if isinstance(value, (list, tuple)) else value


def check_catalog(locale: str, po, template) -> list[Problem]:
    """All per-locale checks of one catalog against the template."""
    out = plural_problems(locale, po) + fuzzy_problems(locale, po)
    out += completeness_problems(locale, po, template)
    for m in po:
        if not m.id or not _forms(m.string) or "fuzzy" in m.flags:
            continue
        out += placeholder_problems(locale, m, po.num_plurals) + markup_problems(locale, m)
        out += validation_problems(locale, m)
    return out


def _forms(value) -> list[str]:
    forms = list(value) if isinstance(value, (list, tuple)) else [value]
    return [f for f in forms if f]


def _p(check: str, locale: str, m, detail: str, fix: str) -> Problem:
    return Problem(check, locale, m.context or "", _first(m.id), detail, fix)


def completeness_problems(locale: str, po, template) -> list[Problem]:
    out = []
    fix = f"translate it in locales/{locale}/LC_MESSAGES/intake.po"
    for t in template:
        if not t.id:
            continue
        m = po.get(t.id, context=t.context)
        if m is None:
            out.append(_p("completeness", locale, t, "not in the catalog", "run scripts/update-catalogs, then " + fix))
        elif len(_forms(m.string)) < (po.num_plurals if t.pluralizable else 1):
            out.append(_p("completeness", locale, t, "no translation", fix))
    known = _keys(template)
    out += [_p("completeness", locale, m, "obsolete: no longer in the sources", "run scripts/update-catalogs")
            for m in po if m.id and (_first(m.id), m.context) not in known]
    return out


def fuzzy_problems(locale: str, po) -> list[Problem]:
    out = []
    if po.fuzzy:
        out.append(Problem("fuzzy", locale, "header", "", "the catalog is marked fuzzy",
                           "remove '#, fuzzy' above msgid \"\" (compilers skip fuzzy catalogs)"))
    out += [_p("fuzzy", locale, m, "marked fuzzy: the Dutch text changed",
               "check the translation against the new Dutch text and remove '#, fuzzy'")
            for m in po if m.id and "fuzzy" in m.flags]
    return out


def placeholders(text: str) -> set[str] | None:
    """The ``{name}`` fields of a str.format text; None when it is malformed."""
    try:
        return {re.split(r"[.\[]", name)[0] for _, name, _, _ in string.Formatter().parse(text)
                if name is not None}
    except ValueError:
        return None


def placeholder_problems(locale: str, m, nplurals: int) -> list[Problem]:
    source = set().union(*(placeholders(s) or set() for s in _as_list(m.id)))
    out = []
    for form in _forms(m.string):
        found = placeholders(form)
        if found is None:
            out.append(_p("placeholders", locale, m, f"broken braces in {form!r}",
                          "write placeholders as {name}; a literal brace as {{ or }}"))
            continue
        # Plural forms may leave out {n} ("one question"); every other name must stay.
        needed = source - {"n"} if m.pluralizable else source
        if not needed <= found or not found <= source:
            out.append(_p("placeholders", locale, m,
                          f"placeholders {sorted(found)} differ from the Dutch {sorted(source)}",
                          "use exactly the Dutch {names}, untranslated"))
    return out


def _as_list(value) -> list[str]:
    return list(value) if isinstance(value, (list, tuple)) else [value]


def markup_problems(locale: str, m) -> list[Problem]:
    """A translation is shown as content: no markup tags, no control or bidi controls."""
    out = []
    allowed = Counter(seg for s in _as_list(m.id) for seg in _BRACKETED.findall(s))
    for form in _forms(m.string):
        rest, budget = form, allowed.copy()
        for seg in _BRACKETED.findall(form):
            if budget[seg] > 0:
                budget[seg] -= 1
                rest = rest.replace(seg, "", 1)
        if "[" in rest:
            out.append(_p("markup", locale, m, "square brackets that the Dutch text does not have",
                          "leave out [ ]: the interface could read them as markup"))
        if clean(form, multiline=True) != form:
            bad = sorted({f"U+{ord(c):04X}" for c in form if c not in clean(c, multiline=True)})
            out.append(_p("markup", locale, m, f"control or bidi-override characters {', '.join(bad)}",
                          "remove them; the interface sets the direction itself"))
    return out


def plural_problems(locale: str, po) -> list[Problem]:
    """Plural-Forms must agree with babel's CLDR rule for the language."""
    import babel
    from babel.core import get_cldr_version
    from babel.messages.plurals import get_plural

    rules = f"babel {babel.__version__}, CLDR {get_cldr_version()}"  # whose rules these are, in every message
    want = get_plural(locale)
    out = []
    got = gettext.c2py(po.plural_expr)
    expected = gettext.c2py(want.plural_expr)
    if po.num_plurals != want.num_plurals or any(got(n) != expected(n) for n in range(1000)):
        out.append(Problem("plurals", locale, "header", "", f"Plural-Forms is '{po.plural_forms}'",
                           f"use '{want.plural_forms}' ({rules}, for {locale})"))
    out += [_p("plurals", locale, m, f"{len(m.string)} plural forms, the language has {want.num_plurals} ({rules})",
               "run scripts/update-catalogs and fill every form")
            for m in po if m.id and m.pluralizable and len(m.string) != want.num_plurals]
    return out


def is_validation(m) -> bool:
    ctx = m.context or ""
    if any(ctx == c or ctx.startswith(c + ".") for c in VALIDATION_CONTEXTS):
        return True
    return any(fnmatch(path, pattern) for path, _ in m.locations for pattern in VALIDATION_FILES)


def validation_problems(locale: str, m) -> list[Problem]:
    if not is_validation(m) or not any(form == _first(m.id) for form in _forms(m.string)):
        return []
    return [_p("validation", locale, m, "the validation message is still the Dutch text",
               "translate it: people must understand why their answer was refused")]
