"""The RT's register of letters sent (buku agenda surat keluar): each letter's number, counted
from 1 in each year of issue, and what it is about, so that a letter printed again keeps its
number and its date.

Numbers are written as Indonesian offices write them: ``007/RT.005/XI/2026`` — the running
number of the year, the RT, the month of issue in Roman numerals, the year.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from ronda.model import SchemaError, _iso_date, _need

KINDS = ("polsek",)  # the handover of incidents to the Polsek
ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")


@dataclass(frozen=True)
class Letter:
    """One letter of the register: its number within the year it was issued, the day of
    issue, and the records it is about (incident ids, in order)."""

    id: int
    kind: str
    number: int
    issued: date
    about: tuple[int, ...]

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "kind": self.kind, "number": self.number,
                "issued": self.issued.isoformat(), "about": list(self.about)}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Letter:
        if not isinstance(d, dict):
            raise SchemaError("schema.not_an_object")
        about = _need(d, "about", list)
        if not all(isinstance(i, int) and not isinstance(i, bool) for i in about):
            raise SchemaError("schema.ids", field="about")
        kind, number = _need(d, "kind", str), _need(d, "number", int)
        if kind not in KINDS or number < 1:
            raise SchemaError("schema.field_malformed", field="kind/number")
        return cls(_need(d, "id", int), kind, number, _iso_date(d.get("issued"), "issued"),
                   tuple(about))


def issue_letter(register: Sequence[Letter], kind: str, about: Sequence[int],
                 today: date) -> tuple[Letter, bool]:
    """The letter of ``kind`` about exactly ``about``: the one issued before, with its number
    and date, or a new one dated ``today`` with the next number of today's year (id 0, for
    the storage to give); and whether it is new."""
    key = tuple(sorted(set(about)))
    for letter in register:
        if letter.kind == kind and letter.about == key:
            return letter, False
    taken = [letter.number for letter in register if letter.issued.year == today.year]
    return Letter(0, kind, max(taken, default=0) + 1, today, key), True


def letter_number(letter: Letter, rt: str) -> str:
    """``007/RT.005/XI/2026``; ``007/RT/XI/2026`` for a neighbourhood with no RT number."""
    office = f"RT.{rt}" if rt else "RT"
    return f"{letter.number:03d}/{office}/{ROMAN[letter.issued.month - 1]}/{letter.issued.year}"


_ONES = {"id": ("", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan",
                "sembilan"),
         "en": ("", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")}
_TEENS = ("ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
          "eighteen", "nineteen")
_TENS = ("", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")


def in_words(n: int, lang: str) -> str:
    """A count in words, as a letter writes it after the figure (``3 (tiga)``, ``3
    (three)``): Indonesian for languages written the Indonesian way, else English; up to
    999 (a larger count stays in figures)."""
    from ronda.dates import indonesian_formats

    if n >= 1000 or n < 0:
        return str(n)
    if indonesian_formats(lang):
        return _indonesian(n)
    if n == 0:
        return "zero"
    hundreds, rest = divmod(n, 100)
    ones = _ONES["en"]
    words = [f"{ones[hundreds]} hundred"] if hundreds else []
    if rest and hundreds:
        words.append("and")
    if 10 <= rest < 20:
        words.append(_TEENS[rest - 10])
    elif rest:
        tens, one = divmod(rest, 10)
        words.append("-".join(w for w in (_TENS[tens], ones[one]) if w))
    return " ".join(words)


def _indonesian(n: int) -> str:
    if n == 0:
        return "nol"
    ones = _ONES["id"]
    hundreds, rest = divmod(n, 100)
    words = [] if not hundreds else ["seratus" if hundreds == 1 else f"{ones[hundreds]} ratus"]
    tens, one = divmod(rest, 10)
    if tens == 1:
        words.append({0: "sepuluh", 1: "sebelas"}.get(one, f"{ones[one]} belas"))
    else:
        if tens:
            words.append(f"{ones[tens]} puluh")
        if one:
            words.append(ones[one])
    return " ".join(words)
