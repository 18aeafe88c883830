"""Reports that are read rather than pinned up (the kas's month, the handover of incidents to
the Polsek, the area's week): a title, then headings, paragraphs, label–value lists and
tables, written once and given as Markdown, as an A4 PDF in the same fonts as the jadwal, or
as HTML to print from a browser."""

from __future__ import annotations

import io
from dataclasses import dataclass, field

from ronda.printing.layout import FLOOR
from ronda.printing.letter import Kop, LetterBlock
from ronda.printing.letter import markup as _escape
from ronda.printing.marks import markdown_cell


@dataclass(frozen=True)
class Heading:
    text: str


@dataclass(frozen=True)
class Paragraph:
    """A paragraph; ``flush``: set flush left even in a letter, whose prose is justified (a
    line that is not prose, such as the contact under the signatures)."""

    text: str
    italic: bool = False
    flush: bool = False


@dataclass(frozen=True)
class Pairs:
    """Label–value lines (``Tempat: Gang Mawar 3``)."""

    rows: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Grid:
    """A table; ``right``: the columns aligned right (amounts)."""

    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    right: tuple[int, ...] = ()
    bold_last: bool = False  # a total in the last row
    marked: frozenset[tuple[int, int]] = frozenset()  # (row, column) cells to stand out


@dataclass(frozen=True)
class NewPage:
    pass


Block = Heading | Paragraph | Pairs | Grid | NewPage | LetterBlock


@dataclass(frozen=True)
class Document:
    title: str
    subtitle: str = ""
    blocks: tuple[Block, ...] = field(default_factory=tuple)
    footer: str = ""  # on every page of the PDF, at the end of the Markdown
    large: bool = False  # a notice to read on a wall: everything bigger
    landscape: bool = False
    # the paper's form (printing.letter), in the PDF only: the letterhead over the first
    # page, "Halaman {n} dari {count}" at the foot of each, the title left off (a letter's
    # perihal says what it is)
    kop: Kop | None = None
    page_of: str = ""
    titled: bool = True


def document_markdown(doc: Document) -> str:
    """The document as Markdown (a page break is a rule; the paper's form, the kop and the
    signatures, is the PDF's)."""
    lines = [f"# {markdown_cell(doc.title)}", ""]
    if doc.subtitle:
        lines += [f"**{markdown_cell(doc.subtitle)}**", ""]
    for block in doc.blocks:
        if isinstance(block, Heading):
            lines += [f"## {markdown_cell(block.text)}", ""]
        elif isinstance(block, Paragraph):
            text = markdown_cell(block.text)
            lines += [f"*{text}*" if block.italic else text, ""]
        elif isinstance(block, Pairs):
            lines += [f"- {markdown_cell(a)}: {markdown_cell(b)}" for a, b in block.rows] + [""]
        elif isinstance(block, Grid):
            lines.append("| " + " | ".join(markdown_cell(h) for h in block.headers) + " |")
            lines.append("|" + "|".join("---:" if i in block.right else "---"
                                        for i in range(len(block.headers))) + "|")
            for k, row in enumerate(block.rows):
                cells = [markdown_cell(c) for c in row]
                if block.bold_last and k == len(block.rows) - 1:
                    cells = [f"**{c}**" if c else c for c in cells]
                lines.append("| " + " | ".join(cells) + " |")
            lines.append("")
        elif isinstance(block, NewPage):
            lines += ["---", ""]
    if doc.footer:
        lines += [f"*{markdown_cell(doc.footer)}*", ""]
    return "\n".join(lines).rstrip() + "\n"


