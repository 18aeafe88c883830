"""What users type for numbers, yes/no and choices: checked once, refused in one way.

Shared ground for every package: a bad value raises ``BadInput`` with the field's name, so
the message reads the same whichever command refused it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Protocol

from ronda.errors import BadInput

_TRUE = {"1", "y", "ya", "yes", "true", "x", "v", "✓", "ketua", "leader"}
_FALSE = {"", "0", "n", "no", "t", "tidak", "false", "-", "bukan"}


def parse_bool(text: str, field_name: object) -> bool:
    """``ya``/``yes``/``1``/``x`` or ``tidak``/``no``/``0``/empty."""
    raw = text.strip().lower()
    if raw in _TRUE:
        return True
    if raw in _FALSE:
        return False
    raise BadInput("err.bad_bool", field=field_name, value=text.strip())


def parse_count(text: str | int, field_name: object, *, minimum: int = 0,
                maximum: int = 1000) -> int:
    """A whole number within bounds, from text or an int; a negative one where none can be
    (a head count, an amount, an id) is refused as such."""
    try:
        value = int(str(text).strip())
    except ValueError:
        raise BadInput("err.bad_number", field=field_name, value=str(text).strip()) from None
    if value < 0 <= minimum:
        raise BadInput("err.negative", field=field_name, value=value, low=minimum)
    if not minimum <= value <= maximum:
        raise BadInput("err.out_of_range", field=field_name, value=value, low=minimum,
                       high=maximum)
    return value


def canonical(text: str) -> str:
    """A word as typed, for comparing: any case, ``-``, ``_`` or ``/`` as a space, no ``'`` or
    ``.`` (``Balap_Liar`` and ``balap-liar`` are ``balap liar``; ``Jum'at`` is ``jumat``)."""
    return " ".join(re.sub(r"[-_/–]", " ", re.sub(r"['’.]", "", text.lower())).split())


class Vocabulary(Protocol):
    """Words for values, handed in as data (``ronda.i18n.words.Words``, from the catalogue)."""

    def __iter__(self) -> Iterator[str]:
        """The values."""
        ...

    def words(self) -> Iterable[tuple[str, str]]:
        """Every word any language accepts, with the value it stands for."""
        ...

    def names(self, choices: Sequence[str]) -> object:
        """``choices`` as an error lists them (something with ``localise(lang)``)."""
        ...


def accepted_words(vocabulary: Vocabulary) -> dict[str, str]:
    """Every word ``vocabulary`` accepts for its values, and each value itself: canonical
    word → value."""
    found = {canonical(value): value for value in vocabulary}
    for word, value in vocabulary.words():
        found.setdefault(canonical(word), value)
    return found


def find_choice(text: str, vocabulary: Vocabulary) -> str | None:
    """The value ``text`` names in any language (see ``accepted_words``), or None."""
    return accepted_words(vocabulary).get(canonical(text))


def parse_choice(text: str, choices: Sequence[str], field_name: object, *,
                 vocabulary: Vocabulary | None = None,
                 words: Mapping[str, str] | None = None, shown: str | None = None) -> str:
    """One of ``choices`` as typed: any case, ``_``, ``-`` or spaces between words, or a word
    of ``vocabulary`` in any language (see ``accepted_words``), or one of ``words`` (other
    spellings, e.g. ``a1`` for ``A1``). The error lists the choices in the reader's language
    (``shown`` instead, when given)."""
    raw = canonical(text)
    for choice in choices:
        if canonical(choice) == raw:
            return choice
    if vocabulary and (found := find_choice(text, vocabulary)):
        return found
    if words and (found := {canonical(w): v for w, v in words.items()}.get(raw)):
        return found
    listed = shown or (vocabulary.names(choices) if vocabulary else ", ".join(choices))
    raise BadInput("err.bad_choice", field=field_name, value=text.strip(), choices=listed)

