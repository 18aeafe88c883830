"""The jadwal ronda as PDF: one A4 landscape page per week, drawn with reportlab (pure Python)
in the Bitstream Vera fonts that ship with it, so nothing has to be installed on the system."""

from __future__ import annotations

import io
from collections.abc import Sequence
from pathlib import Path

from ronda.printing.poster import PATROL_NOTES, Night, Sheet

MM = 72 / 25.4
PAGE_W, PAGE_H = 297 * MM, 210 * MM
MARGIN = 10 * MM
FONTS = {"regular": ("RondaSans", "Vera.ttf"), "bold": ("RondaSans-Bold", "VeraBd.ttf"),
         "italic": ("RondaSans-Italic", "VeraIt.ttf")}


def _register() -> None:
    import reportlab
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    folder = Path(reportlab.__file__).parent / "fonts"
    for name, file in FONTS.values():
        if name not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont(name, str(folder / file)))


def _font(kind: str) -> str:
    return FONTS[kind][0]


class _Page:
    """Drawing helpers over one reportlab canvas."""

    def __init__(self, canvas, scale: float = 1.0) -> None:  # noqa: ANN001
        from reportlab.lib.utils import simpleSplit

        self.c = canvas
        self.split = simpleSplit
        self.scale = scale  # the week's type size against the base sizes below

    def centred(self, text: str, y: float, kind: str, size: float) -> float:
        self.c.setFont(_font(kind), size)
        self.c.drawCentredString(PAGE_W / 2, y, text)
        return y - size * 1.3

    def block(self, text: str, x: float, y: float, width: float, kind: str, size: float,
              *, underline: bool = False, leading: float = 1.2) -> float:
        """Wrapped text from (x, y) downwards, at ``size`` times the page's scale; wrapped
        lines hang under the first; returns the next y."""
        size *= self.scale
        self.c.setFont(_font(kind), size)
        for k, line in enumerate(self.split(text, _font(kind), size, width) or [""]):
            if k == 1:  # a hanging indent for the lines after the first
                x, width = x + 2 * MM, width - 2 * MM
            self.c.drawString(x, y, line)
            if underline:
                w = self.c.stringWidth(line, _font(kind), size)
                self.c.line(x, y - 1.2, x + w, y - 1.2)
            y -= size * leading
        return y


SIGN_H = 26 * MM
FOOT = 7.5


def _height(page: _Page, rows: list[str], width: float) -> float:
    """The height a footer column of rows takes."""
    size = FOOT * page.scale
    lines = sum(len(page.split(f"• {row}", _font("regular"), size, width) or [""])
                for row in rows)
    return lines * size * 1.15 + 12


def _night(page: _Page, n: Night, sheet: Sheet, x: float, top: float, width: float) -> float:
    y = top
    inner = width - 4 * MM
    if n.holiday:
        y = page.block(n.holiday, x, y, inner, "italic", 8.5)
    if not n.people:
        y = page.block(sheet.label("poster.no_duty"), x, y, inner, "italic", 8.5)
    for w in n.shifts:
        if len(n.shifts) > 1:
            y = page.block(w.hours, x, y - 0.5 * MM, inner, "bold", 9)
        for i, p in enumerate(w.people, start=1):
            text = f"{i}. {p.name}" + (f" ({p.house})" if p.house else "")
            y = page.block(text, x, y, inner, "bold" if p.leader else "regular", 8.5,
                           underline=p.leader, leading=1.15)
            if sheet.patrol:
                if p.phone:
                    y = page.block(p.phone, x + 3 * MM, y, inner, "regular", 8)
                y = page.block("[ ]H [ ]I [ ]S [ ]TK", x + 3 * MM, y, inner, "regular", 8)
        for g in w.guests:
            y = page.block(f"+ {g}", x, y, inner, "italic", 8.5)
        if sheet.patrol and len(n.shifts) > 1:  # each shift hands over to the next
            y = _patrol_lines(page, sheet, x, y, inner)
    if sheet.patrol and len(n.shifts) <= 1:
        y = _patrol_lines(page, sheet, x, y, inner)
    return y


def _patrol_lines(page: _Page, sheet: Sheet, x: float, y: float, inner: float) -> float:
    for key in PATROL_NOTES:
        y = page.block(sheet.label(key), x, y - 1 * MM, inner, "regular", 7.5)
    return y


