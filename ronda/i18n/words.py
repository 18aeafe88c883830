"""The words people may type for a value, as the catalogue gives them: each value's key in
the language files ("pencurian, maling" in Indonesian, "theft, stealing" in English).

The catalogue hands them out as data; reading what was typed is ``ronda.parsing``'s job.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import NamedTuple

from ronda.i18n import languages, t


class Words(dict[str, str]):
    """Value → the key of its words in the language files (``words.category.theft``)."""

    def words(self) -> Iterator[tuple[str, str]]:
        """Every word of every language, with the value it stands for (``maling``, ``theft``)."""
        for lang in languages():
            for value, key in self.items():
                for word in t(key, lang).split(","):
                    yield word, value

    def names(self, choices: Sequence[str]) -> ChoiceNames:
        """``choices`` as an error lists them, in the reader's language."""
        return ChoiceNames(tuple(choices), self)

    def only(self, values: Sequence[str]) -> Words:
        """The words of ``values`` alone."""
        return Words({v: key for v, key in self.items() if v in values})


class ChoiceNames(NamedTuple):
    """The choices as an error lists them, in the reader's language: the first word of each
    value's words (``pencurian, curat, …`` in Indonesian; ``theft, burglary, …`` in English)."""

    choices: tuple[str, ...]
    vocabulary: Words

    def localise(self, lang: str) -> str:
        return ", ".join(t(self.vocabulary[c], lang).split(",")[0].strip()
                         if c in self.vocabulary else c for c in self.choices)
