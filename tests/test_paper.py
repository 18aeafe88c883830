"""The printed week on paper, in the largest type that fits, measured where the text lands —
in the layout, in the PDF, and in a browser's print of the HTML: never a word, phone, date or
number split, the poster on one A4 page and the patrol sheet on at most two for every week up
to 3 shifts of 5 people with 40-letter names, and never a week refused."""

from __future__ import annotations

import io
import math
import re
import shutil
import subprocess
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from builders import full_week
from conftest import Run, again
from pypdf import PdfReader

from ronda.printing.fit import adaptations, lay_out
from ronda.printing.html import sheets_html
from ronda.printing.layout import (
    FLOOR,
    MARGIN,
    PAGE_H,
    PAGE_W,
    PHONE,
    PHONE_FLOOR,
    READ,
    READ_SHEET,
    SMALLEST,
    Squares,
    wrap,
)
from ronda.printing.page import compose
from ronda.printing.pdf import sheets_pdf
from ronda.printing.poster import Sheet

MONDAY = date(2026, 11, 23)
ENV = {"RONDA_TODAY": "2026-11-22"}
MM = 72 / 25.4


def busy_poster() -> Sheet:
    """Two shifts of four a night, 30-letter names, three guests, two holidays, the full
    footer and the calendar's QR code."""
    return full_week(MONDAY, shifts=2, per_shift=4, name_length=30)


def three_shift_poster() -> Sheet:
    """Three shifts of four a night, 30-letter names, three guests, two holidays: a night a
    row (the hours heading each shift's column) holds it, a night a column does not."""
    return full_week(MONDAY, shifts=3, per_shift=4, name_length=30)


def two_shift_patrol_sheet() -> Sheet:
    """Two shifts of three a night, 30-letter names and phones, two guests, a holiday."""
    return full_week(MONDAY, shifts=2, per_shift=3, name_length=30, guests=2, holidays=1,
                     patrol=True)


def busy_patrol_sheet() -> Sheet:
    """One shift of five a night with 40-letter names and phones, three guests, two
    holidays, three empty houses and the full footer."""
    return full_week(MONDAY, shifts=1, per_shift=5, name_length=40, patrol=True)


def two_shift_sheets(run: Run, tmp_path: Path, fmt: str, *args: str) -> Path:
    out = tmp_path / f"week{''.join(args)}.{fmt}"
    result = run("roster", "--week", "2026-11-23", "--format", fmt, "-o", str(out), *args,
                 env=ENV, lang="id")
    assert result.exit_code == 0, result.output
    return out


def text_positions(pdf: bytes) -> list[list[tuple[float, float, str]]]:
    """Each page's text runs as (x, y from the top, text) in mm."""
    return [[(x, y, text) for x, y, text, _, _ in page] for page in text_runs(pdf)]


def text_runs(pdf: bytes) -> list[list[tuple[float, float, str, float, str]]]:
    """Each page's text runs as (x, y from the top, text, size in points, font) from the
    PDF's own text operators."""
    pages = []
    for page in PdfReader(io.BytesIO(pdf)).pages:
        runs: list[tuple[float, float, str, float, str]] = []

        def visit(text: str, cm, tm, font, size, runs=runs) -> None:  # noqa: ANN001
            if text.strip():
                name = str(font.get("/BaseFont", "")) if font else ""
                runs.append((tm[4] / MM, PAGE_H - tm[5] / MM, text, size * (tm[3] or 1), name))

        page.extract_text(visitor_text=visit)
        pages.append(runs)
    return pages


