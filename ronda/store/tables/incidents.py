"""The incident book: tables ``incidents`` and ``reporters`` (kept apart), one file a year of
the incidents' local date; ids from the main file's counters, never reused across years."""

from __future__ import annotations

import re
from datetime import date
from typing import TYPE_CHECKING, Any

from ronda.model import Damage, SchemaError
from ronda.store.records import Table, YearRecords, check_table, document
from ronda.store.years import year_of

if TYPE_CHECKING:
    from ronda.incidents.book import Incident, Reporter


class IncidentTable(Table):
    allocated: bool  # whether new incident or reporter ids were handed out

    def incidents(self, since: date | None = None, until: date | None = None) -> list[Incident]:
        """Incidents by time, optionally those whose local date is within [since, until];
        only the year files of those years are read."""
        from ronda.incidents.book import Incident

        low = since.isoformat() if since else ""
        high = until.isoformat() if until else "9999"
        # read the raw records: TinyDB would copy all of a large book into Documents first
        found = (Incident.from_record(d)  # each year file was checked when it was read
                 for y in self._book_years(since and since.year, until and until.year)
                 for d in y.records("incidents").values()
                 if low <= d["occurred_at"][:10] <= high)
        # by the instant as a number: comparing aware datetimes asks their zone every time
        return sorted(found, key=lambda i: (i.occurred_at.timestamp(), i.id))

    def incident(self, number: int) -> Incident | None:
        """Incident ``number``, looked for in the newest year first."""
        from ronda.incidents.book import Incident

        key = str(number)
        for year in reversed(self.years()):
            found = self._year(year)
            record = found.records("incidents").get(key) if found else None
            if record is not None:
                return Incident.from_record(record)
        return None

    def add_incident(self, incident: Incident, reporter: Reporter | None) -> Incident:
        """Store a new incident (and its reporter, in their own table) in the file of its
        year; ids come from the main file's counters and are never reused."""
        from dataclasses import replace

        stored = replace(incident, id=self._next_id("incidents"))
        record = stored.to_record()
        book = self._year(year_of(record), create=True)
        assert book is not None
        book.db.table("incidents").insert(document(record, doc_id=stored.id))
        if reporter is not None:
            book.db.table("reporters").insert(document(
                replace(reporter, incident=stored.id).to_dict(),
                doc_id=self._next_id("reporters")))
        self.allocated = True
        return stored

    def save_incident(self, incident: Incident) -> None:
        """Store a changed incident in the file of its year (its reporter follows it, should
        its date have moved to another year)."""
        record = incident.to_record()
        year, key = year_of(record), str(incident.id)
        book = self._year(year, create=True)
        assert book is not None
        for other in list(self._years.values()):
            if other.year != year and key in other.records("incidents"):
                other.db.table("incidents").remove(doc_ids=[incident.id])
                moved = {k: r for k, r in other.records("reporters").items()
                         if r.get("incident") == incident.id}
                if moved:
                    other.db.table("reporters").remove(doc_ids=[int(k) for k in moved])
                    book.db.table("reporters").insert_multiple(
                        document(r, doc_id=int(k)) for k, r in moved.items())
        book.db.table("incidents").upsert(document(record, doc_id=incident.id))

    def mentions(self, pattern: re.Pattern[str]) -> list[int]:
        """The incidents (every year) whose free text matches ``pattern``, by id."""
        fields = ("description", "location", "who", "witness", "action", "behaviour")
        return sorted(int(k) for book in self._book_years()
                      for k, d in book.records("incidents").items()
                      if any(pattern.search(str(d.get(f, ""))) for f in fields))

    def reporters(self) -> dict[int, Reporter]:
        """Reporters by incident id: of the years already read (a reporter is in the year
        file of their incident), or of every year when none was read yet."""
        from ronda.incidents.book import Reporter

        books = list(self._years.values()) or self._book_years()
        return {r.incident: r for r in (Reporter.from_dict(d) for book in books
                                        for d in book.records("reporters").values())}

    if TYPE_CHECKING:  # the year files, read by the engine when asked for
        def years(self) -> list[int]: ...

        def _year(self, year: int, *, create: bool = False) -> YearRecords | None: ...

        def _book_years(self, first: int | None = None,
                        last: int | None = None) -> list[YearRecords]: ...


def check_book(data: dict[str, Any], year: int | None, *, full: bool = True) -> list[Damage]:
    """Every incident and reporter record of ``data`` (a year file, or a book on its way
    out of a main file) that breaks the schema, described; ``year``: the file's year, which
    each incident's local date must be in.

    ``full=False`` reads the records only lightly: the engine does that for content it has
    already checked in full."""
    problems: list[Damage] = []
    if full:
        from ronda.incidents.book import Incident, Reporter

        check_table(data, "incidents", Incident.from_dict, lambda i: i.id, problems)
        check_table(data, "reporters", Reporter.from_dict, None, problems)
    else:
        for table, field in (("incidents", "occurred_at"), ("reporters", "incident")):
            for doc_id, record in data.get(table, {}).items():
                if not isinstance(record, dict) or field not in record:
                    problems.append(Damage(f"{table}/{doc_id}",
                                           SchemaError("schema.not_of_table", table=table)))
    if year is not None and not problems:
        stamp = f"{year:04d}"
        problems += [Damage(f"incidents/{doc_id}", SchemaError("schema.not_of_year", year=stamp))
                     for doc_id, record in data.get("incidents", {}).items()
                     if not str(record.get("occurred_at", "")).startswith(stamp)]
    return problems
