"""What users type for numbers, yes/no and choices: checked once, refused in one way.

Shared ground for every package: a bad value raises ``BadInput`` with the field's name, so
the message reads the same whichever command refused it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from ronda.errors import BadInput

_TRUE = {"1", "y", "ya", "yes", "true", "x", "v", "✓", "ketua", "leader"}
_FALSE = {"", "0", "n", "no", "t", "tidak", "false", "-", "bukan"}


def parse_bool(text: str, field_name: str) -> bool:
    """``ya``/``yes``/``1``/``x`` or ``tidak``/``no``/``0``/empty."""
    raw = text.strip().lower()
    if raw in _TRUE:
        return True
    if raw in _FALSE:
        return False
    raise BadInput("err.bad_bool", field=field_name, value=text.strip())


def parse_count(text: str | int, field_name: str, *, minimum: int = 0,
                maximum: int = 1000) -> int:
    """A whole number within bounds, from text or an int."""
    try:
        value = int(str(text).strip())
    except ValueError:
        raise BadInput("err.bad_number", field=field_name, value=str(text).strip()) from None
    if not minimum <= value <= maximum:
        raise BadInput("err.out_of_range", field=field_name, value=value, low=minimum,
                       high=maximum)
    return value


def parse_choice(text: str, choices: Sequence[str], field_name: str, *,
                 words: Mapping[str, str] | None = None, shown: str | None = None) -> str:
    """One of ``choices`` as typed: any case, ``_`` or spaces for ``-``, or one of ``words``
    (other names for a choice, e.g. in Indonesian). ``shown`` lists the choices in the error
    when the plain list would mislead."""
    raw = " ".join(text.strip().lower().replace("_", "-").split())
    for candidate in (raw, raw.replace(" ", "-"), raw.replace("-", " ")):
        if candidate in choices:
            return candidate
        if words and candidate in words:
            return words[candidate]
    raise BadInput("err.bad_choice", field=field_name, value=text.strip(),
                   choices=shown or ", ".join(choices))
