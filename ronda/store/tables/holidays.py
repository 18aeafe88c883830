"""The ``holidays`` table: national holidays stored when a schedule is built (so showing it
never loads the holiday library) and the neighbourhood's own dates."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from ronda.model import Damage
from ronda.schedule.shifts import Holiday
from ronda.store.records import Table, check_table


class HolidayTable(Table):
    def holidays(self, first: date | None = None, last: date | None = None) -> list[Holiday]:
        """The holidays, optionally those from ``first`` to ``last``, by date."""
        low = first.isoformat() if first else ""
        high = last.isoformat() if last else "9999"
        return sorted((Holiday.from_dict(dict(d)) for d in self._records("holidays")
                       if low <= str(d.get("date", "")) <= high),
                      key=lambda h: (h.date, h.local))

    def refresh_national_holidays(self, first: date, last: date) -> None:
        """Store the national holidays of the years ``first``..``last`` touch (and the day
        after ``last``, whose eve is ``last``), replacing the ones stored for those years (a
        decree may have moved one)."""
        from ronda.neighbourhood.holidays import national_holidays

        years = set(range(first.year, (last + timedelta(days=1)).year + 1))
        self.save_holidays(national_holidays(years), replace_national_years=years)

    def save_holidays(self, found: list[Holiday], *, replace_national_years: set[int]) -> None:
        """Store holidays; national ones of the given years are replaced as a whole."""
        table = self.db.table("holidays", cache_size=0)
        keep = {(h.date, h.local): h for h in self.holidays()
                if h.local or h.date.year not in replace_national_years}
        for h in found:
            keep[(h.date, h.local)] = h
        table.truncate()
        self._insert_all("holidays", [h.to_dict() for h in
                                      sorted(keep.values(), key=lambda h: (h.date, h.local))])

    def remove_holiday(self, day: date) -> bool:
        table = self.db.table("holidays", cache_size=0)
        gone = [d.doc_id for d in table.all() if d["date"] == day.isoformat() and d["local"]]
        table.remove(doc_ids=gone)
        return bool(gone)


def check_holidays(data: dict[str, Any], problems: list[Damage]) -> None:
    check_table(data, "holidays", Holiday.from_dict, None, problems)
