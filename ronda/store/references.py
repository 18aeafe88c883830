"""References between records that must hold (``ronda db check``): every volunteer a shift,
a plan change, a fine, an incident or a report names is on the roster (volunteers are never
deleted, only erased, so an id once given stays), and every report is of an incident.

Run over records that already fit the schema; each reference that does not hold is named
by its record and its target, as they stand in the file: ``shifts/12 → volunteers/9999``.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any


def _shift_people(shift: dict[str, Any]) -> Iterator[int | None]:
    yield from shift.get("volunteers", [])
    yield shift.get("leader")
    yield from shift.get("present", [])
    for absence in shift.get("absences", []):
        yield absence.get("volunteer")
        yield absence.get("substitute_id")
    for swap in shift.get("swaps", []):
        yield swap.get("out")
        yield swap.get("in")
    for excluded in (shift.get("short") or {}).get("excluded", []):
        yield int(excluded[0])


def _change_people(change: dict[str, Any]) -> Iterator[int | None]:
    yield from change.get("before", [])
    yield from change.get("after", [])
    yield change.get("leader_before")
    yield change.get("leader_after")


# the volunteers each table's records name
PEOPLE = {
    "shifts": _shift_people,
    "plan_changes": _change_people,
    "cash": lambda entry: [(entry.get("fine_of") or {}).get("volunteer")],
    "incidents": lambda incident: incident.get("on_duty", []),
    "reporters": lambda report: [report.get("volunteer")],
}


def dangling(data: dict[str, Any], volunteers: set[int],
             incidents: set[int] | None = None) -> list[str]:
    """The references of one file's records (a main file or a year file) to volunteers not
    in ``volunteers`` and, given ``incidents``, of reports to incidents not in it."""
    found = []
    for table, people in PEOPLE.items():
        for key, record in data.get(table, {}).items():
            missing = sorted({p for p in people(record) if p is not None} - volunteers)
            found += [f"{table}/{key} → volunteers/{p}" for p in missing]
    if incidents is not None:
        found += [f"reporters/{key} → incidents/{report['incident']}"
                  for key, report in data.get("reporters", {}).items()
                  if report.get("incident") not in incidents]
    return found
