"""Rupiah as people type it and as ronda prints it."""

from __future__ import annotations

import re

from ronda.parsing import parse_count


def parse_money(text: str, field_name: str) -> int:
    """Rupiah as typed: ``20000``, ``20.000``, ``Rp20.000``, ``Rp 20,000``, ``20rb``."""
    raw = re.sub(r"(?i)^rp\.?\s*", "", text.strip())
    thousands = re.fullmatch(r"(?i)(\d+)\s*(rb|ribu|k)", raw)  # 20rb, 20 ribu, 20k
    if thousands:
        raw = str(int(thousands[1]) * 1000)
    raw = re.sub(r"[.,\s](?=\d{3}\b)", "", raw)
    return parse_count(raw, field_name, minimum=0, maximum=100_000_000)


def format_money(amount: int) -> str:
    """``Rp20.000`` (``-Rp10.000`` for a debt)."""
    sign = "-" if amount < 0 else ""
    return sign + "Rp" + f"{abs(amount):,}".replace(",", ".")
