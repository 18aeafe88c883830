"""Phone numbers: one stored form (E.164) in, the Indonesian way of writing them out."""

from __future__ import annotations

import re

from ronda.errors import BadInput

_SEPARATORS = re.compile(r"[\s\-.()/]")


def normalize_phone(text: str) -> str:
    """``0812-3456-7890``, ``62812…`` or ``+62 812…`` to ``+6281234567890``.

    Validity is checked against the numbering plan kept by the ``phonenumbers`` library,
    so an impossible number is refused rather than stored.
    """
    import phonenumbers  # heavy; only commands that read phones pay for it

    raw = _SEPARATORS.sub("", text.strip())
    if raw.startswith("'"):  # a spreadsheet's text marker
        raw = raw[1:]
    if raw.startswith("62"):
        raw = "+" + raw
    if not re.fullmatch(r"\+?\d{5,17}", raw):
        raise BadInput("err.bad_phone", value=text.strip())
    try:
        number = phonenumbers.parse(raw, "ID")
    except phonenumbers.NumberParseException:
        raise BadInput("err.bad_phone", value=text.strip()) from None
    if not phonenumbers.is_valid_number(number):
        raise BadInput("err.bad_phone", value=text.strip())
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def display_phone(e164: str | None) -> str:
    """``+6281234567890`` as ``0812-3456-7890``; other countries stay in E.164."""
    if not e164:
        return ""
    if not e164.startswith("+62"):
        return e164
    national = "0" + e164[3:]
    if national.startswith("08"):
        groups = [national[:4], national[4:8], national[8:]]
        return "-".join(g for g in groups if g)
    return national


def whatsapp_number(e164: str) -> str:
    """The digits WhatsApp links want: ``6281234567890``."""
    return e164.lstrip("+")