def whole_on_paper(sheet: Sheet, pdf: bytes, *, names: float = FLOOR,
                   phones: float = PHONE_FLOOR, houses: bool = True) -> None:
    """Every word of every name and guest, every phone and house number stands whole in
    the PDF's text, inside the page, names at ``names`` pt or more (guests, in smaller
    type, at 9 pt or more unless names go under it), phones and important numbers at
    ``phones`` pt or more (the numbers in bold)."""
    from collections import Counter

    runs = [r for page in text_runs(pdf) for r in page]
    printed = Counter(word for r in runs for word in r[2].split())
    wanted: Counter[str] = Counter()
    name_words, phone_words, lines, guests = set(), set(), [], []
    for n in sheet.nights:
        lines += [f"{p.name} ({p.house})" for p in n.people]
        guests += [f"+ {g}" for g in n.guests]
        for p in n.people:
            wanted.update(p.name.split())
            name_words.update(p.name.split())
            if p.house and (houses or sheet.patrol):
                wanted[f"({p.house})"] += 1
            if p.phone:
                wanted[p.phone] += 1
                phone_words.add(p.phone)
        for g in n.guests:
            wanted.update(g.split())
    wanted.update(" ".join(sheet.empty_houses).split())  # the patrol sheet's, names again
    numbers = {number for _, number in sheet.numbers if number and " " not in number}
    wanted.update(numbers)
    short = {w: k for w, k in wanted.items() if printed[w] < k}
    assert not short, f"split or missing: {sorted(short)[:10]}"
    for x, y, text, size, font in runs:
        assert MARGIN - 0.1 <= x <= PAGE_W - MARGIN and MARGIN <= y <= PAGE_H - MARGIN, text
        words = set(text.split())
        if words & name_words and any(text.strip() in line for line in lines):
            assert size >= names - 0.01, (text, size)
        elif words & name_words and any(text.strip() in line for line in guests):
            assert size >= min(names, SMALLEST) - 0.01, (text, size)
        if words & (phone_words | numbers):
            assert size >= phones - 0.01, (text, size)
        if words & numbers and text.strip() in numbers:
            assert "Bold" in font, (text, font)


@pytest.mark.parametrize("make", [busy_poster, three_shift_poster, two_shift_patrol_sheet])
def test_a_busy_week_fits_one_page_with_every_line_inside_the_margins(make) -> None:  # noqa: ANN001
    sheet = make()
    laid = lay_out(sheet)
    [page] = laid.pages
    assert page.size >= SMALLEST
    for text in page.texts:
        assert text.x >= MARGIN - 0.01 and text.x + text.width <= PAGE_W - MARGIN + 0.01, text
        assert MARGIN <= text.y <= PAGE_H - MARGIN, text
    pdf = sheets_pdf([sheet])
    whole_on_paper(sheet, pdf, names=SMALLEST, houses=laid.style.houses)
    words = " ".join(r[2] for r in text_positions(pdf)[0])
    for n in sheet.nights:
        assert n.day in words and (not n.holiday or n.holiday in words)
    for title in ("Nomor penting", "H. Mulyono", "Suparman", "= ketua regu",
                  "Pos Kamling Mawar, Jl. Mawar 3"):
        assert title in words, title


def densest(patrol: bool, lang: str = "id") -> Sheet:
    """Three shifts of five a night, 40-letter names, three guests, two holidays, three
    empty houses and the full footer: the densest week the paper promises to hold."""
    return full_week(MONDAY, shifts=3, per_shift=5, name_length=40, patrol=patrol, lang=lang)


@pytest.mark.slow  # the envelope: two of the largest layouts, drawn and read back
def test_the_densest_week_prints_the_poster_on_one_page_and_the_patrol_sheet_on_two() -> None:
    poster, patrol = densest(False), densest(True)
    laid = lay_out(poster)
    assert len(laid.pages) == 1
    whole_on_paper(poster, sheets_pdf([poster]), houses=laid.style.houses)
    laid = lay_out(patrol)
    assert len(laid.pages) == 2
    pdf = sheets_pdf([patrol])
    whole_on_paper(patrol, pdf)
    first, last = (" ".join(r[2] for r in page) for page in text_positions(pdf))
    assert "Halaman 1 dari 2 · Senin–Kamis" in first and "Halaman 2 dari 2 · Jumat–Minggu" in last
    assert "LEMBAR REGU RONDA" in first and "LEMBAR REGU RONDA" in last
    assert "26/11/2026" in first and "27/11/2026" not in first and "29/11/2026" in last
    for sign in ("( H. Mulyono )", "( Suparman )", "Nomor penting"):
        assert sign not in first and sign in last, sign
    told = adaptations(laid, "id")
    assert told[0].startswith("Pekan 23–29 November 2026: 2 halaman (Senin–Kamis, Jumat–Minggu)")


