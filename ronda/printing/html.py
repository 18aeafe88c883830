"""One self-contained HTML file: printed, A4 landscape, each week on its pages, the same pages
as the PDF; on a screen, a page that reads on a phone.

For print, each week is laid out once (fit.py) and every line of text is placed where the PDF
puts it, in the same embedded font (Bitstream Vera as data URLs) and the same width (narrower
letters are the face scaled horizontally, as in the PDF), so a browser prints what the PDF
prints. On a screen the same sheet flows instead (screen.py): a night a block, each name one
piece of text, tonight marked. The text stays real text: selectable, searchable, readable by a
screen reader.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from ronda.printing.fit import Laid, lay_out_all
from ronda.printing.fonts import ascent_descent, data_url
from ronda.printing.layout import PAGE_H, PAGE_W, PT, Box, Page, Rule, Squares, Star, Text
from ronda.printing.poster import Sheet
from ronda.printing.screen import screen_css, screen_html


def _css() -> str:
    faces = "".join(
        f'@font-face {{ font-family: "RondaSans"; src: url({data_url(kind)}) format("truetype");'
        f" font-weight: {weight}; font-style: {style}; }}\n"
        for kind, weight, style in (("regular", 400, "normal"), ("bold", 700, "normal"),
                                    ("italic", 400, "italic")))
    return faces + f"""
@page {{ size: A4 landscape; margin: 0; }}
* {{ box-sizing: border-box; }}
html, body {{ margin: 0; padding: 0; }}
body {{ font-family: "RondaSans"; color: #000; -webkit-print-color-adjust: exact;
        print-color-adjust: exact; }}
.page {{ position: relative; width: {PAGE_W}mm; height: {PAGE_H}mm; overflow: hidden;
         background: #fff; break-after: page; page-break-after: always; }}
.page:last-child {{ break-after: auto; page-break-after: auto; }}
.page svg {{ position: absolute; left: 0; top: 0; }}
.page span {{ position: absolute; white-space: pre; line-height: 1; font-kerning: none;
              font-synthesis: none; transform-origin: 0 0; }}
.b {{ font-weight: 700; }}
.i {{ font-style: italic; }}
@media screen {{ body {{ background: #ddd; }} .page {{ margin: 8mm auto; }} }}
"""


def _n(v: float) -> str:
    return f"{v:.2f}".rstrip("0").rstrip(".")


def _page(page: Page, label: str) -> str:
    ascent, descent = ascent_descent()
    # with line-height 1 the baseline sits (1 + ascent - descent) / 2 em below the box's top
    drop = (1 + ascent - descent) / 2
    spans, shapes = [], []
    for op in page.ops:
        if isinstance(op, Text):
            css = {"bold": ' class="b"', "italic": ' class="i"'}.get(op.kind, "")
            top = op.y - drop * op.size * PT
            scale = f";transform:scaleX({op.stretch:g})" if op.stretch != 1 else ""
            spans.append(f'<span{css} style="left:{_n(op.x)}mm;top:{_n(top)}mm;'
                         f'font-size:{_n(op.size)}pt{scale}">{escape(op.text)}</span>')
        elif isinstance(op, Rule):
            shapes.append(f'<line x1="{_n(op.x1)}" y1="{_n(op.y1)}" x2="{_n(op.x2)}" '
                          f'y2="{_n(op.y2)}" stroke-width="{_n(op.weight * PT)}"/>')
        elif isinstance(op, Box):
            shapes.append(f'<rect x="{_n(op.x)}" y="{_n(op.y)}" width="{_n(op.w)}" '
                          f'height="{_n(op.h)}" fill="none" stroke-width="{_n(op.weight * PT)}"/>')
        elif isinstance(op, Star):
            points = " ".join(f"{_n(x)},{_n(y)}" for x, y in op.points())
            shapes.append(f'<polygon points="{points}" fill="#000" stroke="none"/>')
        elif isinstance(op, Squares):
            cells = "".join(f"M{col} {row}h1v1h-1z" for col, row in op.dark)
            shapes.append(f'<path transform="translate({_n(op.x)} {_n(op.y)}) '
                          f'scale({op.cell:.4f})" d="{cells}" fill="#000"/>')
    svg = (f'<svg xmlns="http://www.w3.org/2000/svg" width="{_n(PAGE_W)}mm" '
           f'height="{_n(PAGE_H)}mm" viewBox="0 0 {_n(PAGE_W)} {_n(PAGE_H)}" stroke="#000" '
           f'aria-hidden="true">{"".join(shapes)}</svg>')
    return (f'<section class="page" aria-label="{escape(label)}">{svg}'
            f'{"".join(spans)}</section>')


def sheets_html(sheets: Sequence[Sheet]) -> str:
    """A complete HTML document of the sheets, each on the pages ``fit.lay_out`` gives it."""
    return laid_html(lay_out_all(sheets))


def laid_html(laid: Sequence[Laid]) -> str:
    """A complete HTML document, one section per laid-out page."""
    first = laid[0].sheet if laid else None
    lang = first.lang if first else "id"
    title = f"{first.title} · {first.neighbourhood}" if first else ""
    pages = "".join(_page(page, f"{w.sheet.title} · {w.sheet.period}") for w in laid
                    for page in w.pages)
    return (f'<!DOCTYPE html>\n<html lang="{lang}"><head><meta charset="utf-8">'
            '<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<title>{escape(title)}</title><style>{_css()}{screen_css()}</style></head>"
            f"<body>{screen_html([w.sheet for w in laid])}{pages}</body></html>\n")
