"""The ``shifts`` table: one record a slot of an evening, planned, edited and logged."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from ronda.model import Damage
from ronda.schedule.shifts import PlanChange, Shift
from ronda.store.records import Table, check_table, document

if TYPE_CHECKING:
    from ronda.schedule.edits import Edit
    from ronda.schedule.planning import PlannedPeriod


class ShiftTable(Table):
    def shifts(self, first: date | None = None, last: date | None = None) -> list[Shift]:
        """Planned shifts, by evening and slot, optionally within [first, last]."""
        low = first.isoformat() if first else ""
        high = last.isoformat() if last else "9999"
        found = (Shift.from_dict(dict(d)) for d in self._records("shifts")
                 if low <= d["date"] <= high)
        return sorted(found, key=lambda s: s.key)

    def replace_shifts(self, first: date, last: date, shifts: list[Shift]) -> None:
        """Put ``shifts`` in place of every shift from ``first`` to ``last``."""
        table = self.db.table("shifts", cache_size=0)
        gone = [d.doc_id for d in table.all() if first.isoformat() <= d["date"] <= last.isoformat()]
        table.remove(doc_ids=gone)
        self._insert_all("shifts", [shift.to_dict() for shift in shifts])

    def save_shift(self, shift: Shift) -> None:
        """Store one shift, replacing the one with the same evening and slot."""
        table = self.db.table("shifts", cache_size=0)
        same = [d.doc_id for d in table.all()
                if d["date"] == shift.date.isoformat() and d["slot"] == shift.slot]
        doc_id = same[0] if same else self._next_id("shifts")
        table.upsert(document(shift.to_dict(), doc_id=doc_id))

    def apply_edit(self, edit: Edit, stamp: str) -> None:
        """Store the shifts an edit changed and record what changed in the plan."""
        for shift in edit.after:
            self.save_shift(shift)
        self.record_plan_changes(edit.changes(stamp))

    def save_plan(self, planned: PlannedPeriod, stamp: str) -> None:
        """Store a planned period in place of what was planned there, and record the moves."""
        self.replace_shifts(planned.first, planned.last, planned.plan.shifts)
        self.record_plan_changes(planned.changes(stamp))

    if TYPE_CHECKING:
        def record_plan_changes(self, changes: list[PlanChange]) -> None: ...


def check_shifts(data: dict[str, Any], problems: list[Damage]) -> None:
    check_table(data, "shifts", Shift.from_dict, None, problems)