def _draw(page: _Page, sheet: Sheet) -> bool:
    """Draw one week; True when it all fit on one page."""
    c = page.c
    y = PAGE_H - MARGIN - 14
    y = page.centred(sheet.title, y, "bold", 16)
    y = page.centred(sheet.neighbourhood, y, "bold", 12)
    if sheet.area:
        y = page.centred(sheet.area, y, "regular", 10)
    y = page.centred(f"{sheet.period} · {sheet.hours_line}", y, "regular", 10)

    width = (PAGE_W - 2 * MARGIN) / 7
    head_top = y - 2 * MM
    head_h = 13 * MM
    for i, n in enumerate(sheet.nights):
        x = MARGIN + i * width
        c.setFont(_font("bold"), 11)
        c.drawCentredString(x + width / 2, head_top - 5 * MM, n.day)
        c.setFont(_font("regular"), 8.5)
        c.drawCentredString(x + width / 2, head_top - 8.5 * MM, n.date_text)
        c.setFont(_font("italic"), 8.5)
        c.drawCentredString(x + width / 2, head_top - 11.8 * MM, n.night)
    body_top = head_top - head_h
    lowest = body_top
    for i, n in enumerate(sheet.nights):
        x = MARGIN + i * width
        lowest = min(lowest, _night(page, n, sheet, x + 2 * MM, body_top - 4.5 * MM, width))
    bottom = lowest - 2 * MM
    c.setLineWidth(0.8)
    c.rect(MARGIN, bottom, PAGE_W - 2 * MARGIN, head_top - bottom)
    c.line(MARGIN, body_top, PAGE_W - MARGIN, body_top)
    for i in range(1, 7):
        c.line(MARGIN + i * width, bottom, MARGIN + i * width, head_top)

    y = bottom - 4 * MM
    if sheet.patrol:
        houses = "; ".join(sheet.empty_houses) or sheet.label("poster.none")
        y = page.block(f"{sheet.label('poster.empty_houses')}: {houses}", MARGIN, y,
                       PAGE_W - 2 * MARGIN, "regular", 8.5)
        y = page.block(f"{sheet.label('poster.attendance')} · {sheet.label('poster.handover')}",
                       MARGIN, y, PAGE_W - 2 * MARGIN, "regular", 8.5) - 2 * MM
    columns = [
        ("poster.rules_title", [sheet.hours_line, *sheet.rules]),
        ("poster.kentongan_title", [f"{e}: {p}" for e, p in sheet.kentongan]),
        ("poster.numbers_title", [f"{a}: {b}" if b else a for a, b in sheet.numbers]),
    ]
    col_w = (PAGE_W - 2 * MARGIN - 8 * MM) / 3
    needed = max(_height(page, [sheet.label(t), *rows], col_w) for t, rows in columns)
    fits = y - needed - SIGN_H >= MARGIN
    if not fits:  # even the smallest type is too big: footer and signatures overleaf
        c.showPage()
        y = PAGE_H - MARGIN - 10
    low = y
    for i, (title, rows) in enumerate(columns):
        x = MARGIN + i * (col_w + 4 * MM)
        yy = page.block(sheet.label(title), x, y, col_w, "bold", 8.5)
        for row in rows:
            yy = page.block(f"• {row}", x, yy, col_w, "regular", FOOT, leading=1.15)
        low = min(low, yy)

    sign_top = low - 4 * MM
    left, right = sheet.sign_left, sheet.sign_right
    for cx, lines, name in ((PAGE_W * 0.25, ["", left[0], left[1]], left[2]),
                            (PAGE_W * 0.75, [sheet.place_date, right[0], right[1]], right[2])):
        yy = sign_top
        for line in lines:
            c.setFont(_font("regular"), 10)
            c.drawCentredString(cx, yy, line)
            yy -= 12
        c.setFont(_font("bold"), 10)
        text = f"( {name or '……………………'} )"
        c.drawCentredString(cx, yy - 10 * MM, text)
        w = c.stringWidth(text, _font("bold"), 10)
        c.line(cx - w / 2, yy - 10 * MM - 1.5, cx + w / 2, yy - 10 * MM - 1.5)
    return fits


# the week's type is the largest that keeps it on one page: names from about 12 pt down
SCALES = (1.4, 1.3, 1.2, 1.1, 1.0, 0.92, 0.85, 0.78, 0.72)


def best_scale(sheet: Sheet) -> float:
    """The largest type scale at which the week fits one page (tried on a scratch canvas)."""
    from reportlab.pdfgen import canvas

    for scale in SCALES:
        scratch = canvas.Canvas(io.BytesIO(), pagesize=(PAGE_W, PAGE_H))
        if _draw(_Page(scratch, scale), sheet):
            return scale
    return SCALES[-1]


def sheets_pdf(sheets: Sequence[Sheet]) -> bytes:
    """A PDF with one A4 landscape page per sheet, in the largest type that fits."""
    from reportlab.pdfgen import canvas

    _register()
    buffer = io.BytesIO()
    c = canvas.Canvas(buffer, pagesize=(PAGE_W, PAGE_H), invariant=True)
    if sheets:
        c.setTitle(f"{sheets[0].title} · {sheets[0].neighbourhood}")
    for sheet in sheets:
        _draw(_Page(c, best_scale(sheet)), sheet)
        c.showPage()
    c.save()
    return buffer.getvalue()
