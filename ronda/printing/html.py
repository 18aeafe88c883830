"""One self-contained HTML file: A4 landscape, one week per page, readable in black and white.

Sizes are set in millimetres and points from the constants below, which the layout test also
uses to check that a full week (seven nights of ten names) fits one page.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from ronda.printing.poster import PATROL_NOTES, Night, Sheet

PAGE_W_MM, PAGE_H_MM, MARGIN_MM = 297.0, 210.0, 10.0
TITLE_PT, HEAD_PT, BODY_PT, FOOT_PT = 16.0, 10.5, 8.5, 7.5
LINE = 1.25  # line height, as a multiple of the font size
PT_MM = 0.3528
CELL_PAD_MM = 5.5  # cell padding on both sides and the list's indent
CHAR_EM = 0.55  # average width of a character, as a multiple of the font size
SIGN_MM = 26.0  # signature block: place and date, two titles, room to sign, names

CSS = f"""
@page {{ size: A4 landscape; margin: {MARGIN_MM}mm; }}
* {{ box-sizing: border-box; }}
body {{ font-family: "DejaVu Sans", "Noto Sans", Arial, sans-serif; color: #000; margin: 0; }}
.page {{ width: {PAGE_W_MM - 2 * MARGIN_MM}mm; height: {PAGE_H_MM - 2 * MARGIN_MM}mm;
         page-break-after: always; break-after: page; overflow: hidden;
         display: flex; flex-direction: column; }}
.page:last-child {{ page-break-after: auto; break-after: auto; }}
header {{ text-align: center; line-height: {LINE}; }}
h1 {{ font-size: {TITLE_PT}pt; margin: 0; letter-spacing: 0.08em; }}
header p {{ margin: 0; font-size: {HEAD_PT}pt; }}
table.week {{ width: 100%; border-collapse: collapse; table-layout: fixed;
              margin-top: 3mm; font-size: {BODY_PT}pt; line-height: {LINE}; }}
table.week th {{ border: 0.4mm solid #000; padding: 1mm; font-size: {HEAD_PT}pt;
                 line-height: {LINE}; }}
table.week th small {{ display: block; font-weight: normal; font-size: {BODY_PT}pt; }}
table.week td {{ border: 0.4mm solid #000; padding: 1mm; vertical-align: top; }}
table.week ol {{ margin: 0; padding-left: 3.5mm; }}
.leader {{ font-weight: bold; text-decoration: underline; }}
.house {{ white-space: nowrap; }}
.guest, .holiday {{ font-style: italic; }}
.hours {{ font-weight: bold; border-bottom: 0.2mm solid #000; margin-top: 1mm; }}
.short {{ border-style: dashed; }}
.patrol td {{ font-size: {BODY_PT}pt; }}
.box {{ display: inline-block; border: 0.3mm solid #000; width: 3mm; height: 3mm;
        margin-right: 0.6mm; }}
footer {{ display: grid; grid-template-columns: 1.3fr 1fr 1fr; gap: 4mm; margin-top: 3mm;
          font-size: {FOOT_PT}pt; line-height: {LINE}; }}
footer h2 {{ font-size: {FOOT_PT + 1}pt; margin: 0 0 1mm 0; }}
footer ul {{ margin: 0; padding-left: 4mm; }}
.sign {{ display: grid; grid-template-columns: 1fr 1fr; margin-top: auto; height: {SIGN_MM}mm;
         font-size: {BODY_PT + 1}pt; text-align: center; line-height: {LINE}; }}
.sign .name {{ margin-top: 10mm; text-decoration: underline; font-weight: bold; }}
.empty {{ margin-top: 2mm; font-size: {BODY_PT}pt; }}
@media screen {{ body {{ background: #ddd; }}
  .page {{ background: #fff; margin: 8mm auto; padding: {MARGIN_MM}mm;
           width: {PAGE_W_MM}mm; height: {PAGE_H_MM}mm; }} }}
"""


def column_width_mm() -> float:
    return (PAGE_W_MM - 2 * MARGIN_MM) / 7


def lines_for(text: str, width_mm: float, pt: float) -> int:
    """How many lines ``text`` takes in a column ``width_mm`` wide (estimate, rounding up)."""
    per_line = max(1, int((width_mm - CELL_PAD_MM) / (pt * CHAR_EM * PT_MM)))
    words, lines, used = text.split(), 1, 0
    for word in words:
        need = len(word) + (1 if used else 0)
        if used + need > per_line:
            lines, used = lines + 1, len(word)
        else:
            used += need
    return lines


def estimated_height_mm(sheet: Sheet) -> float:
    """The height the page's content takes, from the same sizes the CSS uses."""
    body_line = BODY_PT * LINE * PT_MM
    head = (TITLE_PT + HEAD_PT * (2 + bool(sheet.area))) * LINE * PT_MM + 3
    width = column_width_mm()
    tallest = max(sum(lines_for(_person(p), width, BODY_PT) for p in n.people)
                  + len(n.guests) * 2 + (2 if n.holiday else 0)
                  + (len(n.shifts) if len(n.shifts) > 1 else 0) for n in sheet.nights)
    grid = (HEAD_PT * LINE * PT_MM) + 2 * body_line + 4 + tallest * body_line + 3
    foot_line = FOOT_PT * LINE * PT_MM
    footer = 3 + (FOOT_PT + 1) * LINE * PT_MM + max(len(sheet.rules) * 2, len(sheet.kentongan),
                                                     len(sheet.numbers) + 1) * foot_line
    return head + grid + footer + SIGN_MM


def _person(p) -> str:  # noqa: ANN001
    return p.name + (f" ({p.house})" if p.house else "")


def _person_html(p) -> str:  # noqa: ANN001
    house = f' <span class="house">({escape(p.house)})</span>' if p.house else ""
    return escape(p.name) + house


def _night_cell(n: Night, sheet: Sheet) -> str:
    items = []
    if n.holiday:
        items.append(f'<div class="holiday">{escape(n.holiday)}</div>')
    for w in n.shifts:
        if len(n.shifts) > 1:
            items.append(f'<div class="hours">{escape(w.hours)}</div>')
        people = []
        for p in w.people:
            text = _person_html(p)
            if sheet.patrol and p.phone:
                text += f"<br><small>{escape(p.phone)}</small>"
            if sheet.patrol:
                text += "<br>" + "".join(f'<span class="box"></span>{x} ' for x in
                                         ("H", "I", "S", "TK"))
            css = ' class="leader"' if p.leader else ""
            people.append(f"<li{css}>{text}</li>")
        if people:
            items.append("<ol>" + "".join(people) + "</ol>")
        items += [f'<div class="guest">+ {escape(g)}</div>' for g in w.guests]
        if sheet.patrol and len(n.shifts) > 1:  # each shift hands over to the next
            items += _patrol_lines(sheet)
    if not n.people:
        items.append(f"<div>{escape(sheet.label('poster.no_duty'))}</div>")
    if sheet.patrol and len(n.shifts) <= 1:
        items += _patrol_lines(sheet)
    return "".join(items)


def _patrol_lines(sheet: Sheet) -> list[str]:
    return [f"<div>{escape(sheet.label(k))}</div>" for k in PATROL_NOTES]


def _page(sheet: Sheet) -> str:
    head = (f"<header><h1>{escape(sheet.title)}</h1><p><strong>{escape(sheet.neighbourhood)}"
            f"</strong></p>" + (f"<p>{escape(sheet.area)}</p>" if sheet.area else "") +
            f"<p>{escape(sheet.period)} · {escape(sheet.hours_line)}</p></header>")
    cols = "".join(f"<th>{escape(n.day)}<small>{escape(n.date_text)}</small>"
                   f"<small><em>{escape(n.night)}</em></small></th>" for n in sheet.nights)
    cells = "".join(f'<td{" class=short" if n.short else ""}>{_night_cell(n, sheet)}</td>'
                    for n in sheet.nights)
    table = (f'<table class="week{" patrol" if sheet.patrol else ""}"><thead><tr>{cols}</tr>'
             f"</thead><tbody><tr>{cells}</tr></tbody></table>")
    empty = ""
    if sheet.patrol:
        houses = sheet.empty_houses or [sheet.label("poster.none")]
        empty = (f'<div class="empty"><strong>{escape(sheet.label("poster.empty_houses"))}:'
                 f"</strong> {escape('; '.join(houses))}<br>"
                 f"{escape(sheet.label('poster.attendance'))} · "
                 f"{escape(sheet.label('poster.handover'))}</div>")

    def section(title_key: str, rows: Sequence[str]) -> str:
        items = "".join(f"<li>{escape(r)}</li>" for r in rows)
        return f"<section><h2>{escape(sheet.label(title_key))}</h2><ul>{items}</ul></section>"

    footer = ("<footer>" + section("poster.rules_title", [sheet.hours_line, *sheet.rules]) +
              section("poster.kentongan_title", [f"{e}: {p}" for e, p in sheet.kentongan]) +
              section("poster.numbers_title", [f"{a}: {b}" if b else a
                                               for a, b in sheet.numbers]) + "</footer>")
    left, right = sheet.sign_left, sheet.sign_right
    sign = (f'<div class="sign"><div>&#160;<br>{escape(left[0])}<br>{escape(left[1])}'
            f'<div class="name">( {escape(left[2] or "……………………")} )</div></div>'
            f"<div>{escape(sheet.place_date)}<br>{escape(right[0]) or '&#160;'}<br>"
            f'{escape(right[1])}<div class="name">( {escape(right[2] or "……………………")} )'
            f"</div></div></div>")
    return f'<section class="page">{head}{table}{empty}{footer}{sign}</section>'


def sheets_html(sheets: Sequence[Sheet]) -> str:
    """A complete HTML document, one page per sheet."""
    lang = sheets[0].lang if sheets else "id"
    title = f"{sheets[0].title} · {sheets[0].neighbourhood}" if sheets else ""
    pages = "".join(_page(s) for s in sheets)
    return (f'<!DOCTYPE html>\n<html lang="{lang}"><head><meta charset="utf-8">'
            f"<title>{escape(title)}</title><style>{CSS}</style></head>"
            f"<body>{pages}</body></html>\n")
