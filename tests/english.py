"""English words in a text meant to be Indonesian: the check behind the catalogue test and
the error-path test.

``WORDS`` are common English words that Indonesian does not share (``data``, ``status``,
``per``, ``folder``, ``format``, ``terminal``, ``total``, ``November`` are Indonesian too and
are not here). ``ALLOWED`` are names kept in every language (formats, protocols, products).
What a user typed or must type is not prose: quoted text (``'ronda db backups'``,
``'docx'``), options (``--format``), file paths, placeholders (``{path}``) and ``ronda``
commands are left out before looking.
"""

from __future__ import annotations

import re

_WORDS = """
the is are was were be been being not of to and with from for this that these those it its
there which who whom what when where why how all any each every some one two three none only
also but if then than such must may can cannot could would should will shall do does did done
has have had make made get got use used using file files name names missing empty error
errors warning usage option options argument arguments command commands default required
choice invalid value values number date time day days week weeks month months year years read
write written found exist exists already add added remove removed edit list show shown taken
bytes settings setting volunteer volunteers shift shifts incident incidents backup backups
people person team leader night nights away back open new old first last next previous today
tomorrow yesterday tonight weekend sound broken see help more less most least about after
before between into over under again still yet just you your mean directory permission denied
too long short many much unknown please try run wrong page pages print printed text in on at
by as or holiday holidays events cash reporters plan changes expected got such no_such
january february march june july august october december monday tuesday wednesday thursday
friday saturday sunday mon tue wed thu fri sat sun
"""
WORDS = frozenset(_WORDS.split())

ALLOWED = frozenset({"whatsapp", "caldav", "pdf", "csv", "html", "ics", "json", "markdown",
                     "md", "teams", "url", "qr", "utf", "ok", "ronda"})

_NOT_PROSE = [
    re.compile(r"\{[^{}]*\}"),  # a placeholder of the catalogue
    re.compile(r"'[^'\n]*'|`[^`\n]*`|\"[^\"\n]*\""),  # quoted: typed, or to be typed
    re.compile(r"(?<![\w-])--?[A-Za-z][\w-]*"),  # an option
    re.compile(r"\bronda(?:\s+[a-z][a-z-]*)+"),  # a command
    re.compile(r"\b[a-z]+(?:[-.][a-z0-9]+)+\b|\b[A-Z][A-Z0-9]*_[A-Z0-9_]+\b"),  # a key, a variable
    re.compile(r"https?://\S+|\S*[/\\]\S*|\S+\.(?:csv|json|pdf|html|ics|md|toml)\b"),  # paths
]


def english_words(text: str) -> list[str]:
    """The English words of ``WORDS`` found in ``text``'s prose."""
    for pattern in _NOT_PROSE:
        text = pattern.sub(" ", text)
    return [w for w in re.findall(r"[A-Za-z]+", text)
            if w.lower() in WORDS and w.lower() not in ALLOWED]
