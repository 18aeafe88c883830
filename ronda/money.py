"""Rupiah as people type it and as ronda prints it."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ronda.errors import BadInput
from ronda.parsing import parse_count

if TYPE_CHECKING:
    from ronda.i18n import Term

SCALE = {"rb": 1_000, "ribu": 1_000, "k": 1_000, "jt": 1_000_000, "juta": 1_000_000}


def parse_money(text: str, field_name: str | Term) -> int:
    """Rupiah as typed: ``20000``, ``20.000``, ``Rp20.000``, ``Rp 20,000``, ``150.000,00``,
    ``20rb``, ``2,5rb``, ``1,5jt``, ``2 juta``. A negative amount (``-5rb``, ``-Rp5.000``) is
    refused as negative."""
    if text.strip().startswith("-") and parse_money(text.strip()[1:], field_name):
        raise BadInput("err.negative", field=field_name, value=text.strip(), low=0)
    raw = re.sub(r"(?i)^rp\.?\s*", "", text.strip())
    raw = re.sub(r"[.,]00$", "", raw) if re.search(r"\d[.,]\d{3}[.,]00$", raw) else raw
    scaled = re.fullmatch(r"(?i)(\d+)(?:[.,](\d{1,3}))?\s*(rb|ribu|k|jt|juta)", raw)
    if scaled:  # 20rb, 2,5rb, 1,5jt, 2 juta
        whole, part, unit = scaled[1], scaled[2] or "", SCALE[scaled[3].lower()]
        raw = str(int(whole) * unit + int(part.ljust(3, "0")) * unit // 1000)
    raw = re.sub(r"[.,\s](?=\d{3}\b)", "", raw)
    return parse_count(raw, field_name, minimum=0, maximum=100_000_000)


def format_money(amount: int) -> str:
    """``Rp20.000`` (``-Rp10.000`` for a debt)."""
    sign = "-" if amount < 0 else ""
    return sign + "Rp" + f"{abs(amount):,}".replace(",", ".")
