"""One printed page of a week in a given style: the header (with the page's number when the
week takes two), its nights — a night a column, or a night a row and a shift a column — and,
on the last page, the footer with the important numbers and the signatures.

``compose`` returns the page and how far it overflows (mm, ≤ 0 when everything fits): lower
than the space above the footer, or a word wider than its column even in the smallest type the
style allows. ``fit.py`` chooses the style.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from ronda.printing import grid
from ronda.printing.footer import FULL, footer
from ronda.printing.layout import (
    LEADING,
    MARGIN,
    PAGE_H,
    PAGE_W,
    PT,
    Box,
    Op,
    Page,
    Pen,
    Rule,
    Squares,
    Style,
    Text,
    moved,
)
from ronda.printing.poster import Night, Sheet

QR_SIZE = 18.0  # 0.6 mm a module for a calendar address: read easily from a hand's length


def compose(sheet: Sheet, nights: Sequence[Night], z: Style, rows: bool, *,
            page_line: str = "", last: bool = True) -> tuple[Page, float]:
    """The page holding ``nights`` in style ``z`` (``rows``: a night a row), and how far it
    overflows."""
    page = Page(z.name)
    pen = Pen(page.ops, z.stretch)
    head_end = _header(pen, sheet, z, page_line)
    foot_ops: list[Op] = []
    foot = Pen(foot_ops, z.stretch)
    foot_top = PAGE_H - MARGIN - footer(foot, sheet, z, 0.0, last=last)
    grid_top = head_end + 1.2
    low, dividers, under = (grid.rows if rows else grid.columns)(pen, sheet, nights, z,
                                                                 grid_top)
    grid_bottom = foot_top - 1.6
    page.ops.append(Box(MARGIN, grid_top, FULL, grid_bottom - grid_top))
    if under is not None:
        page.ops.append(Rule(MARGIN, under, PAGE_W - MARGIN, under, 0.8))
    for x in dividers:
        page.ops.append(Rule(x, grid_top, x, grid_bottom, 0.8))
    page.ops += [moved(op, 0.0, foot_top) for op in foot_ops]
    return page, max(low - grid_bottom, pen.over - 0.01, foot.over - 0.01)


# ------------------------------------------------------------------ header and footer

def _header(pen: Pen, sheet: Sheet, z: Style, page_line: str) -> float:
    """The title, the neighbourhood, its place, the week and its hours (and the page's
    number), centred; the calendar's QR code at the right, its caption beside it at the
    bottom (under it when a line of the header reaches there)."""
    room = FULL - (2 * (QR_SIZE + 3) if sheet.calendar_url else 0)
    cx, y = PAGE_W / 2, MARGIN
    first = len(pen.ops)
    y = pen.centred(sheet.title, cx, y, room, "bold", z.title, floor=z.floor)
    y = pen.centred(sheet.neighbourhood, cx, y, room, "bold", z.head, floor=z.floor)
    place = " · ".join(x for x in (sheet.area, sheet.post) if x)
    if place:
        y = pen.centred(place, cx, y, room, "regular", z.small, floor=z.floor)
    y = pen.centred(f"{sheet.period} · {sheet.hours_line}", cx, y, room, "regular", z.small,
                    floor=z.floor)
    if page_line:
        y = pen.centred(page_line, cx, y, room, "bold", z.small, floor=z.floor)
    if sheet.calendar_url:
        code = _qr(sheet.calendar_url)
        pen.ops.append(code)
        caption = sheet.label("poster.qr_caption")
        left = code.x - 1.5 - pen.width(caption, "regular", CAPTION)
        top = MARGIN + QR_SIZE - CAPTION * PT * LEADING
        if any(isinstance(op, Text) and op.x + op.width > left - 1.5 and
               op.y > top - 0.5 for op in pen.ops[first:]):
            under = pen.centred(caption, PAGE_W - MARGIN - QR_SIZE / 2, MARGIN + QR_SIZE + 0.3,
                                QR_SIZE, "regular", CAPTION)
            y = max(y, under + 0.5)
        else:
            pen.block(caption, left, top, code.x - left, "regular", CAPTION)
            y = max(y, MARGIN + QR_SIZE)
    return y


CAPTION = 6.5  # the QR code's caption, in points


@lru_cache(maxsize=8)
def _qr(url: str) -> Squares:
    from reportlab.graphics.barcode import qrencoder

    code = qrencoder.QRCode(None, qrencoder.QRErrorCorrectLevel.M)
    code.addData(url)
    code.make()
    cell = QR_SIZE / code.getModuleCount()
    dark = tuple((c, r) for r, row in enumerate(code.modules) for c, on in enumerate(row) if on)
    return Squares(PAGE_W - MARGIN - QR_SIZE, MARGIN, cell, dark)
