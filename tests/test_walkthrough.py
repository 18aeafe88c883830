"""A new coordinator's first hour, in five commands: the RT's own spreadsheet (examples/
warga-rt05.csv, and the same sheet as an .xlsx under a title row and as an .ods) → init →
import → build → a one-page PDF poster and the WhatsApp text, in Indonesian and in English,
with the households and the weekend-only residents honoured in the plan."""

from __future__ import annotations

import io
import json
import re
from datetime import date
from pathlib import Path

import pytest
from conftest import Run, again
from pypdf import PdfReader
from spreadsheets import EXAMPLES, as_typed, example_rows, ods_bytes, xlsx_bytes

HOUSEHOLDS = [{"Bambang Sutrisno Hadiwijaya", "Rizky Pratama Hadiwijaya"},
              {"Wahyu Aji Saputro", "Nur Rochman Hakim"},
              {"Bayu Aji Kusumo", "Ridwan Saputra Lubis"}]
WEEKEND_ONLY = {"Muhammad Ilham Firmansyah", "Dwi Cahyo Kurniawan", "Rahmat Hidayat Siregar",
                "Joko Santoso Wiryawan"}
SATURDAY_ONLY = {"Sigit Purwanto Adi"}  # "malam Minggu"
WEEKDAYS_ONLY = {"Imam Syafi'i Abdullah"}  # "Senin-Jumat"
OFF_DUTY = {"Slamet Riyadi Prawirodirdjo", "Sugeng Raharjo Mangunkusumo", "Sumarno Adi Wijoyo"}
WORDS = {"id": {"week": "pekan depan", "sat": "Sabtu", "sun": "Minggu",
                "title": "JADWAL RONDA MALAM"},
         "en": {"week": "next week", "sat": "Saturday", "sun": "Sunday",
                "title": "NIGHT PATROL SCHEDULE"}}


def the_sheet(shape: str, folder: Path) -> Path:
    """The RT's spreadsheet in one of its three shapes."""
    if shape == "csv":
        return EXAMPLES / "warga-rt05.csv"
    typed = as_typed(example_rows(), number_columns=("No. HP/WA", "No. Rumah"))
    path = folder / f"warga-rt05.{shape}"
    path.write_bytes(xlsx_bytes({"Data Warga": typed}, title="DAFTAR WARGA RT 05 / RW 02")
                     if shape == "xlsx" else ods_bytes({"Warga": typed}))
    return path


def nights(whatsapp: str, lang: str) -> dict[str, list[str]]:
    """The WhatsApp text's nights: the night's heading to the names on it."""
    out: dict[str, list[str]] = {}
    for block in whatsapp.split("\n\n"):
        lines = block.splitlines()
        if lines and re.match(r"\*\w+ \d\d/\d\d/\d{4}\*", lines[0]):
            out[lines[0]] = [re.sub(r"^(⭐|•) (.+?) \(.*$", r"\2", line) for line in lines[1:]
                             if line.startswith(("⭐", "•"))]
    return out


@pytest.mark.parametrize(("shape", "lang"), [
    pytest.param("xlsx", "id", id="xlsx-id"), pytest.param("ods", "en", id="ods-en"),
    again("csv", "id", id="csv-id"), again("csv", "en", id="csv-en"),
    again("xlsx", "en", id="xlsx-en"), again("ods", "id", id="ods-id")])
def test_from_the_rts_spreadsheet_to_a_printed_week_in_five_commands(
        run: Run, tmp_path: Path, shape: str, lang: str) -> None:
    words = WORDS[lang]
    sheet = the_sheet(shape, tmp_path)
    poster = tmp_path / "jadwal.pdf"
    commands = [
        ("init", "--name", "RT 005 / RW 002", "--area",
         "Kel. Tembalang, Kec. Tembalang, Kota Semarang", "--timezone", "WIB", "--start",
         "22.00", "--end", "04.00", "--per-night", "4", "--coordinator", "Bambang Sutejo",
         "--coordinator-phone", "0812-2870-4411", "--lang", lang),
        ("volunteer", "import", str(sheet)),
        ("schedule", "build", "--from", words["week"], "--weeks", "4"),
        ("roster", "--week", words["week"], "--format", "pdf", "-o", str(poster)),
        ("roster", "--week", words["week"], "--format", "whatsapp"),
    ]
    results = [run(*command, lang=None) for command in commands]
    for command, result in zip(commands, results, strict=True):
        assert result.exit_code == 0, (command, result.output)
    imported = results[1].stderr
    assert ("Kolom 'Hobi' tidak dipakai." if lang == "id" else
            "Column 'Hobi' is not used.") in imported
    assert ("33 petugas diimpor" if lang == "id" else "Imported 33 volunteers") in imported

    pdf = PdfReader(io.BytesIO(poster.read_bytes()))
    assert len(pdf.pages) == 1
    printed = "".join(pdf.pages[0].extract_text().split())

    week = nights(results[4].stdout, lang)
    assert len(week) == 7 and all(len(names) == 4 for names in week.values()), week
    assert "".join(words["title"].split()) in printed
    assert all("".join(name.split()) in printed for names in week.values() for name in names)
    for heading, names in week.items():
        weekend = heading.startswith((f"*{words['sat']} ", f"*{words['sun']} "))
        saturday = heading.startswith(f"*{words['sat']} ")
        assert not set(names) & OFF_DUTY
        assert weekend or not set(names) & WEEKEND_ONLY, (heading, names)
        assert saturday or not set(names) & SATURDAY_ONLY, (heading, names)
        assert not weekend or not set(names) & WEEKDAYS_ONLY, (heading, names)
    planned = json.loads(run("schedule", "--json", "--from", words["week"], "--to",
                             "20/12/2026").stdout)
    assert len(planned) == 28
    for shift in planned:
        names = {v["name"] for v in shift["volunteers"]}
        assert all(len(names & house) <= 1 for house in HOUSEHOLDS), shift["date"]
        weekday = date.fromisoformat(shift["date"]).weekday()
        assert weekday >= 5 or not names & WEEKEND_ONLY, shift["date"]
    served = {v["name"] for shift in planned for v in shift["volunteers"]}
    assert served >= WEEKEND_ONLY | SATURDAY_ONLY  # planned, on their own days
