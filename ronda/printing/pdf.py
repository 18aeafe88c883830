"""The jadwal ronda as PDF: each week's laid-out pages (fit.py) drawn with reportlab (pure
Python) in the Bitstream Vera fonts that ship with it, embedded, so nothing has to be
installed on the system. Narrower letters are the same face scaled horizontally."""

from __future__ import annotations

import io
from collections.abc import Sequence

from ronda.printing.fit import Laid, lay_out_all
from ronda.printing.fonts import font_name, register
from ronda.printing.layout import PAGE_H, PAGE_W, Box, Page, Rule, Squares, Star, Text
from ronda.printing.poster import Sheet

MM = 72 / 25.4


def _y(y_mm: float) -> float:
    """reportlab counts from the bottom in points; the layout from the top in mm."""
    return (PAGE_H - y_mm) * MM


def draw(c, page: Page) -> None:  # noqa: ANN001
    """Draw one laid-out page on a reportlab canvas."""
    c.setStrokeColorRGB(0, 0, 0)
    c.setFillColorRGB(0, 0, 0)
    for op in page.ops:
        if isinstance(op, Text):
            line = c.beginText(op.x * MM, _y(op.y))
            line.setFont(font_name(op.kind), op.size)
            line.setHorizScale(op.stretch * 100)
            line.textOut(op.text)
            c.drawText(line)
        elif isinstance(op, Rule):
            c.setLineWidth(op.weight)
            c.line(op.x1 * MM, _y(op.y1), op.x2 * MM, _y(op.y2))
        elif isinstance(op, Box):
            c.setLineWidth(op.weight)
            c.rect(op.x * MM, _y(op.y + op.h), op.w * MM, op.h * MM)
        elif isinstance(op, Star):
            path = c.beginPath()
            points = op.points()
            path.moveTo(points[0][0] * MM, _y(points[0][1]))
            for x, y in points[1:]:
                path.lineTo(x * MM, _y(y))
            path.close()
            c.drawPath(path, stroke=0, fill=1)
        elif isinstance(op, Squares):
            for col, row in op.dark:
                c.rect((op.x + col * op.cell) * MM, _y(op.y + (row + 1) * op.cell),
                       op.cell * MM * 1.02, op.cell * MM * 1.02, stroke=0, fill=1)


def sheets_pdf(sheets: Sequence[Sheet]) -> bytes:
    """A PDF of the sheets, each on the pages ``fit.lay_out`` gives it."""
    return laid_pdf(lay_out_all(sheets))


def laid_pdf(laid: Sequence[Laid]) -> bytes:
    """A PDF with every laid-out sheet's A4 landscape pages, in order."""
    from reportlab.pdfgen import canvas

    register()
    buffer = io.BytesIO()
    c = canvas.Canvas(buffer, pagesize=(PAGE_W * MM, PAGE_H * MM), invariant=True)
    if laid:
        c.setTitle(f"{laid[0].sheet.title} · {laid[0].sheet.neighbourhood}")
    for week in laid:
        for page in week.pages:
            draw(c, page)
            c.showPage()
    c.save()
    return buffer.getvalue()
