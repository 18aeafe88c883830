"""The printed jadwal ronda in every format: what is on it, what must never be, and whether
it fits its paper."""

from __future__ import annotations

import io
import json
import re
from datetime import date
from html import unescape
from html.parser import HTMLParser
from pathlib import Path

import pytest
from builders import example_neighbourhood, set_setting
from conftest import Made, Run
from pypdf import PdfReader

TUESDAY = {"RONDA_TODAY": "2026-11-24"}
MONDAY = date(2026, 11, 23)


def signed_demo(db: Path) -> None:
    """The example neighbourhood as ``ronda demo`` leaves it on Tuesday 24/11/2026, with the
    RW head set for the poster's signature."""
    example_neighbourhood(db, date(2026, 11, 24))
    set_setting(db, "rw-head", "H. Mulyono")


@pytest.fixture
def planned(db: Path, made: Made) -> Path:
    """``signed_demo``."""
    return made(db, signed_demo)


def week_people(run: Run) -> tuple[list[str], list[str]]:
    """Names on duty this week, and every volunteer's phone as printed."""
    week = json.loads(run("schedule", "--json", env=TUESDAY).stdout)
    names = sorted({v["name"] for s in week for v in s["volunteers"]})
    roster = json.loads(run("volunteer", "list", "--json").stdout)
    phones = [p["phone"] for p in roster if p["phone"]]
    printed = [f"0{p[3:6]}-{p[6:10]}-{p[10:]}" for p in phones]
    return names, printed


def roster_text(run: Run, *args: str, lang: str = "id") -> str:
    result = run("roster", *args, lang=lang, env=TUESDAY)
    assert result.exit_code == 0, result.output
    return result.stdout


def pdf_text(path: Path) -> tuple[int, str]:
    reader = PdfReader(io.BytesIO(path.read_bytes()))
    return len(reader.pages), "\n".join(p.extract_text() for p in reader.pages)


HEADER_FOOTER_ID = ["JADWAL RONDA MALAM", "RT 005 / RW 002", "Kel. Tembalang",
                    "Pekan 23–29 November 2026", "Pukul 22.00 s.d. 04.00 WIB", "denda Rp20.000",
                    "Jimpitan", "Kode kentongan",
                    "1 kali tiap jam", "Nomor penting", "110", "Bripka Agus Widodo",
                    "Semarang, 24 November 2026", "Mengetahui,", "Ketua RW 002", "H. Mulyono",
                    "Ketua RT 005", "Suparman"]
NIGHTS_ID = ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu", "Malam Minggu",
             "28/11/2026"]


@pytest.mark.parametrize("fmt", ["text", "md", "terminal", "html", "pdf"])
def test_every_format_holds_every_name_night_hour_header_and_footer(
        run: Run, planned: Path, tmp_path: Path, fmt: str) -> None:
    names, phones = week_people(run)
    if fmt in ("html", "pdf"):
        out = tmp_path / f"poster.{fmt}"
        roster_text(run, "--format", fmt, "-o", str(out))
        # the HTML places each line of the page in its own element: read them in order
        text = pdf_text(out)[1] if fmt == "pdf" else \
            unescape(re.sub(r"<style>.*?</style>|<[^>]+>", " ", out.read_text(), flags=re.S))
        text = " ".join(text.split())
    else:
        text = " ".join(roster_text(run, "--format", fmt).split())
    for needle in [*names, *HEADER_FOOTER_ID, *NIGHTS_ID]:
        if fmt == "terminal" and needle in ("Suparman",):
            continue
        assert " ".join(needle.split()) in text, needle
    for phone in phones:
        if phone != "0813-9011-2468":  # the Bhabinkamtibmas's number is public on purpose
            assert phone not in text, "a resident's phone on the public poster"


