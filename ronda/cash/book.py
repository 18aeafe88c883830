"""The kas: the neighbourhood's cash book for the ronda. Jimpitan collected, fines paid, dues
and gifts come in; torches, batteries, coffee for the pos and repairs go out. Every entry
keeps its date, amount, kind and a note; the balance and the month's report are read from
the entries, never stored.

A fine is owed from the night's attendance (``Absence.fine``) and paid by an entry of kind
``fine`` that names that night and person, so the book alone says what is still owed.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from ronda.errors import BadInput
from ronda.model import SchemaError, _need, clean_text
from ronda.parsing import parse_choice
from ronda.schedule.shifts import Shift

INCOME = ("jimpitan", "fine", "dues", "donation", "other-in")
SPENDING = ("equipment", "consumables", "repair", "other-out")
KINDS = (*INCOME, *SPENDING)
KIND_WORDS = {"denda": "fine", "iuran": "dues", "sumbangan": "donation", "donasi": "donation",
              "peralatan": "equipment", "alat": "equipment", "konsumsi": "consumables",
              "perbaikan": "repair", "pemasukan-lain": "other-in", "lainnya-masuk": "other-in",
              "pengeluaran-lain": "other-out", "lainnya-keluar": "other-out",
              "pengeluaran": "other-out", "belanja": "other-out"}
# "lainnya" alone could be money in or out: it is refused with the two it could mean
MAX_AMOUNT = 100_000_000


@dataclass(frozen=True)
class CashEntry:
    """One line of the cash book: money in (``amount`` > 0) or out (< 0) on ``day``."""

    id: int
    day: date
    amount: int
    kind: str
    note: str = ""
    fine_of: tuple[date, int, int] | None = None  # (evening, slot, volunteer) of a paid fine

    @property
    def incoming(self) -> bool:
        return self.amount > 0

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "date": self.day.isoformat(), "amount": self.amount,
                "kind": self.kind, "note": self.note,
                "fine_of": ({"date": self.fine_of[0].isoformat(), "slot": self.fine_of[1],
                             "volunteer": self.fine_of[2]} if self.fine_of else None)}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> CashEntry:
        try:
            fine = d.get("fine_of")
            kind = _need(d, "kind", str)
            amount = _need(d, "amount", int)
            if kind not in KINDS or isinstance(amount, bool) or not amount or \
                    (amount > 0) != (kind in INCOME):
                raise SchemaError("schema.cash_kind")
            return cls(_need(d, "id", int), date.fromisoformat(_need(d, "date", str)), amount,
                       kind, _need(d, "note", str),
                       (date.fromisoformat(fine["date"]), int(fine["slot"]),
                        int(fine["volunteer"])) if fine else None)
        except SchemaError:
            raise
        except KeyError as exc:
            raise SchemaError("schema.missing_field", field=exc.args[0]) from None
        except (TypeError, ValueError) as exc:
            raise SchemaError("schema.malformed", detail=type(exc).__name__) from None


def parse_kind(text: str) -> str:
    """A kind of entry as typed, in either language."""
    return parse_choice(text, KINDS, "--kind", words=KIND_WORDS)


def new_entry(day: date, amount: int, kind: str, note: str = "",
              today: date | None = None) -> CashEntry:
    """An entry to store (its id is given on saving): ``amount`` as written, always
    positive; whether it comes in or goes out follows from ``kind``. A fine is paid with
    ``pay_fines`` (so the book knows whose); money is not written on a day still to come."""
    if not 0 < amount <= MAX_AMOUNT:
        raise BadInput("err.out_of_range", field="amount", value=amount, low=1, high=MAX_AMOUNT)
    if kind == "fine":
        raise BadInput("err.fine_via_schedule")
    if today is not None and day > today:
        raise BadInput("err.cash_future", day=day.isoformat())
    return CashEntry(0, day, amount if kind in INCOME else -amount, kind,
                     clean_text(note, field_name="--note", limit=200))


def balance(entries: Sequence[CashEntry], until: date | None = None) -> int:
    """What is in the kas at the end of ``until`` (or now)."""
    return sum(e.amount for e in entries if until is None or e.day <= until)


@dataclass(frozen=True)
class Fine:
    """A fine from a night's attendance, and when it was paid (None: still owed)."""

    evening: date
    slot: int
    volunteer: int
    reason: str
    amount: int
    paid: date | None = None

    @property
    def key(self) -> tuple[date, int, int]:
        return (self.evening, self.slot, self.volunteer)

    def to_dict(self) -> dict[str, Any]:
        return {"date": self.evening.isoformat(), "slot": self.slot,
                "volunteer": self.volunteer, "reason": self.reason, "amount": self.amount,
                "paid": self.paid.isoformat() if self.paid else None}


