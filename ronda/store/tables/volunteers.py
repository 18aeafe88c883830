"""The ``volunteers`` table: everyone ever added (inactive and erased ones too), by id."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from ronda.model import Damage, Volunteer
from ronda.store.records import Table, check_table, document


class VolunteerTable(Table):
    _volunteers: list[Volunteer] | None = None

    def volunteers(self) -> list[Volunteer]:
        """Every volunteer ever added (inactive and erased ones too), by id."""
        if self._volunteers is None:
            self._volunteers = sorted((Volunteer.from_dict(dict(d))
                                       for d in self._records("volunteers")),
                                      key=lambda v: v.id)
        return list(self._volunteers)

    def people(self, ids: Iterable[int]) -> dict[int, Volunteer]:
        """The volunteers of ``ids`` by id (ids no volunteer has are left out), each record
        read only when asked for: a week needs the people on its shifts, not the roster."""
        if self._volunteers is not None:
            wanted = set(ids)
            return {v.id: v for v in self._volunteers if v.id in wanted}
        records = self._storage.data.get("volunteers", {})
        return {i: Volunteer.from_dict(dict(records[str(i)]))
                for i in sorted(set(ids)) if str(i) in records}

    def add_volunteer(self, volunteer: Volunteer) -> Volunteer:
        """Store a new volunteer; the id given is replaced by a fresh one, never reused."""
        return self.add_volunteers([volunteer])[0]

    def add_volunteers(self, volunteers: list[Volunteer]) -> list[Volunteer]:
        """Store new volunteers in one write (an import), each with a fresh id."""
        ids = self._next_ids("volunteers", len(volunteers)) if volunteers else range(0)
        stored = [v.with_changes(id=i) for v, i in zip(volunteers, ids, strict=True)]
        self.db.table("volunteers").insert_multiple(
            document(v.to_dict(), doc_id=v.id) for v in stored)
        self._volunteers = None
        return stored

    def save_volunteer(self, volunteer: Volunteer) -> None:
        self.save_volunteers([volunteer])

    def save_volunteers(self, volunteers: list[Volunteer]) -> None:
        """Store changed volunteers (each keeps its id)."""
        table = self.db.table("volunteers")
        for volunteer in volunteers:
            table.upsert(document(volunteer.to_dict(), doc_id=volunteer.id))
        self._volunteers = None


def check_volunteers(data: dict[str, Any], problems: list[Damage]) -> None:
    check_table(data, "volunteers", Volunteer.from_dict, lambda v: v.id, problems)