def test_what_a_dense_week_gives_up_comes_in_order_and_is_told() -> None:
    poster = lay_out(densest(False))
    z = poster.style
    assert (z.houses, z.stretch, z.rules) == (False, 0.82, False) and z.name >= FLOOR
    words = " ".join(op.text for op in poster.pages[0].texts)
    assert "(B-01)" not in words and "Kode kentongan" not in words and "Polisi: 110" in words
    told = adaptations(poster, "id")
    assert told[:3] == [
        "Pekan 23–29 November 2026: nomor rumah tidak dicetak di samping nama pada poster agar "
        "muat.",
        "Pekan 23–29 November 2026: huruf dipersempit (82%) agar muat.",
        "Pekan 23–29 November 2026: ketentuan dan kode kentongan tidak dicetak agar muat; "
        "nomor penting dan tanda tangan tetap ada."]
    assert adaptations(poster, "en")[1] == \
        "Week 23–29 November 2026: letters set narrower (82%) to fit the page."


def envelope_name(seed: int, length: int) -> Callable[[int], str]:
    """Names of ``length`` letters and spaces made of words of 2 to 18 letters, different
    for each person."""
    import random

    def name(i: int) -> str:
        rnd = random.Random(seed * 1000 + i)
        words: list[str] = []
        while sum(len(w) + 1 for w in words) < length:
            size = rnd.choice((3, 4, 5, 6, 7, 8, 9, 11, 13, 18))
            words.append("".join(rnd.choice("aiueo" if k % 2 else "bdgjkmnprstwy")
                                 for k in range(size)).capitalize())
        text = " ".join(words)[:length].rstrip()
        return text if len(text.split()[-1]) > 1 else text[:-2] + "ri"

    return name


def envelope() -> list[tuple[int, int, int, int, int, str, bool]]:
    """Weeks across what the paper promises: 1–3 shifts of 2–6 people, names of 10–45
    letters, 0–3 guests and 0–2 holidays, in both languages, poster and patrol sheet — the
    corners and a fixed sample of the rest."""
    import random

    rnd = random.Random(27)
    weeks = [(3, 5, 40, 3, 2, "id", False), (3, 5, 40, 3, 2, "en", True),
             (3, 6, 45, 3, 2, "en", False), (3, 6, 45, 3, 2, "id", True),
             (3, 6, 45, 3, 2, "en", True), (1, 2, 10, 0, 0, "id", True),
             (2, 4, 30, 3, 2, "id", False), (2, 4, 30, 3, 2, "en", True)]
    weeks += [(rnd.randint(1, 3), rnd.randint(2, 6), rnd.randint(10, 45), rnd.randint(0, 3),
               rnd.randint(0, 2), rnd.choice(("id", "en")), rnd.random() < 0.5)
              for _ in range(25)]
    return weeks


def envelope_week(week: tuple[int, int, int, int, int, str, bool]) -> Sheet:
    """The sheet of an envelope's week, its names the same on every run."""
    import zlib

    shifts, people, length, guests, holidays, lang, patrol = week
    return full_week(MONDAY, shifts=shifts, per_shift=people, name_length=length,
                     guests=guests, holidays=holidays, patrol=patrol, lang=lang,
                     names=envelope_name(zlib.crc32(repr(week).encode()) % 997, length))


@pytest.mark.slow  # thirty-three weeks laid out, drawn and read back
@pytest.mark.parametrize("week", envelope(), ids=lambda w: "x".join(map(str, w[:5])) +
                         f"-{w[5]}{'-patrol' if w[6] else ''}")
