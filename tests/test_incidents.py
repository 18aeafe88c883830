"""The incident book: logging with strict times, reporters kept apart, police follow-up,
stats, redacted exports and the nameless notice for the pos."""

from __future__ import annotations

import csv
import io
import json
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from builders import example_neighbourhood
from conftest import Made, Run, book_files, digest, incident_book

from ronda.dates import parse_moment
from ronda.errors import BadInput

WIB = ZoneInfo("Asia/Jakarta")
NOW = {"RONDA_NOW": "2026-11-29T08:00:00+07:00"}  # Sunday morning after malam Minggu


def test_moments_are_read_strictly() -> None:
    now = datetime(2026, 11, 29, 1, 30, tzinfo=WIB)
    assert parse_moment("2026-03-04 19:30", now) == datetime(2026, 3, 4, 19, 30, tzinfo=WIB)
    assert parse_moment("28/11/2026 23.40", now) == datetime(2026, 11, 28, 23, 40, tzinfo=WIB)
    assert parse_moment("19.30", now) == datetime(2026, 11, 28, 19, 30, tzinfo=WIB)
    assert parse_moment("00:15", now) == datetime(2026, 11, 29, 0, 15, tzinfo=WIB)
    assert parse_moment("sekarang", now) == now
    assert parse_moment("-2h", now) == datetime(2026, 11, 28, 23, 30, tzinfo=WIB)
    assert parse_moment("28 November 2026 23:40", now) == \
        datetime(2026, 11, 28, 23, 40, tzinfo=WIB)
    for bad in ("32/11/2026 23.40", "+2h", "25.61", "kemarin sore", "2026-13-01"):
        with pytest.raises(BadInput):
            parse_moment(bad, now)


@pytest.fixture
def book(db: Path, made: Made) -> Path:
    """The demo neighbourhood (schedule planned) with the sample incidents."""
    return made(db, example_neighbourhood, date(2026, 11, 24))


def log(run: Run, *args: str, env: dict | None = None):  # noqa: ANN201
    return run("incident", "log", *args, env={**NOW, **(env or {})})


def test_log_links_the_shift_on_duty_and_echoes_the_moment(run: Run, book: Path) -> None:
    result = log(run, "--at", "29/11/2026 02.05", "--category", "curanmor", "--location",
                 "Jl. Mulawarman Raya No. 21", "--description", "Motor hilang dari teras",
                 "--loss", "Rp14.000.000", "--json")
    assert result.exit_code == 0, result.output
    assert "Sunday, 29/11/2026 at 02:05 WIB" in result.stderr
    stored = json.loads(result.stdout)
    assert stored["category"] == "vehicle-theft" and stored["loss"] == 14_000_000
    assert stored["occurred_at"] == "2026-11-29T02:05:00+07:00"
    assert stored["shift"] == {"date": "2026-11-28", "slot": 0}
    saturday = json.loads(run("schedule", "--json", "--week", "2026-11-28",
                              env=NOW).stdout)[5]
    assert stored["on_duty"] == [v["id"] for v in saturday["volunteers"]]
    assert {"id", "occurred_at", "category", "severity", "location", "description", "status",
            "police", "shift", "on_duty", "reporter", "timeline"} <= set(stored)
    assert stored["police"] == {"station": None, "lp": None, "sttlp": None, "sp2hp": None}


def test_reporters_are_kept_apart_and_confidential(run: Run, book: Path) -> None:
    result = log(run, "--at", "-1h", "--category", "theft", "--description", "Jemuran hilang",
                 "--reporter", "Bu Sri Wahyuni")
    assert result.exit_code == 0 and "confidential" in result.stderr
    raw = incident_book(book)
    assert all("Sri Wahyuni" not in json.dumps(i) for i in raw["incidents"].values())
    assert any(r["name"] == "Bu Sri Wahyuni" for r in raw["reporters"].values())
    listed = json.loads(run("incident", "list", "--json", env=NOW).stdout)
    assert all(i["reporter"] is None for i in listed)
    for args in (("incident", "list"), ("incident", "stats"), ("incident", "export"),
                 ("incident", "board"), ("incident", "show", "3")):
        assert "Sri Wahyuni" not in run(*args, env=NOW).output
    named = run("incident", "list", "--json", "--with-reporters", env=NOW)
    assert "names confidential reporters" in named.stderr
    assert json.loads(named.stdout)[-1]["reporter"]["name"] == "Bu Sri Wahyuni"
    public = log(run, "--at", "-1h", "--category", "fire", "--description", "Sampah terbakar",
                 "--reporter", "Slamet", "--public-reporter", "--json")
    assert json.loads(public.stdout)["reporter"] == {"name": "Slamet Riyadi", "volunteer": 1,
                                                    "public": True}