def test_the_patrol_sheet_has_phones_attendance_and_empty_houses(run: Run, planned: Path,
                                                                 tmp_path: Path) -> None:
    text = roster_text(run, "--format", "text", "--patrol-sheet")
    names, phones = week_people(run)
    week = json.loads(run("schedule", "--json", env=TUESDAY).stdout)
    on_duty = {v["id"] for s in week for v in s["volunteers"]}
    roster = json.loads(run("volunteer", "list", "--json").stdout)
    duty_phones = [p["phone"] for p in roster if p["id"] in on_duty and p["phone"]]
    for phone in duty_phones:
        assert f"0{phone[3:6]}-{phone[6:10]}-{phone[10:]}" in text
    assert "[H] [I] [S] [TK]" in text and "Situasi: aman" in text and "Jimpitan: Rp" in text
    assert "Rumah kosong pekan ini" in text and "A-05 (Sutrisno)" in text
    poster = roster_text(run, "--format", "text")
    assert "A-05 (Sutrisno)" not in poster and "Rumah kosong" not in poster
    pdf = tmp_path / "regu.pdf"
    result = run("roster", "--format", "pdf", "--patrol-sheet", "-o", str(pdf), env=TUESDAY)
    assert result.exit_code == 0 and "never the public board" in result.stderr
    assert "A-05 (Sutrisno)" in pdf_text(pdf)[1]


def test_text_fits_80_columns_and_the_terminal_100(run: Run, planned: Path) -> None:
    for args in (("--format", "text"), ("--format", "text", "--patrol-sheet")):
        assert max(len(line) for line in roster_text(run, *args).splitlines()) <= 80
    terminal = run("roster", lang="id", env={**TUESDAY, "COLUMNS": "100"}).stdout
    assert max(len(line) for line in terminal.splitlines()) <= 100


def test_the_pdf_has_one_page_per_week_and_extractable_text(run: Run, planned: Path,
                                                            tmp_path: Path) -> None:
    out = tmp_path / "jadwal.pdf"
    roster_text(run, "--format", "pdf", "--weeks", "3", "-o", str(out), lang="en")
    pages, text = pdf_text(out)
    assert pages == 3
    assert "NIGHT PATROL SCHEDULE" in text and "Saturday night" in text
    assert "Week 7–13 December 2026" in text


class StrictHTML(HTMLParser):
    VOID = {"meta", "br", "img", "hr", "input", "link"}

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        assert self.stack and self.stack[-1] == tag, (tag, self.stack[-3:])
        self.stack.pop()


def test_the_html_is_well_formed_and_a_full_week_fits_its_page(run: Run, planned: Path,
                                                               tmp_path: Path) -> None:
    out = tmp_path / "poster.html"
    roster_text(run, "--format", "html", "--weeks", "2", "-o", str(out))
    checker = StrictHTML()
    checker.feed(out.read_text())
    assert checker.stack == []
    assert out.read_text().count('class="page"') == 2
    assert "size: A4 landscape" in out.read_text()


def test_whatsapp_text_uses_whatsapp_marks_and_no_phones(run: Run, planned: Path) -> None:
    text = roster_text(run, "--format", "whatsapp")
    names, phones = week_people(run)
    assert "*JADWAL RONDA MALAM*" in text and "*Sabtu 28/11/2026* _(Malam Minggu)_" in text
    assert all(name in text for name in names)
    assert not any(phone in text for phone in phones)
    assert max(len(line) for line in text.splitlines()) <= 65
    tonight = roster_text(run, "--tonight", "--format", "whatsapp")
    assert tonight.startswith("*Ronda malam ini: Selasa, 24/11/2026* _(Malam Rabu)_")
    week = json.loads(run("schedule", "--json", env=TUESDAY).stdout)
    assert all(v["name"] in tonight for v in week[1]["volunteers"])
    refused = run("roster", "--format", "whatsapp", "--patrol-sheet", env=TUESDAY)
    assert refused.exit_code == 2 and "WhatsApp" in refused.stderr