def test_every_week_of_the_envelope_prints_every_word_whole_within_its_floors_and_pages(
        week: tuple[int, int, int, int, int, str, bool]) -> None:
    from ronda.printing.pdf import laid_pdf

    shifts, people, length, guests, holidays, lang, patrol = week
    sheet = envelope_week(week)
    laid = lay_out(sheet)
    pdf = laid_pdf([laid])
    whole_on_paper(sheet, pdf, houses=laid.style.houses)
    if shifts <= 2 and people <= 4 and length <= 30:  # a normal week: read from a metre
        whole_on_paper(sheet, pdf, names=READ_SHEET if patrol else READ, phones=PHONE,
                       houses=laid.style.houses)
    pages = len(PdfReader(io.BytesIO(pdf)).pages)
    within = people <= 5 and length <= 40  # up to 3 shifts of 5, names up to 40 letters
    # the patrol sheet on two pages at most; the poster on one, past that on two
    assert pages == len(laid.pages) <= (2 if patrol or not within else 1)
    for page in laid.pages:
        for text in page.texts:
            assert text.x >= MARGIN - 0.01 and text.x + text.width <= PAGE_W - MARGIN + 0.01
    assert len(adaptations(laid, lang)) >= (pages > 1)


def test_a_line_breaks_only_between_words_and_never_inside_a_date_or_time_range() -> None:
    assert wrap("Wijayakusuma Muhammad", "regular", 12, 10) == ["Wijayakusuma", "Muhammad"]
    assert wrap("0812-3000-0001", "regular", 12, 5) == ["0812-3000-0001"]
    lines = wrap("Semarang, 24 November 2026", "regular", 10, 30, hang=0)
    assert lines == ["Semarang,", "24 November 2026"]
    assert "22.00 s.d. 04.00" in wrap("Pukul 22.00 s.d. 04.00 WIB", "regular", 10, 30)[1]


def test_names_are_at_least_12_pt_on_a_normal_week_and_shrink_only_as_needed() -> None:
    poster = lay_out(full_week(MONDAY, shifts=1, per_shift=4, name_length=22, guests=1,
                               holidays=0))
    [page] = poster.pages
    assert page.size >= 12
    names = {op.size for op in page.texts if op.text.startswith("Raden Mas")}
    assert names == {page.size}
    assert lay_out(busy_poster()).pages[0].size < page.size


def test_a_night_a_row_heads_each_shift_s_column_with_its_hours_once() -> None:
    sheet = two_shift_patrol_sheet()
    laid = lay_out(sheet)
    page, over = compose(sheet, sheet.nights, laid.style, rows=True)
    heads = [op for op in page.texts if op.kind == "bold" and op.text in
             {w.hours for n in sheet.nights for w in n.shifts}]
    assert [h.text for h in heads] == [w.hours for w in sheet.nights[0].shifts]  # once each
    assert len({round(h.y, 1) for h in heads}) == 1  # side by side, above the nights
    days = [op for op in page.texts if op.text in {n.day for n in sheet.nights}]
    assert [d.text for d in days] == [n.day for n in sheet.nights]
    assert all(a.y < b.y for a, b in zip(days, days[1:], strict=False))  # one below another
    assert len({round(d.x, 1) for d in days}) == 1


def test_a_shift_nobody_is_planned_for_says_so_under_its_hours() -> None:
    from dataclasses import replace

    sheet = full_week(MONDAY, shifts=2, per_shift=3, name_length=20, guests=0, holidays=0)
    monday = sheet.nights[0]
    late = replace(monday.shifts[1], people=[])
    sheet = replace(sheet, nights=[replace(monday, shifts=[monday.shifts[0], late]),
                                   *sheet.nights[1:]])
    page = lay_out(sheet).pages[0]
    [empty] = [op for op in page.texts if op.text.startswith("(belum")]  # it may wrap
    centre = empty.x + empty.width / 2
    # the nearest shift's hours above it (a night a column: Monday's; a night a row: the
    # column's head) are the late shift's
    hours = min((op for op in page.texts if op.y < empty.y and op.text in
                 {w.hours for w in monday.shifts}),
                key=lambda op: math.hypot(op.x + op.width / 2 - centre, op.y - empty.y))
    assert hours.text == late.hours


