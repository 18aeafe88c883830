"""The weekdays people type for the days they can come: ``sen-jum``, ``hari kerja``,
``malam Minggu``, in either language."""

from __future__ import annotations

import re

from ronda.dates.names import DAY_KEYS, DAY_NAMES, DAY_SHORT
from ronda.errors import BadInput


def _day_aliases() -> dict[str, str]:
    aliases: dict[str, str] = {}
    for names in (*DAY_NAMES.values(), *DAY_SHORT.values()):
        for key, name in zip(DAY_KEYS, names, strict=True):
            aliases[name.lower()] = key
    aliases.update({"jumat": "fri", "jum'at": "fri", "ahad": "sun", "tues": "tue",
                    "thur": "thu", "thurs": "thu", "kam": "thu"})
    return aliases


DAY_ALIASES = _day_aliases()
# words for several days at once, in both languages
DAY_GROUPS: dict[str, tuple[str, ...]] = {
    **dict.fromkeys(("all", "semua", "every", "setiap", "daily", "tiap", "setiap hari",
                     "tiap hari", "semua hari", "every day", "everyday", "all days"), DAY_KEYS),
    **dict.fromkeys(("hari kerja", "weekdays", "weekday", "working days"), DAY_KEYS[:5]),
    # the weekend's days as named, Saturday and Sunday (the evening before Saturday is
    # written ``malam Sabtu``, ``Jumat malam``)
    **dict.fromkeys(("weekend", "week end", "akhir pekan", "akhir minggu"), DAY_KEYS[5:]),
}
# patterns, compiled when first used (start-up stays light)
_GROUP_PHRASE = (r"\b(" + "|".join(sorted((g for g in DAY_GROUPS if " " in g),
                                                     key=len, reverse=True)) + r")\b")
_RANGE = (r"\s*(?:-|–|—|\bs\.?d\.?(?![a-z])|\bsampai\b|\bhingga\b|\bto\b|"
                    r"\bthrough\b|\bthru\b)\s*")  # sen - jum, senin s.d. jumat, mon to fri
_LIST = r"[,\s;/&+]+|\bdan\b|\band\b"


def parse_day(text: str) -> str:
    """One weekday in English or Indonesian, long or short, to its key (``mon`` … ``sun``)."""
    key = DAY_ALIASES.get(text.strip().lower().rstrip("."))
    if key is None:
        raise BadInput("err.bad_day", value=text.strip())
    return key


def _evening_before(m: re.Match[str]) -> str:
    key = DAY_ALIASES.get(m[1])
    return DAY_KEYS[DAY_KEYS.index(key) - 1] if key else m[0]


def parse_days(text: str) -> list[str]:
    """The weekdays a volunteer can serve, as typed: ``mon,tue``, ``sen sel rab``, ``senin dan
    kamis``, ``sen-jum``, ``Sen–Jum``, ``senin s.d. jumat``, ``hari kerja``/``weekdays``,
    ``semua``/``setiap hari``, ``weekend``/``akhir pekan`` (Saturday and Sunday), ``hari
    Minggu``. A day is an evening's date, so
    ``malam Minggu`` is ``sab`` (``Sabtu malam`` too)."""
    raw = " ".join(text.strip().lower().replace("’", "'").split())
    raw = re.sub(_GROUP_PHRASE, lambda m: m[1].replace(" ", "_"), raw)
    raw = re.sub(r"\bhari\b(?!_)", " ", raw)  # hari Minggu, Hari Sabtu dan Minggu
    raw = re.sub(r"\bmalam\s+([a-z']+)", _evening_before, raw)
    raw = re.sub(r"\b([a-z']+)\s+malam\b", r"\1", raw)
    parts = [p for p in re.split(_LIST, re.sub(_RANGE, "-", raw)) if p]
    if not parts:
        raise BadInput("err.bad_day", value=text)
    chosen: set[str] = set()
    for part in parts:
        group = DAY_GROUPS.get(part.replace("_", " "))
        if group:
            chosen.update(group)
        elif "-" in part and part not in DAY_ALIASES:
            first, _, last = part.partition("-")
            i, j = DAY_KEYS.index(parse_day(first)), DAY_KEYS.index(parse_day(last))
            span = range(i, j + 1) if i <= j else [*range(i, 7), *range(0, j + 1)]
            chosen.update(DAY_KEYS[k] for k in span)
        else:
            chosen.add(parse_day(part))
    return [d for d in DAY_KEYS if d in chosen]
