"""Roster workbooks: ``.xlsx`` and ``.ods`` read (python-calamine), ``.xlsx`` written
(XlsxWriter).

Bytes in, bytes out: the command layer reads and writes the files, and refuses one past
``MAX_BYTES`` before it gets here. Both libraries are imported only by the commands that
need them.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Mapping, Sequence

from ronda.errors import BadInput
from ronda.people.sheet import SheetReading, read_sheet

# A workbook is a zip of XML; a sheet of MAX_ROWS rows unpacks to a few MB. One that unpacks
# to more is refused before it is read (a small file can unpack to gigabytes).
MAX_UNPACKED = 50_000_000
_ZIP = b"PK\x03\x04"
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # an old .xls


def is_workbook(data: bytes) -> bool:
    """Whether the bytes are a workbook (.xlsx, .ods, .xls) rather than text."""
    return data.startswith((_ZIP, _OLE))


def sheet_names(data: bytes) -> list[str]:
    """The names of a workbook's sheets, in order."""
    with _open(data) as book:
        return list(book.sheet_names)


def read_workbook(data: bytes, *, sheet: str | None = None,
                  by_hand: Mapping[str, str | None] | None = None) -> SheetReading:
    """The roster in a workbook's first visible sheet (or the one named ``sheet``, its case
    aside), read as ``sheet.read_sheet`` reads it; row numbers are those the spreadsheet
    shows."""
    with _open(data) as book:
        name = _pick(book, sheet)
        table = book.get_sheet_by_name(name)
        top = (table.start or (0, 0))[0]
        return read_sheet(((top + i + 1, row) for i, row in enumerate(table.iter_rows())),
                          by_hand, extra_cells_refused=False)


def _pick(book: object, wanted: str | None) -> str:
    from python_calamine import SheetVisibleEnum

    names: list[str] = book.sheet_names  # type: ignore[attr-defined]
    if wanted is None:
        visible = [m.name for m in book.sheets_metadata  # type: ignore[attr-defined]
                   if m.visible == SheetVisibleEnum.Visible]
        return (visible or names)[0]
    for name in names:
        if name.strip().casefold() == wanted.strip().casefold():
            return name
    raise BadInput("err.sheet_not_found", sheet=wanted, sheets=", ".join(names))


def _open(data: bytes):  # noqa: ANN202 - the workbook type lives in python_calamine
    """The workbook, after its unpacked size is checked; a damaged one is bad input."""
    if data.startswith(_ZIP):
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                unpacked = sum(info.file_size for info in archive.infolist())
        except zipfile.BadZipFile:
            raise BadInput("err.sheet_unreadable") from None
        if unpacked > MAX_UNPACKED:
            raise BadInput("err.sheet_unpacks_too_big", size=f"{MAX_UNPACKED // 1_000_000} MB")
    from python_calamine import CalamineWorkbook

    try:
        return CalamineWorkbook.from_filelike(io.BytesIO(data))
    except Exception:  # calamine's errors share no base class worth naming
        raise BadInput("err.sheet_unreadable") from None


def write_roster_xlsx(header: Sequence[str], rows: Sequence[Sequence[str]]) -> bytes:
    """The roster as an .xlsx workbook: one sheet, the header bold and frozen, every cell
    text (a phone keeps its 0, a house number stays ``12/7``, nothing is run as a formula),
    each column as wide as its longest value."""
    import xlsxwriter

    out = io.BytesIO()
    book = xlsxwriter.Workbook(out, {"in_memory": True, "strings_to_numbers": False,
                                     "strings_to_formulas": False, "strings_to_urls": False})
    text = book.add_format({"num_format": "@"})
    bold = book.add_format({"bold": True, "num_format": "@"})
    page = book.add_worksheet("Warga")
    for col, title in enumerate(header):
        width = max([len(title), *(len(r[col]) for r in rows)]) + 2
        page.set_column(col, col, min(width, 60), text)
        page.write_string(0, col, title, bold)
    for number, row in enumerate(rows, start=1):
        for col, value in enumerate(row):
            page.write_string(number, col, value, text)
    page.freeze_panes(1, 0)
    book.close()
    return out.getvalue()

