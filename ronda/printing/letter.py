"""The form of the RT's papers to offices and residents, as Indonesian offices expect it: the
kop surat (the letterhead: the RT and RW, kelurahan, kecamatan, city, the secretariat's
address, a double line under it), the letter's head (nomor, lampiran, perihal, "Kepada Yth. …
di tempat"), the head of an attachment page, and the signatures ("[Kota], [tanggal]",
"Mengetahui, Ketua RW" on the left, the Ketua RT on the right, room to sign, the names in
parentheses). The poster, the kas report, the incident board and the letter to the Polsek
all take their kop and signatures from here.

The parts are data built from the settings (no paper in them); ``flowables`` and
``numbered_canvas`` draw them with reportlab for ``printing.document``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from ronda.dates import format_date
from ronda.i18n import t
from ronda.model import Settings
from ronda.neighbourhood.places import area_in_full, place_name, rt_rw_numbers


@dataclass(frozen=True)
class Kop:
    """The letterhead: its lines in capitals (the RT and RW, the kelurahan and kecamatan,
    the city), and the secretariat's address under them."""

    lines: tuple[str, ...]
    address: str = ""


@dataclass(frozen=True)
class Signatures:
    """``Semarang, 24 November 2026`` over the right one; each side (a line above the
    office, the office, the name): ``("Mengetahui,", "Ketua RW 002", "H. Mulyono")`` on the
    left, ``("", "Ketua RT 005", "Suparman")`` on the right. An empty name is a dotted
    line to write it by hand."""

    place_date: str
    left: tuple[str, str, str]
    right: tuple[str, str, str]


@dataclass(frozen=True)
class LetterHead:
    """Nomor, lampiran and perihal (label, value), then the addressee's lines."""

    rows: tuple[tuple[str, str], ...]
    to: tuple[str, ...]


@dataclass(frozen=True)
class Annex:
    """The head of an attachment page, at its top right: what it is attached to."""

    title: str
    rows: tuple[tuple[str, str], ...]


LetterBlock = LetterHead | Annex | Signatures


def city_of(settings: Settings) -> str:
    """The place a paper is signed in: the city setting, else the city of the area line
    (``Kota Semarang`` → ``Semarang``)."""
    return settings.city or place_name(area_in_full(settings.area)[1])


def kop_of(settings: Settings, lang: str) -> Kop:
    """The RT's letterhead: ``RUKUN TETANGGA 005 / RUKUN WARGA 002``, the kelurahan and
    kecamatan, the city, and the secretariat (the ``address`` setting, else the pos and its
    place)."""
    rt, rw = rt_rw_numbers(settings.name)
    if rt and rw:
        first = t("letter.kop_rt_rw", lang, rt=rt, rw=rw)
    elif rt:
        first = t("letter.kop_rt", lang, rt=rt)
    else:
        first = settings.name
    lines = [first, *area_in_full(settings.area, settings.city)]
    where = settings.address or ", ".join(x for x in (settings.post, settings.post_location)
                                          if x)
    return Kop(tuple(line.upper() for line in lines if line),
               t("letter.secretariat", lang, address=where) if where else "")


def signatures_of(settings: Settings, day: date, lang: str, *,
                  coordinator_signs: bool = True) -> Signatures:
    """The signatures under a paper issued on ``day``: the Ketua RW acknowledges on the
    left, the Ketua RT signs on the right; with ``coordinator_signs`` the security
    coordinator signs for an RT whose head is not set (the poster), else the Ketua RT's name
    is left to write by hand (a letter to an office)."""
    rt, rw = rt_rw_numbers(settings.name)
    left = (t("poster.acknowledged", lang), f"{t('poster.rw_head', lang)} {rw}".strip(),
            settings.rw_head)
    if settings.rt_head or not coordinator_signs:
        right = ("", f"{t('poster.rt_head', lang)} {rt}".strip(), settings.rt_head)
    else:
        right = ("", t("poster.coordinator", lang), settings.coordinator.name)
    city, when = city_of(settings), format_date(day, lang, weekday=False, long=True)
    return Signatures(f"{city}, {when}" if city else when, left, right)


_POLICE_HEADS = {"polsek": "Kapolsek", "polres": "Kapolres", "polresta": "Kapolresta",
                 "polrestabes": "Kapolrestabes", "polda": "Kapolda"}


def police_head(station: str) -> str:
    """Who a letter to a police station is addressed to: ``Polsek Tembalang`` →
    ``Kapolsek Tembalang``, ``Polrestabes Semarang`` → ``Kapolrestabes Semarang``; any other
    office → ``Kepala …``."""
    m = re.match(r"(pol(?:sek|res|resta|restabes|da))\b\.?\s*(.*)", station.strip(),
                 re.IGNORECASE)
    if m:
        return f"{_POLICE_HEADS[m[1].lower()]} {m[2]}".strip()
    return f"Kepala {station.strip()}"


# ---------------------------------------------------------------- on paper (reportlab)

SIGN_ROOM = 18  # mm above a signature's name, to sign in