@pytest.fixture
def planned_demo(db: Path) -> Path:
    from builders import example_neighbourhood

    return example_neighbourhood(db, date(2026, 11, 24))


def test_the_two_shift_week_s_poster_and_patrol_sheet_are_one_pdf_page_each(
        run: Run, night_in_two: Path, tmp_path: Path) -> None:
    for args in ((), ("--patrol-sheet",)):
        pdf = two_shift_sheets(run, tmp_path, "pdf", *args).read_bytes()
        [runs] = text_positions(pdf)
        words = " ".join(r[2] for r in runs)
        assert "Ketua RW 004" in words and "Koordinator Keamanan" in words
        assert ("Catatan serah terima" in words) == bool(args)


@pytest.mark.slow  # it plans a week of 27 places a night
def test_the_command_prints_a_week_past_the_densest_and_tells_what_it_gave_up(
        run: Run, night_in_two: Path, tmp_path: Path) -> None:
    assert run("config", "set", "slots", "19.00-22.00=9, 22.00-01.00=9, 01.00-04.00=9",
               env=ENV).exit_code == 0
    assert run("schedule", "build", "--from", "2026-11-23", "--weeks", "1", "--fresh",
               "--yes", env=ENV).exit_code in (0, 1)
    for lang, pages in (("en", "pages ("), ("id", "halaman (")):
        out = tmp_path / f"full-{lang}.pdf"
        result = run("roster", "--week", "2026-11-23", "--format", "pdf", "--patrol-sheet",
                     "-o", str(out), env=ENV, lang=lang)
        assert result.exit_code == 0, result.output
        assert pages in result.stderr
        assert len(PdfReader(io.BytesIO(out.read_bytes())).pages) >= 2


def test_the_html_embeds_the_pdf_s_font_and_places_the_pdf_s_lines() -> None:
    sheet = busy_poster()
    html = sheets_html([sheet])
    assert html.count("@font-face") == 3 and "data:font/ttf;base64," in html
    assert "@page { size: A4 landscape; margin: 0; }" in html
    page = lay_out(sheet).pages[0]
    printed = html[html.index('<section class="page"'):]  # the screen's layout comes first
    assert printed.count("<span") == len(page.texts)
    assert html.count('<section class="page"') == 1


def test_the_calendar_s_qr_code_is_printed_only_when_configured() -> None:
    from dataclasses import replace

    from reportlab.graphics.barcode import qrencoder

    sheet = busy_poster()
    [qr] = [op for op in lay_out(sheet).pages[0].ops if isinstance(op, Squares)]
    code = qrencoder.QRCode(None, qrencoder.QRErrorCorrectLevel.M)
    code.addData(sheet.calendar_url)
    code.make()
    assert len(qr.dark) == sum(map(sum, code.modules))
    assert qr.x + code.getModuleCount() * qr.cell <= PAGE_W - MARGIN + 0.01
    assert "Kalender di HP" in " ".join(op.text for op in lay_out(sheet).pages[0].texts)
    plain = replace(sheet, calendar_url="")
    assert not any(isinstance(op, Squares) for op in lay_out(plain).pages[0].ops)


def test_the_calendar_address_is_a_setting(run: Run, night_in_two: Path) -> None:
    assert run("config", "set", "calendar-url", "https://ronda.example.org/rt012.ics",
               env=ENV).exit_code == 0
    assert "https://ronda.example.org/rt012.ics" in run("config", "show", env=ENV).stdout
    refused = run("config", "set", "calendar-url", "rt012.ics", env=ENV)
    assert refused.exit_code == 2 and "rt012.ics" in refused.stderr