def test_a_suspicious_report_needs_behaviour_and_a_detail(run: Run, book: Path) -> None:
    before = digest(book)
    bare = log(run, "--at", "-1h", "--category", "suspicious", "--description",
               "Orang asing lewat")
    assert bare.exit_code == 2 and "behaviour, not appearance" in bare.stderr
    no_detail = log(run, "--at", "-1h", "--category", "mencurigakan", "--description", "x",
                    "--behaviour", "mencoba membuka pintu pagar")
    assert no_detail.exit_code == 2 and "--clothing, --vehicle or --plate" in no_detail.stderr
    assert digest(book) == before
    good = log(run, "--at", "-1h", "--category", "mencurigakan", "--description", "x",
               "--behaviour", "mencoba membuka pintu pagar", "--clothing", "jaket hitam")
    assert good.exit_code == 0


def test_follow_up_appends_to_the_timeline_and_flags_overdue(run: Run, book: Path) -> None:
    result = log(run, "--at", "-3h", "--category", "burglary", "--description",
                 "Rumah dibobol", "--json")
    number = str(json.loads(result.stdout)["id"])
    refused = run("incident", "update", number, "--status", "forwarded", env=NOW)
    assert refused.exit_code == 2 and "--police-station" in refused.stderr
    assert run("incident", "update", number, "--status", "diteruskan", "--police-station",
               "Polsek Tembalang", "--lp", "LP/B/600/XI/2026", env=NOW).exit_code == 0
    assert run("incident", "update", number, "--note", "Penyidik datang ke TKP",
               env=NOW).exit_code == 0
    shown = json.loads(run("incident", "show", number, "--json", env=NOW).stdout)
    assert [c["field"] for c in shown["timeline"]] == ["status", "status", "station", "lp",
                                                       "note"]
    assert shown["police"]["lp"] == "LP/B/600/XI/2026" and shown["status"] == "forwarded"
    later = {"RONDA_NOW": "2027-01-05T08:00:00+07:00"}
    assert json.loads(run("incident", "show", number, "--json", env=later).stdout)["overdue"]
    assert "overdue" in run("incident", "list", env={**later, "COLUMNS": "200"}).stdout
    assert run("incident", "update", number, "--sp2hp", "A3", env=later).exit_code == 0
    again = json.loads(run("incident", "show", number, "--json", env=later).stdout)
    assert again["overdue"] is False and again["police"]["sp2hp"] == "A3"
    table = run("incident", "show", number, lang="id", env={**later, "COLUMNS": "200"}).stdout
    assert "diteruskan ke Polsek Tembalang, SP2HP A3 (ditingkatkan ke penyidikan)" in table


def test_list_filters(run: Run, book: Path) -> None:
    log(run, "--at", "28/11/2026 23.00", "--category", "tawuran", "--description",
        "Tawuran pelajar di lapangan", "--location", "Lapangan RW")
    def ids(*args: str) -> list[str]:
        return [i["category"] for i in json.loads(run("incident", "list", "--json", *args,
                                                      env=NOW).stdout)]
    assert ids("--category", "fight") == ["fight"]
    assert ids("--search", "lapangan") == ["fight"]
    assert ids("--since", "2026-11-28") == ["fight"]
    assert sorted(ids("--until", "2026-11-27")) == ["suspicious", "vehicle-theft"]
    assert ids("--status", "forwarded") == ["vehicle-theft"]