def kop_flowables(kop: Kop, width: float) -> list[Any]:
    """The letterhead centred over the page's ``width`` (points), and its double line."""
    from reportlab.lib.enums import TA_CENTER
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, Spacer
    from reportlab.platypus.flowables import HRFlowable

    from ronda.printing.fonts import font_name

    bold = font_name("bold")
    first = ParagraphStyle("kop1", fontName=bold, fontSize=14, leading=17, alignment=TA_CENTER)
    rest = ParagraphStyle("kop2", parent=first, fontSize=12, leading=15)
    small = ParagraphStyle("kop3", parent=first, fontName=font_name("regular"), fontSize=9,
                           leading=12, spaceBefore=1 * mm)
    out: list[Any] = [Paragraph(markup(line), first if k == 0 else rest)
                      for k, line in enumerate(kop.lines)]
    if kop.address:
        out.append(Paragraph(markup(kop.address), small))
    out += [HRFlowable(width=width, thickness=2.2, color="black", spaceBefore=2 * mm,
                       spaceAfter=0.7 * mm),
            HRFlowable(width=width, thickness=0.6, color="black", spaceAfter=6 * mm),
            Spacer(1, 0)]
    return out


def flowables(block: LetterBlock, width: float, body: Any) -> list[Any]:
    """A part of the letter's form as reportlab flowables, in the ``body`` paragraph style."""
    from reportlab.lib.enums import TA_CENTER
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import KeepTogether, Paragraph, Spacer, Table, TableStyle

    from ronda.printing.fonts import font_name, width_pt

    bold = ParagraphStyle("letter-bold", parent=body, fontName=font_name("bold"))
    plain = [("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
             ("RIGHTPADDING", (0, 0), (-1, -1), 0), ("TOPPADDING", (0, 0), (-1, -1), 0.5),
             ("BOTTOMPADDING", (0, 0), (-1, -1), 0.5)]

    def labelled(rows: tuple[tuple[str, str], ...], style: Any, last_bold: bool) -> Any:
        label = max(width_pt(a, "regular", style.fontSize) for a, _ in rows) + 6
        cells = [[Paragraph(markup(a), style), Paragraph(":", style),
                  Paragraph(markup(b), bold if last_bold and k == len(rows) - 1 else style)]
                 for k, (a, b) in enumerate(rows)]
        return label, cells

    if isinstance(block, LetterHead):
        label, cells = labelled(block.rows, body, last_bold=True)
        table = Table(cells, colWidths=[label, 8, width - label - 8], hAlign="LEFT")
        table.setStyle(TableStyle(plain))
        to = [Paragraph(markup(line), bold if k == 1 else body)
              for k, line in enumerate(block.to)]
        return [table, Spacer(1, 7 * mm), *to, Spacer(1, 7 * mm)]
    if isinstance(block, Annex):
        small = ParagraphStyle("annex", parent=body, fontSize=8.5, leading=11, alignment=0)
        label, cells = labelled(block.rows, small, last_bold=False)
        right = 72 * mm
        table = Table([[Paragraph(markup(block.title), small), "", ""], *cells],
                      colWidths=[label, 8, right - label - 8], hAlign="RIGHT")
        table.setStyle(TableStyle([*plain, ("SPAN", (0, 0), (-1, 0))]))
        return [table, Spacer(1, 5 * mm)]
    centred = ParagraphStyle("sign", parent=body, alignment=TA_CENTER)
    name = ParagraphStyle("sign-name", parent=centred, fontName=font_name("bold"))

    def side(lines: tuple[str, ...], who: str) -> list[Any]:
        shown = f"<u>{markup(who)}</u>" if who else "…" * 14
        return [*(Paragraph(markup(line) or "&nbsp;", centred) for line in lines),
                Spacer(1, SIGN_ROOM * mm), Paragraph(f"( {shown} )", name)]

    half = width / 2
    table = Table([[side(("", *block.left[:2]), block.left[2]),
                    side((block.place_date, *block.right[:2]), block.right[2])]],
                  colWidths=[half, half])
    table.setStyle(TableStyle(plain))
    return [Spacer(1, 4 * mm), KeepTogether([table]), Spacer(1, 5 * mm)]


def numbered_canvas(label: str, font: str, right: float) -> type:
    """A reportlab canvas that writes ``label`` (``Halaman {n} dari {count}``) at the foot
    of every page, at ``right`` points from the left, once the count is known."""
    from reportlab.lib.units import mm
    from reportlab.pdfgen.canvas import Canvas

    class Numbered(Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._held: list[dict[str, Any]] = []

        def showPage(self) -> None:  # noqa: N802 - reportlab's name
            self._held.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            for k, page in enumerate(self._held):
                self.__dict__.update(page)
                self.setFont(font, 8)
                self.drawRightString(right, 10 * mm,
                                     label.format(n=k + 1, count=len(self._held)))
                super().showPage()
            super().save()

    return Numbered


def markup(text: str) -> str:
    """Plain text for reportlab's paragraph markup (which reads ``<`` and ``&``)."""
    from xml.sax.saxutils import escape

    return escape(text).replace("\n", "<br/>")
