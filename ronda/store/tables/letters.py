"""The ``letters`` table: the register of letters the RT sent through ronda (their numbers)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ronda.model import Damage
from ronda.store.records import Table, check_table, document

if TYPE_CHECKING:
    from ronda.neighbourhood.letters import Letter


class LetterTable(Table):
    def letters(self) -> list[Letter]:
        """Every letter the RT sent through ronda, oldest first."""
        from ronda.neighbourhood.letters import Letter

        return sorted((Letter.from_dict(dict(d)) for d in self._records("letters")),
                      key=lambda letter: letter.id)

    def add_letter(self, letter: Letter) -> Letter:
        """Register a new letter with a fresh id."""
        from dataclasses import replace

        stored = replace(letter, id=self._next_id("letters"))
        self.db.table("letters").insert(document(stored.to_dict(), doc_id=stored.id))
        return stored


def check_letters(data: dict[str, Any], problems: list[Damage]) -> None:
    from ronda.neighbourhood.letters import Letter  # a model a command may never read

    check_table(data, "letters", Letter.from_dict, lambda e: e.id, problems)
