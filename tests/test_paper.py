"""The printed week on paper: one A4 landscape page a week, in the largest type that fits,
measured where the text lands — in the layout, in the PDF, and in a browser's print of the
HTML — and refused, naming its fullest night, when even the smallest type cannot hold it."""

from __future__ import annotations

import io
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest
from builders import full_week
from conftest import Run
from pypdf import PdfReader

from ronda.errors import BadInput
from ronda.i18n import t
from ronda.printing.html import sheets_html
from ronda.printing.layout import MARGIN, PAGE_H, PAGE_W, SMALLEST, Squares, lay_out
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
    pages = []
    for page in PdfReader(io.BytesIO(pdf)).pages:
        runs: list[tuple[float, float, str]] = []

        def visit(text: str, cm, tm, font, size, runs=runs) -> None:  # noqa: ANN001
            if text.strip():
                runs.append((tm[4] / MM, PAGE_H - tm[5] / MM, text))

        page.extract_text(visitor_text=visit)
        pages.append(runs)
    return pages


@pytest.mark.parametrize("make", [busy_poster, busy_patrol_sheet, three_shift_poster,
                                  two_shift_patrol_sheet])
def test_a_busy_week_fits_one_page_with_every_line_inside_the_margins(make) -> None:  # noqa: ANN001
    sheet = make()
    page = lay_out(sheet)
    assert page.size >= SMALLEST
    for text in page.texts:
        assert text.x >= MARGIN - 0.01 and text.x + text.width <= PAGE_W - MARGIN + 0.01, text
        assert MARGIN <= text.y <= PAGE_H - MARGIN, text
    pdf = sheets_pdf([sheet])
    [runs] = text_positions(pdf)
    assert runs and all(MARGIN - 0.1 <= x <= PAGE_W - MARGIN and MARGIN <= y <= PAGE_H - MARGIN
                        for x, y, _ in runs)
    words = " ".join(r[2] for r in runs)
    for n in sheet.nights:
        assert n.day in words and (not n.holiday or n.holiday in words)
    for title in ("Ketentuan", "Kode kentongan", "Nomor penting", "H. Mulyono", "Suparman",
                  "= ketua regu", "Pos Kamling Mawar, Jl. Mawar 3"):
        assert title in words, title


def test_names_are_at_least_12_pt_on_a_normal_week_and_shrink_only_as_needed(
        run: Run, planned_demo: Path) -> None:
    poster = lay_out(full_week(MONDAY, shifts=1, per_shift=4, name_length=22, guests=1,
                               holidays=0))
    assert poster.size >= 12
    names = {op.size for op in poster.texts if op.text.startswith("Raden Mas")}
    assert names == {poster.size}
    assert lay_out(busy_poster()).size < poster.size


@pytest.mark.parametrize("make", [three_shift_poster, two_shift_patrol_sheet])
def test_a_week_of_several_shifts_too_full_for_columns_is_set_a_night_a_row(make) -> None:  # noqa: ANN001
    sheet = make()
    with pytest.raises(BadInput):  # a night a column: not even in the smallest type
        _largest_columns(sheet)
    page = lay_out(sheet)
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
    page = lay_out(sheet)
    hours = min((op for op in page.texts if op.text == late.hours), key=lambda op: op.x)
    [empty] = [op for op in page.texts if op.text.startswith("(belum")]  # it may wrap
    assert empty.y > hours.y and abs(empty.x - hours.x) < 1  # under Monday's late shift


def _largest_columns(sheet: Sheet) -> float:
    from ronda.printing.layout import _attempt, sizes_to_try

    for size in sizes_to_try():
        if _attempt(sheet, size)[1] <= 0:
            return size
    raise BadInput("err.week_too_full")


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


def test_a_week_too_full_for_the_smallest_type_is_refused_naming_its_fullest_night() -> None:
    sheet = full_week(MONDAY, shifts=3, per_shift=5, name_length=40, patrol=True)
    with pytest.raises(BadInput) as caught:
        sheets_pdf([sheet])
    assert caught.value.key == "err.week_too_full"
    values = {k: v.localise("id") if hasattr(v, "localise") else v
              for k, v in caught.value.args_.items()}
    assert values["night"] == "Sabtu, 28/11/2026"  # the night with the guests
    message = t("err.week_too_full", "id", **values)
    assert "Sabtu, 28/11/2026" in message and "9 pt" in message
    with pytest.raises(BadInput):
        sheets_html([sheet])


@pytest.mark.slow  # it plans a week of 27 places a night
def test_the_command_refuses_a_week_too_full_with_exit_2(run: Run, night_in_two: Path,
                                                         tmp_path: Path) -> None:
    assert run("config", "set", "slots", "19.00-22.00=9, 22.00-01.00=9, 01.00-04.00=9",
               env=ENV).exit_code == 0
    assert run("schedule", "build", "--from", "2026-11-23", "--weeks", "1", "--fresh",
               "--yes", env=ENV).exit_code in (0, 1)
    out = tmp_path / "full.pdf"
    result = run("roster", "--week", "2026-11-23", "--format", "pdf", "--patrol-sheet",
                 "-o", str(out), env=ENV, lang="en")
    assert result.exit_code == 2, result.output
    assert "does not fit one page" in result.stderr and "fullest night" in result.stderr
    assert not out.exists()


def test_the_html_embeds_the_pdf_s_font_and_places_the_pdf_s_lines() -> None:
    sheet = busy_poster()
    html = sheets_html([sheet])
    assert html.count("@font-face") == 3 and "data:font/ttf;base64," in html
    assert "@page { size: A4 landscape; margin: 0; }" in html
    page = lay_out(sheet)
    assert html.count("<span") == len(page.texts)
    assert html.count('<section class="page"') == 1


def test_the_calendar_s_qr_code_is_printed_only_when_configured() -> None:
    from dataclasses import replace

    from reportlab.graphics.barcode import qrencoder

    sheet = busy_poster()
    [qr] = [op for op in lay_out(sheet).ops if isinstance(op, Squares)]
    code = qrencoder.QRCode(None, qrencoder.QRErrorCorrectLevel.M)
    code.addData(sheet.calendar_url)
    code.make()
    assert len(qr.dark) == sum(map(sum, code.modules))
    assert qr.x + code.getModuleCount() * qr.cell <= PAGE_W - MARGIN + 0.01
    assert "Kalender di HP" in " ".join(op.text for op in lay_out(sheet).texts)
    plain = replace(sheet, calendar_url="")
    assert not any(isinstance(op, Squares) for op in lay_out(plain).ops)


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


def _joined(name: str, text: str) -> bool:
    """``name`` is in ``text``, perhaps wrapped over lines (a hanging line break)."""
    return "".join(name.split()) in "".join(text.split())

