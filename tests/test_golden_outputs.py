"""What the coordinator of RT 012 (two shifts a night, 34 residents, one away for mudik, a local
holiday on Saturday 28/11/2026, three incidents in the book) reads on Thursday 26/11/2026, word
for word, in English and in Bahasa Indonesia: the week, the duty stats, the roster, the
incident book, the printed and WhatsApp rosters, the calendar file and the JSON for scripts.

Each output is compared with its file in ``tests/golden/two-shifts/``. After a deliberate
change run ``RONDA_UPDATE_GOLDEN=1 pytest tests/test_golden_outputs.py`` and read the
difference before committing it. A few facts a user relies on (dates, hours with their zone,
phones) are also checked directly, so a golden file written in haste cannot hide them."""

from __future__ import annotations

import json
import re
import shutil
from datetime import date, datetime
from pathlib import Path

import pytest
from builders import MONDAY, log_incident, two_shift_neighbourhood
from conftest import BASE_ENV, again, assert_golden
from typer.testing import CliRunner

from ronda.cli.app import app
from ronda.dates import zone
from ronda.incidents.book import Incident, Reporter, update_incident
from ronda.store.datafile import open_data

THURSDAY = "2026-11-26"  # the first planned week: three nights past, four to come
ENV = {**BASE_ENV, "RONDA_TODAY": THURSDAY, "COLUMNS": "100", "NO_COLOR": "1",
       "TTY_COMPATIBLE": "1"}  # a 100-column terminal without colours
LANGS = ["en", "id"]
HOURS = {"en": ("22:00–01:00 WIB", "01:00–04:00 WIB"), "id": ("22.00–01.00 WIB", "01.00–04.00 WIB")}
PHONE = re.compile(r"0812-30\d\d-40\d\d")


def at(day: int, hour: int, minute: int) -> datetime:
    return datetime(2026, 11, day, hour, minute, tzinfo=zone("Asia/Jakarta"))


