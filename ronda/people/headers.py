"""The columns of a roster spreadsheet: what each header means, as RTs write them.

Every column ends up with a role: a volunteer field (``name``, ``phone``, ``household``, …),
a column that says who stands guard (``status``, ``duty``), a part of the house (``block`` and
``house_number`` make one), the row number, or none (named as not used). Pure: headers in,
columns out.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from ronda.errors import BadInput

# Headers, in their normal form (see ``normal_header``), to the role of their column. From
# ronda's own exports, the RT apps and templates in public repositories, and what people type.
_WORDS: dict[str, tuple[str, ...]] = {
    "id": ("id", "no id"),
    "name": ("name", "nama", "nama lengkap", "nama warga", "warga", "kepala keluarga",
             "nama kepala keluarga", "nama kk", "petugas", "petugas ronda", "nama petugas",
             "anggota", "nama anggota", "penghuni", "nama penghuni", "full name"),
    "phone": ("phone", "telepon", "telp", "tlp", "no telp", "no tlp", "no telepon",
              "nomor telepon", "nomor telp", "no hp", "nomor hp", "nohp", "hp", "handphone",
              "no handphone", "wa", "no wa", "nomor wa", "whatsapp", "no whatsapp", "hp wa",
              "no hp wa", "nomor hp wa", "wa hp", "no wa hp", "telp hp", "no telp hp", "kontak",
              "no kontak", "mobile", "phone number"),
    "address": ("address", "alamat", "alamat rumah", "alamat lengkap", "jalan"),
    "household": ("household", "kk", "rumah", "no rumah", "nomor rumah", "nomer rumah",
                  "no rmh", "rumah blok", "blok rumah", "blok no rumah", "blok nomor rumah",
                  "blok no", "blok nomor", "no rumah blok", "house", "house number", "kavling"),
    "block": ("blok", "block"),
    "team": ("team", "regu", "kelompok", "nama kelompok", "grup", "group", "tim", "tim ronda",
             "regu ronda", "kelompok ronda"),
    "leader": ("leader", "ketua", "ketua regu", "ketua kelompok", "danru"),
    "role": ("jabatan", "tugas", "peran", "posisi", "jabatan ronda", "role"),
    "days": ("days", "hari", "hari jaga", "hari bisa jaga", "bisa hari", "hari ronda",
             "jadwal hari", "hari piket", "hari bisa", "bisa jaga", "jadwal", "ketersediaan",
             "availability", "available days"),
    "max_per_week": ("max per week", "maks per pekan", "maks per minggu"),
    "prefer": ("prefer", "prefers", "lebih suka", "lebih suka hari", "hari favorit",
               "hari yang disukai"),
    "avoid": ("avoid", "rather not", "hindari", "hindari hari", "hari dihindari"),
    "note": ("note", "notes", "catatan", "keterangan", "ket", "catatan khusus", "remarks"),
    "status": ("status", "status warga", "status huni", "status tinggal", "status aktif",
               "status rumah", "status kependudukan", "status penghuni", "keaktifan",
               "kondisi rumah", "active"),
    "duty": ("ronda", "wajib ronda", "ikut ronda", "kategori wajib ronda", "kriteria ronda",
             "bisa ronda", "aktif ronda", "wajib jaga", "ikut jaga", "on duty"),
    "row_number": ("no", "no urut", "nomor urut", "#"),
}
HEADERS: dict[str, str] = {word: role for role, words in _WORDS.items() for word in words}
# a house number beside a ``Blok`` column: the two make the house
_HOUSE_NUMBER = {"no rumah", "nomor rumah", "nomer rumah", "no rmh", "nomor"}
# roles a sheet may hold several columns of (each is read)
_MANY = {"status", "duty", "row_number", None}
_IGNORE = {"-", "abaikan", "ignore", "skip", "tidak dipakai", "not used", "none"}
FIELD_WORDS = ("nama", "hp", "alamat", "rumah", "blok", "no rumah", "regu", "ketua",
               "jabatan", "hari", "catatan", "status", "ronda", "no")


def normal_header(name: str) -> str:
    """A header as it is matched: case, camelCase, dots, slashes, underscores, question marks
    and spaces aside (``No. HP/WA``, ``no_hp_wa`` and ``NoHpWa`` are one)."""
    text = re.sub(r"(?<=[a-z])(?=[A-Z])", " ", name.strip())
    if text == "#":
        return "#"
    return " ".join(re.sub(r"[\W_]+", " ", text.lower()).split())


@dataclass(frozen=True)
class Column:
    """A column of the sheet: its number (from 1), its header and its role (None: not used)."""

    number: int
    header: str
    role: str | None
    by_hand: bool = False

    @property
    def title(self) -> str:
        return self.header.strip()


def field_of(word: str) -> str | None:
    """The role a ``--map`` right-hand side names (``phone``, ``hp``, ``rumah``, ``-``…), or
    None for a column to leave out; an unknown word is refused."""
    normal = normal_header(word)
    if word.strip() in _IGNORE or normal in _IGNORE:
        return None
    role = HEADERS.get(normal) or (normal.replace(" ", "_") if normal.replace(" ", "_") in
                                   _WORDS else None)
    if role is None:
        raise BadInput("err.sheet_map_field", value=word.strip(), fields=", ".join(FIELD_WORDS))
    return role


def parse_map(items: Sequence[str]) -> dict[str, str | None]:
    """``--map "No. WA=phone"`` (repeatable, or several joined with ``;``): the header in its
    normal form to the role it is given by hand."""
    out: dict[str, str | None] = {}
    for item in items:
        for part in (p for p in item.split(";") if p.strip()):
            header, sep, field = part.rpartition("=")
            if not sep or not header.strip():
                raise BadInput("err.sheet_map_form", value=part.strip())
            out[normal_header(header)] = field_of(field)
    return out


def header_score(cells: Sequence[str], by_hand: Mapping[str, str | None]) -> int:
    """How many cells of a row read as headers ronda knows; 0 unless one is the name."""
    roles = [by_hand[n] if n in by_hand else HEADERS.get(n)
             for n in (normal_header(c) for c in cells if c.strip())]
    return sum(r is not None for r in roles) if "name" in roles else 0


def map_columns(header: Sequence[str], by_hand: Mapping[str, str | None]) -> list[Column]:
    """The role of each header cell. ``Blok`` with a house number column (``No. Rumah``,
    ``Nomor``) make the house; ``Blok`` alone is the house. Two cells that are one column
    (``nama,nama``, or ``nama,name``) are refused, naming both; so is a ``--map`` naming a
    header the sheet does not have."""
    normals = [normal_header(h) for h in header]
    missing = [h for h in by_hand if h not in normals]
    if missing:
        raise BadInput("err.sheet_map_unknown", value=missing[0],
                       columns=", ".join(h.strip() for h in header if h.strip()))
    roles = [by_hand[n] if n in by_hand else HEADERS.get(n) for n in normals]
    if "block" in roles:
        numbers = [i for i, n in enumerate(normals) if n in _HOUSE_NUMBER and n not in by_hand]
        if numbers:
            roles[numbers[0]] = "house_number"
        elif "household" not in roles and "house_number" not in roles:
            roles[roles.index("block")] = "household"
    elif "nomor" in normals and "nomor" not in by_hand:
        roles[normals.index("nomor")] = "row_number"
    _refuse_twice(header, normals, roles)
    return [Column(i, h, role, normals[i - 1] in by_hand)
            for i, (h, role) in enumerate(zip(header, roles, strict=True), start=1)]


def _refuse_twice(header: Sequence[str], normals: Sequence[str],
                  roles: Sequence[str | None]) -> None:
    seen: dict[str, int] = {}
    for number, (name, normal, role) in enumerate(zip(header, normals, roles, strict=True), 1):
        key = normal if role in _MANY else role
        if not key or role == "row_number":
            continue
        if key in seen:
            first = seen[key]
            if header[first - 1].strip().casefold() == name.strip().casefold():
                raise BadInput("err.csv_column_twice", column=name.strip(), first=first,
                               second=number)
            raise BadInput("err.csv_same_column", column=header[first - 1].strip(),
                           other=name.strip(), first=first, second=number)
        seen[key] = number
