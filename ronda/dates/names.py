"""The names of days, months and time zones in each language's formats, and the zones
themselves: the ground every other module of ``ronda.dates`` stands on."""

from __future__ import annotations

from datetime import date
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from ronda.errors import BadInput
from ronda.i18n import formats

DAY_KEYS: tuple[str, ...] = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


class _ByFormats(dict[str, tuple[str, ...]]):
    """Names for ``en`` and ``id``; another language takes those of the formats it follows
    (``formats`` in its language file)."""

    def __missing__(self, lang: str) -> tuple[str, ...]:
        return self[formats(lang)]


def indonesian_formats(lang: str) -> bool:
    """Whether ``lang`` writes times, nights and moments the Indonesian way (22.00, Malam
    Minggu, pukul): Indonesian, and any language whose file says ``formats = "id"``."""
    return formats(lang) == "id"


DAY_NAMES: dict[str, tuple[str, ...]] = _ByFormats({
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
    "id": ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"),
})
DAY_SHORT: dict[str, tuple[str, ...]] = _ByFormats({
    "en": ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"),
    "id": ("Sen", "Sel", "Rab", "Kam", "Jum", "Sab", "Min"),
})
MONTH_NAMES: dict[str, tuple[str, ...]] = _ByFormats({
    "en": ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"),
    "id": ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
           "September", "Oktober", "November", "Desember"),
})
MONTH_SHORT: dict[str, tuple[str, ...]] = _ByFormats({
    "en": ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"),
    "id": ("Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des"),
})

# Indonesian zone abbreviations; Asia/Pontianak is WIB too.
ZONE_ABBREVIATIONS: dict[str, str] = {
    "Asia/Jakarta": "WIB",
    "Asia/Pontianak": "WIB",
    "Asia/Makassar": "WITA",
    "Asia/Jayapura": "WIT",
}
ZONE_BY_ABBREVIATION: dict[str, str] = {"WIB": "Asia/Jakarta", "WITA": "Asia/Makassar",
                                        "WIT": "Asia/Jayapura"}

def day_key(d: date) -> str:
    """The weekday key of a date."""
    return DAY_KEYS[d.weekday()]


def parse_timezone(text: str) -> str:
    """``WIB``/``WITA``/``WIT`` or an IANA name to the IANA name."""
    raw = text.strip()
    if raw.upper() in ZONE_BY_ABBREVIATION:
        return ZONE_BY_ABBREVIATION[raw.upper()]
    if "/" in raw or raw == "UTC":
        zone(raw)
        return raw
    raise BadInput("err.bad_timezone", value=raw)


def zone(name: str) -> ZoneInfo:
    """The ZoneInfo for a stored IANA name."""
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        raise BadInput("err.bad_timezone", value=name) from None


def zone_label(name: str) -> str:
    """``WIB`` for Asia/Jakarta; the IANA name elsewhere."""
    return ZONE_ABBREVIATIONS.get(name, name)