def test_a_personal_slip(run: Run, planned: Path) -> None:
    text = roster_text(run, "--volunteer", "Slamet", "--format", "whatsapp")
    assert text.startswith("*Jadwal ronda Slamet Riyadi*")
    month = roster_text(run, "--volunteer", "Slamet", "--month", lang="en")
    assert "1–30 November 2026" in month
    assert run("roster", "--volunteer", "Slamet", "--format", "pdf",
               env=TUESDAY).exit_code == 2


def test_teams_list_and_html_default_name(run: Run, planned: Path, tmp_path: Path,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    assert "Malam Minggu" in roster_text(run, "--format", "teams")
    monkeypatch.chdir(tmp_path)
    result = run("roster", "--format", "html", env=TUESDAY)
    assert result.exit_code == 0 and "jadwal-ronda-2026-11-23.html" in result.stderr
    assert (tmp_path / "jadwal-ronda-2026-11-23.html").exists()


def test_english_poster(run: Run, planned: Path) -> None:
    text = roster_text(run, "--format", "text", lang="en")
    for needle in ("NIGHT PATROL SCHEDULE", "Week 23–29 November 2026", "Saturday 28/11/2026",
                   "From 22:00 to 04:00 WIB", "Acknowledged,", "Head of RW 002"):
        assert needle in text


def terminal(run: Run, *args: str, width: int, lang: str = "id") -> tuple[str, str]:
    """What a terminal of ``width`` columns shows: stdout and stderr, without styles."""
    env = {**TUESDAY, "COLUMNS": str(width), "TTY_COMPATIBLE": "1", "NO_COLOR": "1"}
    result = run(*args, lang=lang, env=env)
    assert result.exit_code == 0, result.output
    plain = [re.sub(r"\x1b\[[0-9;]*m", "", text) for text in (result.stdout, result.stderr)]
    return plain[0], plain[1]


@pytest.mark.parametrize("lang", ["en", "id"])
@pytest.mark.parametrize("width", [60, 80, 120])
def test_the_terminal_roster_keeps_every_name_on_one_line_within_the_width(
        run: Run, planned: Path, width: int, lang: str) -> None:
    names, _ = week_people(run)
    text, _ = terminal(run, "roster", width=width, lang=lang)
    lines = text.splitlines()
    assert max(len(line) for line in lines) <= width
    for name in names:  # whole on one line, its house number after it or hanging under it
        assert any(name in line for line in lines), name


def test_signature_names_never_run_into_each_other(run: Run, planned: Path) -> None:
    set_setting(planned, "rw-head", "Haji Muhammad Abdurrahman Wicaksono")
    for width in (60, 80):
        text, _ = terminal(run, "roster", width=width)
        for line in text.splitlines():
            if "( Haji" in line and "( Suparman )" in line:
                assert ")  " in line and line.index("( Suparman )") > line.index(") ") + 1
        assert "( Haji Muhammad Abdurrahman Wicaksono )" in text and "( Suparman )" in text
    plain = roster_text(run, "--format", "text")
    assert "( Haji Muhammad Abdurrahman Wicaksono )" in plain


def test_stats_messages_wrap_between_words_on_a_narrow_terminal(run: Run, planned: Path) -> None:
    piped = run("schedule", "stats", lang="en", env={**TUESDAY, "COLUMNS": "60"})
    for width in (60, 80):
        _, messages = terminal(run, "schedule", "stats", width=width, lang="en")
        assert max(len(line) for line in messages.splitlines()) <= width
        assert messages.split() == piped.stderr.split()  # the same words, none broken


def test_piped_output_has_no_trailing_spaces(run: Run, planned: Path) -> None:
    for args in (("schedule",), ("schedule", "stats"), ("roster",), ("roster", "--format", "md"),
                 ("roster", "--format", "text", "--patrol-sheet"), ("volunteer", "list")):
        for lang in ("en", "id"):
            out = run(*args, lang=lang, env=TUESDAY).stdout
            assert [line for line in out.splitlines() if line != line.rstrip()] == [], args
