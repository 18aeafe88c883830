"""A normal week on paper reads from a metre, measured where the text lands in the PDF and in a
browser's print of the HTML: names at 12 pt or more on the poster and 11 pt on the patrol
sheet, phones and the important numbers at 10 pt (the numbers in bold), the decided steps
taken before the names go under that, the room of the page following what is on it; and the
widest patrol sheet the paper holds on two pages."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest
from builders import full_week
from conftest import again
from pypdf import PdfReader
from test_paper import (
    MONDAY,
    chromium_pdf,
    envelope_name,
    pdftotext_words,
    text_runs,
    whole_on_paper,
)

from ronda.printing.fit import adaptations, lay_out
from ronda.printing.layout import FLOOR, PHONE, PHONE_FLOOR, READ, READ_SHEET, Rule, Style
from ronda.printing.page import compose
from ronda.printing.pdf import laid_pdf
from ronda.printing.poster import Sheet


def fullest_normal_week(patrol: bool, lang: str) -> Sheet:
    """Two shifts of four a night, every name 30 letters and a house number, three guests,
    two holidays, three empty houses and the full footer."""
    return full_week(MONDAY, shifts=2, per_shift=4, name_length=30, patrol=patrol, lang=lang)


@pytest.mark.parametrize("lang", [again("id", id="id"), "en"])
def test_the_fullest_normal_week_reads_from_a_metre_after_the_decided_steps(lang: str) -> None:
    poster = lay_out(fullest_normal_week(False, lang))
    assert len(poster.pages) == 1
    whole_on_paper(poster.sheet, laid_pdf([poster]), names=READ, phones=PHONE,
                   houses=poster.style.houses)
    # before the names go under 12 pt: the house numbers, then the letters' width; the
    # rules and kentongan codes stay
    week = "Pekan 23–29 November 2026" if lang == "id" else "Week 23–29 November 2026"
    told = adaptations(poster, lang)
    assert len(told) == 2 and all(line.startswith(week) for line in told)
    assert ("nomor rumah" in told[0] and "82%" in told[1]) if lang == "id" else \
        ("house numbers" in told[0] and "82%" in told[1])
    words = " ".join(op.text for op in poster.pages[0].texts)
    assert ("Kode kentongan" if lang == "id" else "Kentongan codes") in words

    patrol = lay_out(fullest_normal_week(True, lang))
    assert len(patrol.pages) <= 2
    whole_on_paper(patrol.sheet, laid_pdf([patrol]), names=READ_SHEET, phones=PHONE)
    assert patrol.style.name >= READ_SHEET


def ordinary_two_shift_week(length: int, lang: str) -> Sheet:
    """Two shifts of three a night with names of ``length`` letters and phones, three
    guests, two holidays, three empty houses and the full footer."""
    return full_week(MONDAY, shifts=2, per_shift=3, name_length=length, patrol=True,
                     lang=lang, names=envelope_name(length, length))


@pytest.mark.parametrize(("length", "lang"), [(14, "id"), again(20, "en", id="20-en")])
def test_a_two_shift_patrol_sheet_of_ordinary_names_keeps_the_letters_full_width(
        length: int, lang: str) -> None:
    laid = lay_out(ordinary_two_shift_week(length, lang))
    assert len(laid.pages) == 1 and laid.style.stretch == 1 and laid.style.rules
    assert adaptations(laid, lang) == []
    whole_on_paper(laid.sheet, laid_pdf([laid]), names=READ_SHEET, phones=PHONE)


@pytest.mark.slow  # past the densest week the paper promises: set and read back, 3 s
def test_the_widest_patrol_sheet_takes_two_pages_every_name_and_phone_whole() -> None:
    """Three shifts of six a night, 45-letter names and phones, three guests, two holidays."""
    sheet = full_week(MONDAY, shifts=3, per_shift=6, name_length=45, patrol=True)
    laid = lay_out(sheet)
    pdf = laid_pdf([laid])
    assert len(laid.pages) == len(PdfReader(io.BytesIO(pdf)).pages) == 2
    whole_on_paper(sheet, pdf, names=FLOOR, phones=PHONE_FLOOR)
    assert adaptations(laid, "id")[0].startswith(
        "Pekan 23–29 November 2026: 2 halaman (Senin–Kamis, Jumat–Minggu)")


def test_a_shift_s_column_is_as_wide_as_its_names_ask() -> None:
    """A night a row: the early shift's long names get a wider column than the late
    shift's short ones, rather than half the room each."""
    def name(i: int) -> str:
        long = (i - 1) // 3 % 2 == 0  # the first shift of every night
        return f"Raden Mas Bagus Hadiningrat Wicaksono Putra {i}" if long else f"Budi {i}"

    sheet = full_week(MONDAY, shifts=2, per_shift=3, name_length=45, guests=0, holidays=0,
                      names=name)
    page, over = compose(sheet, sheet.nights, Style(12.0), rows=True)
    assert over <= 0
    dividers = sorted({round(op.x1, 1) for op in page.ops
                       if isinstance(op, Rule) and op.x1 == op.x2 and op.y2 - op.y1 > 50})
    label, between = dividers[0], dividers[1]  # after the nights' names, between the shifts
    early, late = between - label, 297 - 8 - between
    assert early > late + 10, (early, late)


# Debian's chromium and poppler-utils are installed by .ci/run
@pytest.mark.slow  # a browser started
@pytest.mark.skipif(shutil.which("chromium") is None or shutil.which("pdftotext") is None,
                    reason="no chromium or pdftotext on this machine")
def test_a_browser_prints_the_html_in_the_same_type_on_the_same_pages(tmp_path: Path) -> None:
    """The fullest normal week's poster and patrol sheet and the widest patrol sheet in one
    HTML file: Chromium prints 1 + 2 + 2 pages, the names at the sizes of the PDF (a CSS
    pixel is 3/4 pt), every word and phone of the widest week whole."""
    from ronda.printing.fit import lay_out_all
    from ronda.printing.html import laid_html

    widest = full_week(MONDAY, shifts=3, per_shift=6, name_length=45, patrol=True, lang="en")
    laid = lay_out_all([fullest_normal_week(False, "id"), fullest_normal_week(True, "id"),
                        widest])
    assert [len(w.pages) for w in laid] == [1, 2, 2]
    pdf = chromium_pdf(laid_html(laid), tmp_path)
    pages = text_runs(pdf)
    assert len(pages) == 5
    for runs, least in ((pages[0], READ), (pages[1], READ_SHEET), (pages[2], READ_SHEET),
                        (pages[3], FLOOR), (pages[4], FLOOR)):
        names = [abs(size) * 0.75 for _, _, text, size, _ in runs
                 if text.strip().startswith("Raden")]
        assert names and min(names) >= least - 0.01
    phones = [abs(size) * 0.75 for page in pages[1:3] for _, _, text, size, _ in page
              if text.strip().startswith("0812-")]
    assert phones and min(phones) >= PHONE - 0.01
    widest_pdf = tmp_path / "widest.pdf"
    reader = PdfReader(io.BytesIO(pdf))
    from pypdf import PdfWriter

    writer = PdfWriter()
    for page in reader.pages[3:]:
        writer.add_page(page)
    with widest_pdf.open("wb") as out:
        writer.write(out)
    seen = pdftotext_words(widest_pdf.read_bytes(), tmp_path)
    wanted = [w for n in widest.nights for p in n.people for w in [*p.name.split(), p.phone]]
    missing = [w for w in set(wanted) if seen.count(w) < wanted.count(w)]
    assert not missing, missing[:10]
