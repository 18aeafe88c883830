"""The cells of a roster spreadsheet as people fill them and spreadsheets change them.

Words for who stands guard (a status, a duty flag, a role), and the damage a spreadsheet does
to what was typed: a phone turned into a number (``8.1234E+10``, or without its leading 0), a
house number turned into a date (``12/7`` into 12 July). What can be put back is put back and
named; what cannot is refused. Pure: cells in, text or a refusal out.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta
from decimal import Decimal, InvalidOperation

from ronda.dates import MONTH_NAMES, MONTH_SHORT
from ronda.errors import BadInput
from ronda.parsing import canonical, parse_bool

Cell = str | int | float | bool | date | datetime | time | timedelta | None

# A status that takes a resident off the rota, and why; the others are fine as they are.
OFF_DUTY: dict[str, str] = {
    **dict.fromkeys(("pindah", "sudah pindah", "keluar", "pindah keluar", "moved"), "moved"),
    **dict.fromkeys(("meninggal", "meninggal dunia", "alm", "almarhum", "wafat", "died",
                     "deceased"), "died"),
    **dict.fromkeys(("kosong", "rumah kosong", "tidak huni", "tidak dihuni", "tak berpenghuni",
                     "tidak berpenghuni", "empty"), "empty"),
    **dict.fromkeys(("tidak aktif", "nonaktif", "non aktif", "pasif", "inactive"), "inactive"),
}
ON_DUTY = {"", "aktif", "tetap", "menetap", "kontrak", "ngontrak", "sewa", "dihuni", "huni",
           "sementara", "milik sendiri", "pribadi", "kos", "kost", "pendatang", "baru", "warga",
           "warga tetap", "warga kontrak", "ada", "tinggal", "permanen", "active", "owner",
           "tenant"}
_DUTY_YES = {"wajib", "wajib ronda", "ikut", "ikut ronda", "ronda", "aktif", "bisa", "iya",
             "✔", "☑", "√"}
_DUTY_NO = {"tidak wajib", "tidak wajib ronda", "tidak ronda", "tidak ikut", "bebas",
            "bebas ronda", "dibebaskan", "tidak aktif", "tidak bisa", "tdk", "✗", "✘", "☐"}
_LEADER_WORDS = {"ketua", "koordinator", "korlap", "danru", "komandan", "leader", "kepala"}
_DECEASED = re.compile(r"^\s*\(?(alm|almh|almarhum|almarhumah)\b\.?\)?\s*|"
                       r"\s*\(?\b(alm|almh)\.?\)?\s*$", re.IGNORECASE)
_SCIENTIFIC = re.compile(r"^\s*(\d+)(?:[.,](\d*))?\s*[eE]\s*\+?(\d+)\s*$")
_DAY_MONTH_TEXT = re.compile(r"^\s*(\d{1,2})[-/ ]([A-Za-z]{3,9})(?:[-/ ]\d{2,4})?\s*$")
_DATE_TEXT = re.compile(r"^\s*(\d{1,2})/(\d{1,2})/(\d{4})(?:\s+0?0[:.]00(?:[:.]00)?)?\s*$")


def cell_text(value: Cell) -> str:
    """A cell as the text it shows: a whole number without ``.0``, a date as ``12/07/2026``,
    a tick box as ``ya``/``tidak``."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ya" if value else "tidak"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() and abs(value) < 1e16 else str(value)
    if isinstance(value, datetime):
        return f"{value:%d/%m/%Y}" + ("" if value.time() == time() else f" {value:%H.%M}")
    if isinstance(value, date):
        return f"{value:%d/%m/%Y}"
    if isinstance(value, time):
        return f"{value:%H.%M}"
    return str(value)


def phone_text(value: Cell) -> str:
    """A phone cell as digits: a number cell is the number typed (its leading 0 is put back
    by the phone's own rules), and ``8.1234E+10``, what a spreadsheet shows of a long number,
    is read when it still holds every digit and refused when it does not."""
    text = cell_text(value)
    m = _SCIENTIFIC.match(text)
    if not m:
        return text
    whole, fraction, exponent = m[1], m[2] or "", int(m[3])
    if len(fraction) != exponent:  # digits past those shown became zeros, or a fraction
        raise BadInput("err.sheet_phone_lost", value=text.strip())
    digits = whole + fraction
    return digits


def house_text(value: Cell) -> tuple[str, bool]:
    """A house number cell, and whether it was put back from a date a spreadsheet made of
    it (``12/7`` typed, 12 July stored: Indonesian spreadsheets read day/month)."""
    if isinstance(value, datetime) and value.time() != time():
        raise BadInput("err.sheet_house_date", value=cell_text(value))
    if isinstance(value, date):
        return f"{value.day}/{value.month}", True
    text = cell_text(value)
    m = _DAY_MONTH_TEXT.match(text)
    if m and (month := _month(m[2])):
        return f"{int(m[1])}/{month}", True
    m = _DATE_TEXT.match(text)
    if m and 1 <= int(m[1]) <= 31 and 1 <= int(m[2]) <= 12:
        return f"{int(m[1])}/{int(m[2])}", True
    return text, False


def _month(word: str) -> int | None:
    key = word.lower()
    for names in (*MONTH_NAMES.values(), *MONTH_SHORT.values()):
        for number, name in enumerate(names, start=1):
            if name.lower() == key:
                return number
    return {"agt": 8, "ags": 8, "nop": 11, "des": 12}.get(key)


def off_duty_status(text: str) -> str | None:
    """Why a status keeps a resident off the rota (``moved``, ``died``, ``empty``,
    ``inactive``), or None for one who stands guard (``Aktif``, ``Tetap``, ``Kontrak``…)."""
    word = canonical(text)
    if word in ON_DUTY:
        return None
    if word in OFF_DUTY:
        return OFF_DUTY[word]
    raise BadInput("err.sheet_bad_status", value=text.strip())


def on_duty(text: str) -> bool | None:
    """A duty flag (``Ronda?``, ``Wajib Ronda``): ``Ya``/``✓``/``Wajib`` or ``Tidak``/
    ``Bebas``; None when the cell is empty."""
    word = canonical(text)
    if not word:
        return None
    if word in _DUTY_YES or text.strip() in _DUTY_YES:
        return True
    if word in _DUTY_NO or text.strip() in _DUTY_NO:
        return False
    return parse_bool(text, "ronda")


def leader_word(text: str, *, role: bool) -> bool:
    """A leader cell: yes/no (``ya``, ``✓``, ``x``), or a role (``Ketua Regu``,
    ``Koordinator``: a leader; ``Anggota``, ``Wakil Ketua``: not). In a role column
    (``Jabatan``) any other word is no leader."""
    words = set(canonical(text).split())
    if "wakil" not in words and words & _LEADER_WORDS:
        return True
    if role or "anggota" in words:
        return False
    if text.strip() in _DUTY_YES:
        return True
    if text.strip() in _DUTY_NO:
        return False
    return parse_bool(text, "leader")


def deceased_name(name: str) -> str | None:
    """The name without an ``Alm.``/``Almh.`` mark when it carries one (the resident has
    died), else None."""
    if not _DECEASED.search(name):
        return None
    return _DECEASED.sub("", name).strip() or None


def whole_number(text: str) -> bool:
    """Whether a cell is only a number (a template's row number: ``1``, ``2.``)."""
    try:
        Decimal(text.strip().rstrip("."))
    except InvalidOperation:
        return False
    return bool(text.strip())
