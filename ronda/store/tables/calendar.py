"""The ``calendar`` table (one record): what each calendar feed last sent (UIDs,
fingerprints, sequences), and the personal calendar files and CalDAV calendars ronda made."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ronda.model import Damage, SchemaError
from ronda.store.records import Table, document

if TYPE_CHECKING:
    from ronda.calendars.registry import CalendarRecord


class CalendarTable(Table):
    def calendar_record(self) -> CalendarRecord:
        """What each calendar feed last sent (UIDs, fingerprints, sequences), and the personal
        calendar files and CalDAV calendars ronda made."""
        from ronda.calendars.registry import CalendarRecord

        record = self.db.table("calendar").get(doc_id=1)
        return CalendarRecord.from_dict(dict(record)) if record else CalendarRecord()

    def save_calendar_record(self, record: CalendarRecord) -> None:
        self.db.table("calendar").upsert(document(record.to_dict(), doc_id=1))

    def record_published(self, sent: dict[str, dict[str, Any]],
                         calendars: dict[str, dict[str, Any] | None],
                         complete: tuple[str, str] | None = None) -> None:
        """Record what a publish sent, keeping any later sequence another command saved
        while the server was being talked to, and any erasure asked for meanwhile;
        ``complete``: the kind of a publish that went out in full, and the erasure whose
        earlier events it sent again ("" for none)."""
        record = self.calendar_record().with_sent(sent).with_calendars(calendars)
        self.save_calendar_record(record.with_published(*complete) if complete else record)


def check_calendar(data: dict[str, Any], problems: list[Damage]) -> None:
    from ronda.calendars.registry import CalendarRecord

    if "1" in data.get("calendar", {}):
        try:
            CalendarRecord.from_dict(data["calendar"]["1"])
        except SchemaError as exc:
            problems.append(Damage("calendar", exc))