def test_stats(run: Run, book: Path) -> None:
    log(run, "--at", "29/11/2026 02.05", "--category", "theft", "--description", "x")
    result = json.loads(run("incident", "stats", "--json", env=NOW).stdout)
    assert result["total"] == 3
    assert result["by_category"] == {"vehicle-theft": 1, "suspicious": 1, "theft": 1}
    assert {"hour": 2, "weekday": 5, "count": 1} in result["clock"]
    assert result["trend"] == {"2026-11": 3}
    assert result["patrol"]["full"]["incidents"] == 3
    assert result["median_days_to_forward"] == 0.2
    table = run("incident", "stats", lang="id", env=NOW)
    assert "Jam rawan" in table.stdout and "regu lengkap" in table.stdout


def test_exports_are_redacted_and_formula_safe(run: Run, book: Path, tmp_path: Path) -> None:
    log(run, "--at", "-1h", "--category", "other", "--description", "=HYPERLINK(\"x\")",
        "--witness", "Pak Darto", "--reporter", "Bu Ani")
    out = tmp_path / "laporan.csv"
    assert run("incident", "export", "--format", "csv", "-o", str(out), env=NOW).exit_code == 0
    rows = list(csv.DictReader(io.StringIO(out.read_text())))
    assert rows[-1]["description"] == "'=HYPERLINK(\"x\")"
    assert "Bu Ani" not in out.read_text() and "Pak Darto" not in out.read_text()
    named = run("incident", "export", "--format", "csv", "--with-reporters", env=NOW)
    assert "Bu Ani" in named.stdout and "confidential reporters" in named.stderr
    md = run("incident", "export", "--format", "md", lang="id", env=NOW).stdout
    assert md.startswith("# Laporan kejadian") and "Pencurian kendaraan bermotor" in md
    data = json.loads(run("incident", "export", "--format", "json", env=NOW).stdout)
    assert all(i["reporter"] is None for i in data)


def test_the_board_has_no_names_at_all(run: Run, book: Path) -> None:
    log(run, "--at", "-1h", "--category", "theft", "--description", "x", "--who",
        "Pemuda berjaket merah", "--witness", "Pak Darto", "--reporter", "Bu Ani")
    board = run("incident", "board", lang="id", env=NOW).stdout
    assert "TINDAK LANJUT LAPORAN WARGA" in board
    assert "diteruskan ke Polsek Tembalang, SP2HP A1" in board
    people = [v["name"] for v in json.loads(run("volunteer", "list", "--json").stdout)]
    for name in ["Bu Ani", "Pak Darto", "Rahmat", "berjaket", *people]:
        assert name not in board


def test_interactive_log_asks_for_what_is_missing(run: Run, book: Path, monkeypatch) -> None:
    monkeypatch.setattr("ronda.cli.context.is_interactive", lambda: True)
    answers = "\n".join(["02.30", "kebakaran", "Gang Melati", "Kabel listrik terbakar"]) + "\n"
    result = run("incident", "log", "--json", input=answers, env=NOW)
    assert result.exit_code == 0, result.output
    stored = json.loads(result.stdout[result.stdout.index("{"):])
    assert stored["category"] == "fire" and stored["location"] == "Gang Melati"
    assert stored["occurred_at"] == "2026-11-29T02:30:00+07:00"
    assert date.fromisoformat(stored["shift"]["date"]) == date(2026, 11, 28)


def test_interactive_log_asks_again_until_an_answer_can_be_used(run: Run, book: Path,
                                                                 monkeypatch) -> None:
    monkeypatch.setattr("ronda.cli.context.is_interactive", lambda: True)
    answers = "\n".join(["kemarin sore", "kemarin 23.15", "arisan", "berisik", "Gang Melati",
                         "", "Musik keras sampai larut"]) + "\n"
    result = run("incident", "log", "--json", input=answers, lang="id", env=NOW)
    assert result.exit_code == 0, result.output
    assert "'kemarin sore'" in result.stderr and "'arisan'" in result.stderr
    assert "Bagian ini wajib diisi." in result.stderr
    stored = json.loads(result.stdout[result.stdout.index("{"):])
    assert stored["occurred_at"] == "2026-11-28T23:15:00+07:00"
    assert stored["category"] == "disturbance" and stored["description"] == \
        "Musik keras sampai larut"