@pytest.fixture(scope="module")
def rt012(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The two-shift neighbourhood with three incidents: a motorbike stolen at 02.15 (late
    shift of Tuesday night, reported by a volunteer, forwarded to the Polsek), a suspicious
    rider at 23.10 (early shift) and a street lamp broken in the afternoon (no patrol)."""
    db = two_shift_neighbourhood(tmp_path_factory.mktemp("rt012") / "rt.json",
                                 date(2026, 11, 22), date.fromisoformat(MONDAY))
    with open_data(db, write=True) as data:
        theft = log_incident(data, Incident(
            0, at(25, 2, 15), at(25, 2, 15), "vehicle-theft",
            "Honda Vario putih hilang dari carport; gembok pagar dipotong.", "high",
            "Jl. Bekasi Timur IV No. 7", loss=18_500_000), at(25, 3, 0),
            Reporter(0, "Dewi Hadiningrat Kusumawardhani 4", 4))
        data.save_incident(update_incident(theft, at(26, 9, 30), status="forwarded",
                                           station="Polsek Jatinegara", lp="LP/B/731/XI/2026"))
        log_incident(data, Incident(
            0, at(24, 23, 10), at(24, 23, 10), "suspicious",
            "Pengendara motor berhenti di depan rumah kosong B-07 dan memotret pagar.",
            location="Gang Melati", behaviour="Memotret pagar dan gembok, lalu pergi saat ditegur.",
            vehicle="Honda Beat hitam", plate="B 4821 KJL"), at(24, 23, 40))
        log_incident(data, Incident(
            0, at(25, 16, 5), at(25, 16, 5), "vandalism",
            "Lampu jalan di ujung gang dipecahkan dengan batu; serpihan kaca di jalan sudah "
            "disapu warga pagi harinya sebelum anak-anak berangkat sekolah.", "low",
            "Ujung Gang Melati"), at(25, 18, 0))
    return db


def shown(db: Path, *args: str, lang: str) -> str:
    """What ronda prints, as the user reads it: standard output, then what went to standard
    error (counts, notes), without the bold and with no trailing blanks."""
    result = CliRunner().invoke(app, ["--db", str(db), "--lang", lang, *args], env=ENV)
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output

    def plain(text: str) -> str:
        text = re.sub(r"\x1b\[[0-9;]*m", "", text)
        return "".join(line.rstrip() + "\n" for line in text.splitlines())

    return plain(result.stdout) + (f"--- stderr ---\n{plain(result.stderr)}"
                                   if result.stderr else "")


def cells(table: str, column: int) -> list[str]:
    """The cells of a column of a bordered table, each row's wrapped lines joined again."""
    rows: list[list[str]] = []
    for line in table.splitlines():
        parts = line.split("│")
        if len(parts) > column + 2:
            if parts[1].strip():  # a row starts where its ID is
                rows.append([])
            rows[-1].append(parts[column + 1].strip())
    return [" ".join(part for part in row if part) for row in rows]


@pytest.mark.parametrize("lang", [again("en", id="en"), "id"])
def test_the_week_shows_both_shifts_of_every_night_with_hours_leaders_and_phones(
        rt012: Path, lang: str) -> None:
    text = shown(rt012, "schedule", lang=lang)
    assert_golden(f"two-shifts/schedule-{lang}.txt", text)
    early, late = HOURS[lang]
    assert text.count(early) == text.count(late) == 7
    assert text.count("★") == 14
    assert ("Sat 28/11/2026 · Saturday night" if lang == "en" else
            "Sab 28/11/2026 · Malam Minggu") in text
    assert len(PHONE.findall(text)) == 12 * 3 + 5 + 4  # Saturday's shifts have 5 and 4


@pytest.mark.parametrize("lang", LANGS)
def test_the_stats_list_every_resident_with_their_fair_share_and_a_verdict(
        rt012: Path, lang: str) -> None:
    text = shown(rt012, "schedule", "stats", lang=lang)
    assert_golden(f"two-shifts/stats-{lang}.txt", text)
    period, share = (("23 November – 20 December 2026", "6.2") if lang == "en" else
                     ("23 November – 20 Desember 2026", "6,2"))
    assert period in text  # the four planned weeks
    assert ("a fair share of " if lang == "en" else "bagian adil ") + share in text  # a leader's


@pytest.mark.parametrize("lang", LANGS)
def test_the_roster_lists_leaders_first_with_whole_phones_and_who_is_away(
        rt012: Path, lang: str) -> None:
    text = shown(rt012, "volunteer", "list", lang=lang)
    assert_golden(f"two-shifts/volunteers-{lang}.txt", text)
    assert len(PHONE.findall(text)) == 34
    assert ("34 volunteers, 1 away today." if lang == "en" else
            "34 petugas, 1 berhalangan hari ini.") in text


@pytest.mark.parametrize("lang", LANGS)
def test_the_incident_book_gives_each_moment_with_its_day_and_zone(rt012: Path,
                                                                  lang: str) -> None:
    text = shown(rt012, "incident", "list", lang=lang)
    assert_golden(f"two-shifts/incidents-{lang}.txt", text)
    moment = ("Wednesday, 25/11/2026 at 02:15 WIB" if lang == "en" else
              "Rabu, 25/11/2026 pukul 02.15 WIB")
    assert any(moment in line for line in text.splitlines())  # whole, on one line
    assert "Jatinegara" in text and "…" not in text  # forwarded; descriptions whole
    assert "Dewi Hadiningrat" not in text  # the reporter stays confidential


@pytest.mark.parametrize("fmt", ["text", "whatsapp"])
@pytest.mark.parametrize("lang", LANGS)
def test_the_printed_and_whatsapp_rosters_group_each_night_by_shift(rt012: Path, lang: str,
                                                                    fmt: str) -> None:
    text = shown(rt012, "roster", "--format", fmt, lang=lang)
    assert_golden(f"two-shifts/roster-{fmt}-{lang}.txt", text)
    early, late = (hours.removesuffix(" WIB") for hours in HOURS[lang])
    assert text.count(early) >= 7 and text.count(late) >= 7
    assert ("Saturday 28/11/2026" if lang == "en" else "Sabtu 28/11/2026") in text
    assert "Haul Mbah Kyai" in text


@pytest.mark.parametrize("lang", LANGS)
def test_the_calendar_file_has_one_event_a_shift_in_the_users_language(
        rt012: Path, tmp_path: Path, lang: str) -> None:
    db = tmp_path / "rt.json"
    shutil.copy(rt012, db)  # an export remembers what it sent in the data file
    raw = shown(db, "export", "ics", "-o", "-", "--from", "2026-11-28", "--to", "2026-11-29",
                lang=lang)
    stamps = re.findall(r"^DTSTAMP:(\S+)$", raw, flags=re.MULTILINE)
    assert stamps and all(re.fullmatch(r"\d{8}T\d{6}Z", s) for s in stamps)
    text = re.sub(r"^DTSTAMP:\S+$", "DTSTAMP:(when exported)", raw, flags=re.MULTILINE)
    assert_golden(f"two-shifts/calendar-{lang}.ics", text)
    assert text.count("BEGIN:VEVENT") == 4
    unfolded = text.replace("\n ", "")
    assert ("Sat night 28/11/2026 · 01:00–04:00 WIB (Sun 29/11/2026)" if lang == "en" else
            "Sabtu malam 28/11/2026 (malam Minggu) · 01.00–04.00 WIB (Minggu dini hari "
            "29/11/2026)") in unfolded


def test_the_json_of_the_week_and_the_roster_is_the_same_in_both_languages(rt012: Path) -> None:
    for name, args in (("schedule", ("schedule", "--json")),
                       ("volunteers", ("volunteer", "list", "--json"))):
        english = shown(rt012, *args, lang="en")
        assert shown(rt012, *args, lang="id") == english
        assert_golden(f"two-shifts/{name}.json", english)
        assert json.loads(english)
