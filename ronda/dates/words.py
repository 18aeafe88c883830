"""The words coordinators use for days, evenings, periods and times, in Bahasa Indonesia and
English: the vocabulary of ``ronda.dates.grammar``. Day and month names come from the tables
of ``ronda.dates.names``; here are the words around them."""

from __future__ import annotations

from ronda.dates.names import MONTH_NAMES, MONTH_SHORT

# Several words that say one thing, joined before the phrase is split (the joined form is the
# token read below).
PHRASES: tuple[tuple[str, str], ...] = (
    (r"hari ini", "hari_ini"), (r"(?:malam ini|nanti malam|malam nanti)", "malam_ini"),
    (r"(?:tadi malam|kemarin malam|kemaren malam|malam tadi)", "tadi_malam"),
    (r"(?:besok malam|esok malam)", "besok_malam"), (r"kemarin lusa", "kemarin_lusa"),
    (r"last night", "tadi_malam"), (r"tomorrow night", "besok_malam"),
    (r"tadi (pagi|siang|sore)", r"hari_ini \1"), (r"dini hari", "dini_hari"),
    (r"tengah malam", "tengah_malam"), (r"tengah hari", "tengah_hari"),
    (r"(?:kurang lebih|kira kira|kira-kira|sekitar pukul)", "sekitar"),
    (r"yang lalu", "lalu"), (r"(pekan|bulan) (ini|depan|lalu|kemarin)", r"\1_\2"),
    # "minggu depan" is next week, as nearly everyone says it; "hari Minggu depan" and
    # "malam Minggu ini" name a day
    (r"(?<!malam )(?<!hari )minggu (ini|depan|lalu|kemarin)", r"pekan_\1"),
    (r"(this|next|last) (week|month)", r"\1_\2"), (r"the day before yesterday", "kemarin_lusa"),
    (r"the day after tomorrow", "lusa"),
)
RELATIVE_DAYS = {"hari_ini": 0, "today": 0, "kemarin": -1, "kemaren": -1, "yesterday": -1,
                 "besok": 1, "esok": 1, "tomorrow": 1, "lusa": 2, "kemarin_lusa": -2}
# the evening of a day near today: tadi malam is yesterday's evening, whenever it is said
RELATIVE_EVENINGS = {"malam_ini": 0, "tonight": 0, "tadi_malam": -1, "semalam": -1,
                     "besok_malam": 1}
WEEKS = {"pekan_ini": 0, "this_week": 0, "pekan_depan": 1, "next_week": 1, "pekan_lalu": -1,
         "pekan_kemarin": -1, "last_week": -1}
MONTHS_AWAY = {"bulan_ini": 0, "this_month": 0, "bulan_depan": 1, "next_month": 1,
               "bulan_lalu": -1, "bulan_kemarin": -1, "last_month": -1}
# after a weekday (Sabtu lalu) or before it (last Saturday)
AFTER_WEEKDAY = {"ini": "this", "depan": "next", "lalu": "last", "kemarin": "last",
                 "kemaren": "last"}
BEFORE_WEEKDAY = {"this": "this", "next": "next", "last": "last", "coming": "this"}
EVENING = {"malam", "night", "evening"}
# words that carry nothing (a time may follow the first four)
HOUR_WORDS = {"pukul", "pkl", "pk", "jam", "at"}
FILLER = HOUR_WORDS | {"hari", "pada", "on", "sekitar", "around", "about", "±", "-", "–", "—",
                       "tanggal", "tgl", "date", "the", "of"}
DAY_OF_MONTH_WORDS = {"tanggal", "tgl"}
# a part of the day that tells which hour 1-12 is meant: the hours (0-23) it can be
QUALIFIERS: dict[str, tuple[range, ...]] = {
    "pagi": (range(0, 12),), "am": (range(0, 12),), "siang": (range(11, 16),),
    "sore": (range(15, 20),), "petang": (range(17, 20),), "pm": (range(12, 24),),
    "malam": (range(18, 24), range(0, 5)), "dini_hari": (range(0, 6),),
    "subuh": (range(3, 7),),
}
MIDNIGHT = {"tengah_malam", "midnight"}
NOON = {"tengah_hari", "noon"}
NOW_WORDS = {"now", "sekarang", "skrg", "saat ini", "right now", "barusan"}  # a moment
MONTH_SPELLINGS = {"sept": 9, "agt": 8, "ags": 8, "agst": 8, "agus": 8, "agust": 8, "okt": 10,
                   "des": 12, "nop": 11, "nopember": 11, "pebruari": 2, "peb": 2, "pebr": 2,
                   "febr": 2, "febuari": 2, "pebuari": 2, "mrt": 3}


def _months() -> dict[str, int]:
    found = dict(MONTH_SPELLINGS)
    for table in (*MONTH_NAMES.values(), *MONTH_SHORT.values()):
        for i, name in enumerate(table):
            found[name.lower()] = i + 1
    return found


MONTHS = _months()
