"""Workbooks made at test time, as RTs' spreadsheets come: an .xlsx (XlsxWriter, typed cells,
a merged title, hidden sheets) and an .ods (its XML written by hand, as LibreOffice stores
it), from rows of Python values. No binary file is kept in the repository."""

from __future__ import annotations

import csv
import io
import zipfile
from datetime import date, datetime
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape, quoteattr

EXAMPLES = Path(__file__).parent.parent / "examples"
Rows = list[list[Any]]


def example_rows(name: str = "warga-rt05.csv") -> Rows:
    """The rows of an example CSV (``;``), each cell as text."""
    with (EXAMPLES / name).open(encoding="utf-8-sig", newline="") as handle:
        return [list(r) for r in csv.reader(handle, delimiter=";")]


def as_typed(rows: Rows, *, number_columns: tuple[str, ...] = ()) -> Rows:
    """The rows as a spreadsheet stores what was typed: the row numbers and the columns named
    become numbers (a phone loses its leading 0, as in a cell not formatted as text)."""
    header = rows[0]
    numeric = {header.index(c) for c in number_columns} | {0}
    out = [header]
    for row in rows[1:]:
        cells: list[Any] = list(row)
        for i in numeric:
            digits = "".join(ch for ch in str(cells[i]) if ch.isdigit())
            if digits and not str(cells[i]).startswith("+"):
                cells[i] = float(digits)
        out.append(cells)
    return out


def xlsx_bytes(sheets: dict[str, Rows], *, title: str | None = None,
               hidden: tuple[str, ...] = ()) -> bytes:
    """An .xlsx: each sheet's rows from its first row, or under a merged ``title`` and a blank
    row; numbers, dates and booleans as typed cells."""
    import xlsxwriter

    out = io.BytesIO()
    book = xlsxwriter.Workbook(out, {"in_memory": True})
    day = book.add_format({"num_format": "d/m"})
    shown = False
    for name, rows in sheets.items():
        page = book.add_worksheet(name)
        top = 0
        if title:
            page.merge_range(0, 0, 0, max(len(rows[0]) - 1, 1), title)
            top = 2
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                if value is None or value == "":
                    continue
                if isinstance(value, bool):
                    page.write_boolean(top + r, c, value)
                elif isinstance(value, int | float):
                    page.write_number(top + r, c, value)
                elif isinstance(value, date):
                    page.write_datetime(top + r, c, datetime.combine(value, datetime.min.time())
                                        if not isinstance(value, datetime) else value, day)
                else:
                    page.write_string(top + r, c, str(value))
        if name in hidden:
            page.hide()
        elif not shown:  # a hidden sheet cannot be the one open
            page.activate()
            page.set_first_sheet()
            shown = True
    book.close()
    return out.getvalue()


_ODS_NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
           'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
           'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"')
_ODS_TYPE = "application/vnd.oasis.opendocument.spreadsheet"


def _ods_cell(value: Any) -> str:
    if value is None or value == "":
        return "<table:table-cell/>"
    if isinstance(value, bool):
        return (f'<table:table-cell office:value-type="boolean" office:boolean-value='
                f'"{str(value).lower()}"><text:p>{value}</text:p></table:table-cell>')
    if isinstance(value, int | float):
        return (f'<table:table-cell office:value-type="float" office:value="{value}">'
                f"<text:p>{value}</text:p></table:table-cell>")
    if isinstance(value, date):
        return (f'<table:table-cell office:value-type="date" office:date-value='
                f'"{value.isoformat()}"><text:p>{value}</text:p></table:table-cell>')
    return (f'<table:table-cell office:value-type="string"><text:p>{escape(str(value))}'
            f"</text:p></table:table-cell>")


def ods_bytes(sheets: dict[str, Rows]) -> bytes:
    """An .ods: the zip LibreOffice writes (``mimetype`` first and stored, a manifest, the
    content), each sheet's rows as typed cells."""
    tables = "".join(
        f"<table:table table:name={quoteattr(name)}>" + "".join(
            "<table:table-row>" + "".join(_ods_cell(v) for v in row) + "</table:table-row>"
            for row in rows) + "</table:table>"
        for name, rows in sheets.items())
    content = (f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {_ODS_NS}>'
               f"<office:body><office:spreadsheet>{tables}</office:spreadsheet></office:body>"
               "</office:document-content>")
    manifest = ('<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest='
                '"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
                f'<manifest:file-entry manifest:full-path="/" manifest:media-type="{_ODS_TYPE}"/>'
                '<manifest:file-entry manifest:full-path="content.xml" '
                'manifest:media-type="text/xml"/></manifest:manifest>')
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), _ODS_TYPE, zipfile.ZIP_STORED)
        archive.writestr("META-INF/manifest.xml", manifest)
        archive.writestr("content.xml", content)
    return out.getvalue()
