"""The ``events`` table: community events (sosialisasi, meetings, joint patrols)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ronda.model import Damage
from ronda.store.records import Table, check_table, document

if TYPE_CHECKING:
    from ronda.neighbourhood.events import CommunityEvent


class EventTable(Table):
    def events(self) -> list[CommunityEvent]:
        """The community events, by start."""
        from ronda.neighbourhood.events import CommunityEvent

        return sorted((CommunityEvent.from_dict(dict(d)) for d in self._records("events")),
                      key=lambda e: (e.start, e.id))

    def add_event(self, event: CommunityEvent) -> CommunityEvent:
        from dataclasses import replace

        stored = replace(event, id=self._next_id("events"))
        self.db.table("events").insert(document(stored.to_dict(), doc_id=stored.id))
        return stored

    def remove_event(self, number: int) -> CommunityEvent | None:
        table = self.db.table("events")
        found = table.get(doc_id=number)
        if found is None:
            return None
        table.remove(doc_ids=[number])
        from ronda.neighbourhood.events import CommunityEvent

        return CommunityEvent.from_dict(dict(found))


def check_events(data: dict[str, Any], problems: list[Damage]) -> None:
    from ronda.neighbourhood.events import CommunityEvent  # a model a command may never read

    check_table(data, "events", CommunityEvent.from_dict, lambda e: e.id, problems)