def document_pdf(doc: Document) -> bytes:
    """The document as an A4 PDF (portrait), fonts embedded; with its kop, letter parts and
    signatures (``printing.letter``) when it has them. The same document gives the same
    bytes."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import PageBreak, SimpleDocTemplate, Spacer, Table, TableStyle
    from reportlab.platypus import Paragraph as Para

    from ronda.printing.fonts import font_name, register
    from ronda.printing.letter import numbered_canvas

    register()
    regular, bold, italic = font_name("regular"), font_name("bold"), font_name("italic")
    scale = 1.7 if doc.large else 1.0
    # a word too wide for its cell widens the column or shrinks the table's type; never split
    body = ParagraphStyle("body", fontName=regular, fontSize=10 * scale, leading=13 * scale,
                          splitLongWords=0)
    # a letter's text is justified, as an office's; its parts keep the normal size
    letter = ParagraphStyle("letter", fontName=regular, fontSize=10.5, leading=14,
                            splitLongWords=0, alignment=4)
    styles = {
        "title": ParagraphStyle("title", parent=body, fontName=bold, fontSize=16 * scale,
                                leading=20 * scale),
        "subtitle": ParagraphStyle("subtitle", parent=body, fontSize=11 * scale,
                                   leading=15 * scale, spaceAfter=4 * mm),
        "heading": ParagraphStyle("heading", parent=body, fontName=bold, fontSize=12 * scale,
                                  leading=16 * scale, spaceBefore=3 * mm, spaceAfter=1.5 * mm),
        "body": ParagraphStyle("body2", parent=letter if doc.kop and not doc.large else body,
                               spaceAfter=2 * mm),
        "italic": ParagraphStyle("italic", parent=body, fontName=italic, spaceAfter=2 * mm),
        "flush": ParagraphStyle("flush", parent=letter if doc.kop and not doc.large else body,
                                spaceAfter=2 * mm, alignment=0),
        "cell": ParagraphStyle("cell", parent=body, fontSize=9 * scale, leading=11 * scale),
        "cell_right": ParagraphStyle("cell_right", parent=body, fontSize=9 * scale,
                                     leading=11 * scale, alignment=2),
        "label": ParagraphStyle("label", parent=body, fontName=bold, fontSize=9.5 * scale,
                                leading=12 * scale),
        "label_right": ParagraphStyle("label_right", parent=body, fontName=bold,
                                      fontSize=9.5 * scale, leading=12 * scale, alignment=2),
    }

    def para(text: str, style: str) -> Para:
        return Para(_escape(text), styles[style])

    page = (A4[1], A4[0]) if doc.landscape else A4
    width = page[0] - 36 * mm
    story: list = []
    if doc.kop:
        from ronda.printing.letter import kop_flowables

        story += kop_flowables(doc.kop, width)
    if doc.titled:
        story.append(para(doc.title, "title"))
    if doc.subtitle and doc.titled:
        story.append(para(doc.subtitle, "subtitle"))
    for block in doc.blocks:
        if isinstance(block, Heading):
            story.append(para(block.text, "heading"))
        elif isinstance(block, Paragraph):
            story.append(para(block.text, "italic" if block.italic else
                              "flush" if block.flush else "body"))
        elif isinstance(block, Pairs):
            table = Table([[para(a, "label"), para(b, "cell")] for a, b in block.rows],
                          colWidths=[45 * mm, width - 45 * mm])
            table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                                       ("BOTTOMPADDING", (0, 0), (-1, -1), 2)]))
            story += [table, Spacer(1, 2 * mm)]
        elif isinstance(block, Grid):
            size = _grid_size(block, width, 9.5 * scale)
            small = {k: ParagraphStyle(f"{k}-{size}", parent=styles[k],
                                       fontSize=styles[k].fontSize * size / (9.5 * scale),
                                       leading=styles[k].leading * size / (9.5 * scale))
                     for k in ("cell", "cell_right", "label", "label_right")}
            header = [Para(_escape(h), small["label"]) for h in block.headers]
            rows = [[Para(_escape(c), small["cell_right" if i in block.right else "cell"])
                     for i, c in enumerate(row)] for row in block.rows]
            style = [("GRID", (0, 0), (-1, -1), 0.4, colors.grey),
                     ("BACKGROUND", (0, 0), (-1, 0), colors.Color(0.92, 0.92, 0.92)),
                     ("VALIGN", (0, 0), (-1, -1), "TOP")]
            for r, c in block.marked:
                style += [("TEXTCOLOR", (c, r + 1), (c, r + 1), colors.Color(0.75, 0, 0)),
                          ("BACKGROUND", (c, r + 1), (c, r + 1), colors.Color(1, 0.9, 0.9))]
            if block.bold_last and rows:
                rows[-1] = [Para(_escape(c), small["label_right" if i in block.right else "label"])
                            for i, c in enumerate(block.rows[-1])]
            table = Table([header, *rows], repeatRows=1,
                          colWidths=_widths(block, width, size))
            table.setStyle(TableStyle(style))
            story += [table, Spacer(1, 3 * mm)]
        elif isinstance(block, NewPage):
            story.append(PageBreak())
        else:
            from ronda.printing.letter import flowables

            story += flowables(block, width, letter)

    def footer(canvas, _doc) -> None:  # noqa: ANN001
        if doc.footer:
            canvas.setFont(italic, 8)
            canvas.drawString(18 * mm, 10 * mm, doc.footer)
        if not doc.page_of:
            canvas.setFont(regular, 8)
            canvas.drawRightString(page[0] - 18 * mm, 10 * mm, str(canvas.getPageNumber()))

    buffer = io.BytesIO()
    made = {"canvasmaker": numbered_canvas(doc.page_of, regular, page[0] - 18 * mm)} \
        if doc.page_of else {}
    SimpleDocTemplate(buffer, pagesize=page, leftMargin=18 * mm, rightMargin=18 * mm,
                      topMargin=16 * mm, bottomMargin=18 * mm, title=doc.title,
                      author="ronda", invariant=True).build(
        story, onFirstPage=footer, onLaterPages=footer, **made)
    return buffer.getvalue()


def document_html(doc: Document) -> str:
    """The document as one HTML file to print from a browser: A4, the same fonts as the PDF
    (embedded), a page break where the PDF has one (the kop and the signatures are the
    PDF's)."""
    from html import escape

    from ronda.printing.fonts import data_url

    faces = "".join(
        f"@font-face{{font-family:RondaSans;src:url({data_url(kind)});"
        f"font-weight:{'bold' if kind == 'bold' else 'normal'};"
        f"font-style:{'italic' if kind == 'italic' else 'normal'}}}"
        for kind in ("regular", "bold", "italic"))
    scale = 1.7 if doc.large else 1.0
    css = (f"{faces}@page{{size:A4 {'landscape' if doc.landscape else 'portrait'};"
           "margin:16mm 18mm 18mm 18mm}"
           f"body{{font-family:RondaSans,sans-serif;font-size:{10 * scale}pt}}"
           f"h1{{font-size:{16 * scale}pt;margin:0}}h2{{font-size:{12 * scale}pt}}"
           ".sub{margin:0 0 4mm 0}table{border-collapse:collapse;width:100%;margin:0 0 3mm 0}"
           "th,td{border:0.4pt solid #888;padding:2pt 4pt;vertical-align:top;"
           f"font-size:{9 * scale}pt;white-space:pre-line}}th{{background:#ebebeb;text-align:left}}"
           ".r{text-align:right}.mark{color:#bf0000;background:#ffe6e6;font-weight:bold}"
           ".pairs td{border:none}.pairs td:first-child{font-weight:bold;width:45mm}"
           ".page{break-after:page}footer{font-style:italic;font-size:8pt}")
    parts = [f"<h1>{escape(doc.title)}</h1>"]
    if doc.subtitle:
        parts.append(f'<p class="sub">{escape(doc.subtitle)}</p>')
    for block in doc.blocks:
        if isinstance(block, Heading):
            parts.append(f"<h2>{escape(block.text)}</h2>")
        elif isinstance(block, Paragraph):
            text = escape(block.text)
            parts.append(f"<p><em>{text}</em></p>" if block.italic else f"<p>{text}</p>")
        elif isinstance(block, Pairs):
            parts.append('<table class="pairs">' + "".join(
                f"<tr><td>{escape(a)}</td><td>{escape(b)}</td></tr>" for a, b in block.rows)
                + "</table>")
        elif isinstance(block, Grid):
            head = "".join(f'<th class="{"r" if i in block.right else ""}">{escape(h)}</th>'
                           for i, h in enumerate(block.headers))
            body = "".join("<tr>" + "".join(
                f'<td class="{_cell_class(block, r, i)}">{escape(cell)}</td>'
                for i, cell in enumerate(row)) + "</tr>" for r, row in enumerate(block.rows))
            parts.append(f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>")
        elif isinstance(block, NewPage):
            parts.append('<div class="page"></div>')
    if doc.footer:
        parts.append(f"<footer>{escape(doc.footer)}</footer>")
    return (f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>{escape(doc.title)}'
            f"</title><style>{css}</style></head><body>{''.join(parts)}</body></html>\n")


def _cell_class(grid: Grid, row: int, column: int) -> str:
    return " ".join(name for name, on in (("r", column in grid.right),
                                          ("mark", (row, column) in grid.marked)) if on)


PAD = 14.0  # a table cell's padding (6 pt a side) and a little air


def _least(grid: Grid, size: float) -> list[float]:
    """Each column's least width: its longest word or header word, and the padding."""
    from ronda.printing.fonts import width_pt

    least = [max(width_pt(w, "bold", size) for w in grid.headers[i].split() or [""])
             for i in range(len(grid.headers))]
    bold = grid.rows[-1:] if grid.bold_last else []  # a total's figures, in bold
    return [max([least[i], *(width_pt(w, "regular", size) for r in grid.rows
                              for w in r[i].split()),
                 *(width_pt(w, "bold", size) for r in bold for w in r[i].split())]) + PAD
            for i in range(len(least))]


def _grid_size(grid: Grid, width: float, size: float) -> float:
    """The table's type: ``size``, or smaller (to 8/9.5 of it, the cells never under the
    8 pt floor of printed names) when its longest words do not fit ``width`` side by side."""
    least = max(size * 8 / 9.5, FLOOR * 9.5 / 9)  # the cells are 9/9.5 of the table's type
    while size > least and sum(_least(grid, size)) > width:
        size = max(least, size - 0.25)
    return size


def _widths(grid: Grid, width: float, size: float) -> list[float]:
    """Columns as wide as their text asks (measured; a long text counts up to a few words),
    never narrower than their longest word or header, filling ``width``."""
    from ronda.printing.fonts import width_pt

    pad = PAD
    least = _least(grid, size)
    wants = [max([width_pt(grid.headers[i], "bold", size),
                  *(min(width_pt(r[i], "regular", size), 40 * size) for r in grid.rows)]) + pad
             for i in range(len(grid.headers))]
    extra = max(width - sum(least), 0)
    grow = [w - m for w, m in zip(wants, least, strict=True)]
    total = sum(grow) or 1
    return [m + extra * g / total for m, g in zip(least, grow, strict=True)]