def test_erasing_a_volunteer_erases_their_name_as_a_reporter(run: Run, book: Path) -> None:
    assert log(run, "--at", "-1h", "--category", "theft", "--description", "x", "--reporter",
               "Slamet").exit_code == 0
    assert "Slamet Riyadi" in json.dumps(incident_book(book)["reporters"])
    assert run("volunteer", "remove", "Slamet", "--purge", "--yes").exit_code == 0
    assert "Slamet" not in book.read_text()
    assert all("Slamet" not in p.read_text() for p in book_files(book))


def test_a_category_is_read_however_its_words_are_joined() -> None:
    from ronda.incidents.book import parse_category

    for typed in ("balap liar", "balap-liar", "Balap_Liar", "street racing", "street-racing"):
        assert parse_category(typed) == "street-racing"
    for typed in ("rumah dibobol", "rumah-dibobol"):
        assert parse_category(typed) == "burglary"


def test_an_entry_logged_by_mistake_is_voided_with_its_reason(run: Run, book: Path) -> None:
    logged = json.loads(log(run, "--at", "-1h", "--category", "theft", "--description",
                            "Tercatat dua kali", "--json").stdout)
    number = str(logged["id"])
    bad = run("incident", "void", number, lang="id", env=NOW)
    assert bad.exit_code == 2  # the reason is required
    voided = run("incident", "void", number, "--reason", "tercatat dua kali", lang="id",
                 env=NOW)
    assert voided.exit_code == 0, voided.output
    assert f"Kejadian #{number} dibatalkan" in voided.stderr
    shown = json.loads(run("incident", "show", number, "--json", env=NOW).stdout)
    assert shown["status"] == "void"
    assert [(c["field"], c["new"]) for c in shown["timeline"][-2:]] == [
        ("status", "void"), ("note", "tercatat dua kali")]
    listed = [i["id"] for i in json.loads(run("incident", "list", "--json", env=NOW).stdout)]
    assert logged["id"] not in listed and len(listed) == 2
    assert [i["id"] for i in json.loads(run("incident", "list", "--json", "--status", "batal",
                                            env=NOW).stdout)] == [logged["id"]]
    assert json.loads(run("incident", "stats", "--json", env=NOW).stdout)["total"] == 2
    assert "Tercatat dua kali" not in run("incident", "export", "--format", "csv",
                                          env=NOW).stdout
    before = book.read_bytes()
    for again in (["void", number, "--reason", "lagi"], ["update", number, "--note", "x"]):
        refused = run("incident", *again, env=NOW)
        assert refused.exit_code == 2 and f"Incident #{number} is void" in refused.stderr
    assert book.read_bytes() == before


def test_the_police_report_carries_every_detail_they_act_on(run: Run, book: Path) -> None:
    log(run, "--at", "28/11/2026 23.40", "--category", "mencurigakan", "--description",
        "Dua orang memeriksa pintu pagar", "--location", "Gang Mawar 5", "--behaviour",
        "Mencoba membuka gembok pagar", "--clothing", "Jaket hitam, helm merah", "--vehicle",
        "Honda Vario putih", "--plate", "H 4321 AB", "--witness", "Pak Darto")
    rows = list(csv.DictReader(io.StringIO(run("incident", "export", "--format", "csv",
                                               env=NOW).stdout)))
    row = next(r for r in rows if r["location"] == "Gang Mawar 5")
    assert (row["behaviour"], row["clothing"], row["vehicle"], row["plate"]) == (
        "Mencoba membuka gembok pagar", "Jaket hitam, helm merah", "Honda Vario putih",
        "H 4321 AB")
    md = run("incident", "export", "--format", "md", lang="id", env=NOW).stdout
    assert "1 January 2000" not in md and "2000" not in md.splitlines()[2]
    assert "## Rincian untuk kepolisian" in md
    assert "— Sabtu, 28/11/2026 pukul 23.40 WIB" in md
    for line in ("- Perilaku: Mencoba membuka gembok pagar", "- Pakaian: Jaket hitam, helm merah",
                 "- Kendaraan: Honda Vario putih", "- Pelat: H 4321 AB",
                 "- Kerugian: Rp14.000.000"):
        assert line in md
    assert "Pak Darto" not in md  # witnesses only when asked for