def chromium_pdf(html: str, tmp_path: Path) -> bytes:
    page = tmp_path / "print.html"
    page.write_text(html, "utf-8")
    pdf = tmp_path / "print.pdf"
    subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu",
                    "--disable-background-networking", "--disable-component-update",
                    "--disable-sync", "--disable-quic", "--no-first-run",
                    f"--user-data-dir={tmp_path / 'profile'}", "--no-pdf-header-footer",
                    f"--print-to-pdf={pdf}", page.as_uri()],
                   check=True, capture_output=True, timeout=120)
    return pdf.read_bytes()


# Debian's chromium is installed by .ci/run; a machine without apt cannot have it
@pytest.mark.slow  # a browser started
@pytest.mark.skipif(shutil.which("chromium") is None, reason="no chromium on this machine")
def test_a_browser_prints_each_week_of_the_html_on_one_page_with_every_name(
        run: Run, night_in_two: Path, tmp_path: Path) -> None:
    html = two_shift_sheets(run, tmp_path, "html", "--patrol-sheet").read_text("utf-8")
    busy, rows = busy_poster(), three_shift_poster()
    html = html.replace("</body>", sheets_html([busy, rows]).split("<body>")[1]
                        .split("</body>")[0] + "</body>")
    reader = PdfReader(io.BytesIO(chromium_pdf(html, tmp_path)))
    assert len(reader.pages) == 3
    assert round(float(reader.pages[0].mediabox.width) / MM) == 297
    patrol, poster, by_rows = (" ".join(p.extract_text().split()) for p in reader.pages)
    for sheet, text in ((busy, poster), (rows, by_rows)):
        for n in sheet.nights:
            for p in n.people:
                assert _joined(p.name, text), p.name
        assert "( Suparman )" in text
    for needle in ("Ketentuan", "Kode kentongan", "Nomor penting", "( H. Mulyono )",
                   "( Suparman )", "Ketua RW 002"):
        assert needle in poster, needle
    for needle in ("LEMBAR REGU RONDA", "Catatan serah terima", "Rumah kosong pekan ini",
                   "Ketua RW 004", "Koordinator Keamanan", "Haul Mbah Kyai"):
        assert needle in patrol, needle


def pdftotext_words(pdf: bytes, tmp_path: Path) -> list[str]:
    """The words of ``pdftotext -layout``: what a reader of the page sees, line by line."""
    source = tmp_path / "read.pdf"
    source.write_bytes(pdf)
    done = subprocess.run(["pdftotext", "-layout", str(source), "-"], check=True,
                          capture_output=True, text=True, timeout=60)
    return done.stdout.split()


# poppler-utils and Debian's chromium are installed by .ci/run
@pytest.mark.slow  # a browser started
@pytest.mark.skipif(shutil.which("chromium") is None or shutil.which("pdftotext") is None,
                    reason="no chromium or pdftotext on this machine")
def test_the_densest_week_reads_whole_in_the_pdf_and_in_a_browser_s_print(
        tmp_path: Path) -> None:
    from collections import Counter

    for sheet, pages in ((densest(False), 1), (densest(True), 2)):
        wanted = Counter(w for n in sheet.nights for p in n.people for w in
                         [*p.name.split(), *([p.phone] if p.phone else [])])
        for pdf in (sheets_pdf([sheet]), chromium_pdf(sheets_html([sheet]), tmp_path)):
            assert len(PdfReader(io.BytesIO(pdf)).pages) == pages
            seen = Counter(pdftotext_words(pdf, tmp_path))
            assert not [w for w, k in wanted.items() if seen[w] < k]


def _joined(name: str, text: str) -> bool:
    """``name`` is in ``text``, perhaps wrapped over lines (a hanging line break)."""
    return "".join(name.split()) in "".join(text.split())



