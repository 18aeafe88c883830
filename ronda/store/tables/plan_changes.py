"""The ``plan_changes`` table: the log of changes to the plan, for the "schedule changed"
messages, kept only as long as the messages read it."""

from __future__ import annotations

from datetime import date
from typing import Any

from ronda.model import Damage
from ronda.schedule.shifts import PlanChange
from ronda.store.records import Table, check_table


class PlanChangeTable(Table):
    def plan_changes(self, since: str = "") -> list[PlanChange]:
        """Changes recorded at or after ``since`` (an ISO moment), oldest first."""
        table = self.db.table("plan_changes", cache_size=0)
        found = [PlanChange.from_dict(dict(d)) for d in table.all() if d.get("at", "") >= since]
        return sorted(found, key=lambda c: (c.at, c.date, c.slot))

    def record_plan_changes(self, changes: list[PlanChange]) -> None:
        """Add ``changes`` to the log, and keep of the log only what the change messages
        still read (``compact_changes``), as of the day the changes were made."""
        from ronda.schedule.announce import compact_changes

        if not changes:
            return
        try:
            today = date.fromisoformat(min(c.at for c in changes)[:10])
        except ValueError:  # not stamped with a day: kept as they are
            self._insert_all("plan_changes", [change.to_dict() for change in changes])
            return
        log = compact_changes([*self.plan_changes(), *changes], today)
        self.db.table("plan_changes", cache_size=0).truncate()
        self._insert_all("plan_changes", [change.to_dict() for change in log])


def check_plan_changes(data: dict[str, Any], problems: list[Damage]) -> None:
    check_table(data, "plan_changes", PlanChange.from_dict, None, problems)
