"""The ``cash`` table: the kas, entry by entry."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ronda.model import Damage
from ronda.store.records import Table, check_table, document

if TYPE_CHECKING:
    from ronda.cash.book import CashEntry


class CashTable(Table):
    def cash(self) -> list[CashEntry]:
        """The cash book, by date and entry."""
        from ronda.cash.book import CashEntry

        return sorted((CashEntry.from_dict(d) for d in self._records("cash")),
                      key=lambda e: (e.day, e.id))

    def add_cash(self, entries: list[CashEntry]) -> list[CashEntry]:
        """Store new entries in one write, each with a fresh id."""
        from dataclasses import replace

        ids = self._next_ids("cash", len(entries)) if entries else range(0)
        stored = [replace(e, id=i) for e, i in zip(entries, ids, strict=True)]
        self.db.table("cash").insert_multiple(document(e.to_dict(), doc_id=e.id)
                                              for e in stored)
        return stored


def check_cash(data: dict[str, Any], problems: list[Damage]) -> None:
    from ronda.cash.book import CashEntry  # a model of a table a command may never read

    check_table(data, "cash", CashEntry.from_dict, lambda e: e.id, problems)