def fines(shifts: Sequence[Shift], entries: Sequence[CashEntry]) -> list[Fine]:
    """Every fine of the attendance logs, oldest first, with the day it was paid."""
    paid = {e.fine_of: e.day for e in entries if e.fine_of is not None}
    out = [Fine(s.date, s.slot, a.volunteer, a.reason, a.fine)
           for s in shifts for a in s.absences if a.fine > 0]
    return sorted((Fine(f.evening, f.slot, f.volunteer, f.reason, f.amount, paid.get(f.key))
                   for f in out), key=lambda f: (f.evening, f.slot, f.volunteer))


def unpaid(found: Sequence[Fine], *, volunteer: int | None = None,
           evening: date | None = None) -> list[Fine]:
    """The fines of ``found`` still owed: everyone's, or ``volunteer``'s; of every evening,
    or of one ``evening`` (what a payment settles)."""
    return [f for f in found if f.paid is None
            and (volunteer is None or f.volunteer == volunteer)
            and (evening is None or f.evening == evening)]


def pay_fines(owed: Sequence[Fine], day: date, who: str) -> list[CashEntry]:
    """The entries that record ``owed`` fines of ``who`` as paid on ``day``."""
    if not owed:
        raise BadInput("err.no_fines_owed", who=who)
    return [CashEntry(0, day, f.amount, "fine", who, f.key) for f in owed]


@dataclass(frozen=True)
class MonthReport:
    """A month of the kas: the balance brought forward, the entries, the totals by kind and
    the balance carried forward."""

    first: date
    last: date
    opening: int
    entries: list[CashEntry]
    by_kind: dict[str, int]
    money_in: int
    money_out: int
    closing: int

    def running(self) -> list[tuple[CashEntry, int]]:
        """Each entry of the month with the balance after it."""
        balance, out = self.opening, []
        for e in self.entries:
            balance += e.amount
            out.append((e, balance))
        return out

    def to_dict(self) -> dict[str, Any]:
        return {"from": self.first.isoformat(), "to": self.last.isoformat(),
                "opening": self.opening, "in": self.money_in, "out": self.money_out,
                "closing": self.closing, "by_kind": self.by_kind,
                "entries": [e.to_dict() for e in self.entries]}


def month_report(entries: Sequence[CashEntry], first: date, last: date) -> MonthReport:
    """The report of ``first``..``last`` (usually a month)."""
    inside = sorted((e for e in entries if first <= e.day <= last), key=lambda e: (e.day, e.id))
    by_kind: dict[str, int] = defaultdict(int)
    for e in inside:
        by_kind[e.kind] += abs(e.amount)
    opening = sum(e.amount for e in entries if e.day < first)
    money_in = sum(e.amount for e in inside if e.amount > 0)
    money_out = -sum(e.amount for e in inside if e.amount < 0)
    return MonthReport(first, last, opening, inside, {k: by_kind[k] for k in KINDS
                                                      if k in by_kind},
                       money_in, money_out, opening + money_in - money_out)