@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="no pdftotext on this machine")
def test_a_report_table_never_splits_a_word_it_shrinks_its_type_to_fit(tmp_path: Path) -> None:
    """The area's schedule (and every report table): a word wider than its column widens
    the column, and when the columns' longest words do not fit the page side by side the
    table's type gets smaller, never under the 8 pt floor; no word is split, and nothing
    passes the page's margins."""
    import re

    from ronda.printing.document import Document, Grid, document_pdf

    guests = "+ Bhabinkamtibmas Kelurahanwijaya"
    days = ("Sen 23/11", "Sel 24/11", "Rab 25/11", "Kam 26/11", "Jum 27/11", "Sab 28/11",
            "Min 29/11")
    rows = tuple((f"RT 00{k} Wijayakusumaningrat", *(f"4/4\n{guests}" for _ in days))
                 for k in range(1, 6))
    pdf = document_pdf(Document("Jadwal kawasan", "RW 002", (Grid(("RT", *days), rows),),
                                landscape=True))
    words = pdftotext_words(pdf, tmp_path)
    assert words.count("Kelurahanwijaya") == 35 and words.count("Wijayakusumaningrat") == 5
    cells = [size for page in text_runs(pdf) for _, _, text, size, _ in page
             if "Kelurahanwijaya" in text]
    assert len(cells) == 35 and min(cells) >= FLOOR
    (tmp_path / "boxes.pdf").write_bytes(pdf)
    boxes = subprocess.run(["pdftotext", "-bbox", str(tmp_path / "boxes.pdf"), "-"],
                           check=True, capture_output=True, text=True).stdout
    right = max(float(x) for x in re.findall(r'xMax="([\d.]+)"', boxes)) / MM
    assert right <= 297 - 18 + 0.1  # the report's right margin


@pytest.mark.parametrize(("lang", "two"), [
    pytest.param("en", True, id="en-two-shifts"), pytest.param("id", False, id="id-one-shift"),
    again("id", True, id="id-two-shifts"), again("en", False, id="en-one-shift")])
def test_a_normal_week_reads_from_a_metre(run: Run, db: Path, tmp_path: Path, lang: str,
                                          two: bool, monkeypatch: pytest.MonkeyPatch) -> None:
    """The demo's weeks (one shift of four, and two shifts of two or three): names at 12 pt
    or more on the poster and 11 pt on the patrol sheet, phones and the important numbers at
    10 pt or more, the numbers in bold."""
    import json

    monkeypatch.chdir(tmp_path)  # the demo leaves its poster and calendar here
    slots = ("--slots", "22.00-01.00=2 sat=3, 01.00-04.00=2 sat=3") if two else ()
    assert run("demo", *slots, env={"RONDA_TODAY": "2026-11-24"}).exit_code == 0
    week = json.loads(run("schedule", "--week", "2026-11-23", "--json", env=ENV).stdout)
    names = {v["name"] for s in week for v in s["volunteers"]}
    for patrol, least in ((False, 12.0), (True, 11.0)):
        out = tmp_path / f"{patrol}.pdf"
        result = run("roster", "--week", "2026-11-23", "--format", "pdf", "-o", str(out),
                     *(["--patrol-sheet"] if patrol else []), env=ENV, lang=lang)
        assert result.exit_code == 0, result.output
        [runs] = text_runs(out.read_bytes())
        sized = [size for _, _, text, size, _ in runs  # a name's line, whole or its start
                 if any(n.startswith(text.strip()) or text.startswith(n) for n in names)]
        assert len(sized) >= 14 and min(sized) >= least, [
            (text, size) for _, _, text, size, _ in runs if size < least and any(
                n.startswith(text.strip()) or text.startswith(n) for n in names)]
        phones = [size for _, _, text, size, _ in runs
                  if re.fullmatch(r"0\d{3}-\d{4}-\d{3,4}", text.strip())]
        assert (phones or not patrol) and min(phones, default=10) >= 10
        for number in ("110", "112", "113"):
            [(size, font)] = [(size, font) for _, _, text, size, font in runs
                              if text.strip() == number]
            assert size >= 10 and "Bold" in font, number
