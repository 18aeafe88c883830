"""The kas and the fines: jimpitan and fines paid come in, what the ronda buys goes out, the
balance and the month's report are read from the entries; a fine from a night's attendance
is owed until it is paid into the kas. And the reports on paper: the kas's month, the
handover of incidents to the Polsek and the notice for the pos, as PDF."""

from __future__ import annotations

import io
import json
from datetime import date
from pathlib import Path

import pytest
from builders import example_neighbourhood
from conftest import Made, Run, incident_book
from pypdf import PdfReader

WEDNESDAY = {"RONDA_TODAY": "2026-11-25", "RONDA_NOW": "2026-11-25T09:00:00+07:00"}


@pytest.fixture
def demo(db: Path, made: Made) -> Path:
    """The demo on Tuesday 24/11/2026 with two absences without notice (Rp20.000 each)."""
    return made(db, example_neighbourhood, date(2026, 11, 24))


def absent_without_notice(run: Run, night: str) -> dict:
    week = json.loads(run("schedule", "--json", "--week", night, env=WEDNESDAY).stdout)
    shift = next(s for s in week if s["date"] == date.fromisoformat(night).isoformat())
    who = shift["volunteers"][-1]
    taken = run("schedule", "attend", night, "--absent", str(who["id"]), "--reason", "tk",
                env=WEDNESDAY)
    assert taken.exit_code == 0, taken.output
    return who


def pdf_text(payload: bytes) -> tuple[int, str]:
    reader = PdfReader(io.BytesIO(payload))
    return len(reader.pages), "\n".join(p.extract_text() for p in reader.pages)


def test_fines_are_owed_until_paid_into_the_kas(run: Run, demo: Path) -> None:
    first = absent_without_notice(run, "2026-11-23")
    second = absent_without_notice(run, "2026-11-24")
    owed = json.loads(run("schedule", "fine", "--json", env=WEDNESDAY).stdout)
    assert [(f["volunteer"], f["amount"], f["paid"]) for f in owed] == [
        (first["id"], 20000, None), (second["id"], 20000, None)]
    shown = run("schedule", "fine", lang="id", env=WEDNESDAY)
    assert "2 denda belum dibayar, seluruhnya Rp40.000." in shown.stderr
    assert first["name"] in shown.stdout and "tanpa keterangan" in shown.stdout

    paid = run("schedule", "fine", "--paid", str(first["id"]), env=WEDNESDAY)
    assert paid.exit_code == 0, paid.output
    assert "1 fine of" in paid.stderr and "balance Rp20.000" in paid.stderr
    still = json.loads(run("schedule", "fine", "--json", env=WEDNESDAY).stdout)
    assert [f["volunteer"] for f in still] == [second["id"]]
    everyone = json.loads(run("schedule", "fine", "--all", "--json", env=WEDNESDAY).stdout)
    assert [f["paid"] for f in everyone] == ["2026-11-25", None]

    before = demo.read_bytes()
    again = run("schedule", "fine", "--paid", str(first["id"]), lang="id", env=WEDNESDAY)
    assert again.exit_code == 2 and "tidak punya denda yang belum dibayar" in again.stderr
    assert demo.read_bytes() == before


def test_the_kas_keeps_money_in_and_out_and_the_month(run: Run, demo: Path) -> None:
    for args in (["45rb", "--kind", "jimpitan", "--note", "jimpitan pekan 48"],
                 ["Rp30.000", "--kind", "konsumsi", "--note", "kopi dan gula untuk pos"],
                 ["10.000", "--kind", "peralatan", "--on", "30/10/2026", "--note", "senter"]):
        added = run("kas", "add", *args, lang="id", env=WEDNESDAY)
        assert added.exit_code == 0, added.output
    assert "saldo Rp5.000" in added.stderr  # 45.000 - 30.000 - 10.000
    month = json.loads(run("kas", "list", "--json", env=WEDNESDAY).stdout)
    assert (month["opening"], month["in"], month["out"], month["closing"]) == (
        -10000, 45000, 30000, 5000)
    assert [e["kind"] for e in month["entries"]] == ["jimpitan", "consumables"]
    october = json.loads(run("kas", "list", "--month", "Oktober 2026", "--json",
                             env=WEDNESDAY).stdout)
    assert [e["amount"] for e in october["entries"]] == [-10000]
    shown = run("kas", "list", lang="id", env=WEDNESDAY)
    assert "Saldo awal -Rp10.000, masuk Rp45.000, keluar Rp30.000, saldo akhir Rp5.000." \
        in shown.stderr
    report = run("kas", "report", lang="id", env=WEDNESDAY).stdout
    assert report.startswith("# Buku kas ronda")
    assert "| 25/11/2026 | jimpitan | jimpitan pekan 48 | Rp45.000 |  | Rp35.000 |" in report


def test_bad_kas_entries_change_nothing(run: Run, demo: Path) -> None:
    before = demo.read_bytes()
    for args in (["0", "--kind", "jimpitan"], ["lima ribu", "--kind", "jimpitan"],
                 ["5000", "--kind", "arisan"], ["5000"], ["5000", "--kind", "lainnya"],
                 ["20rb", "--kind", "denda"], ["5000", "--kind", "jimpitan", "--on", "besok"]):
        refused = run("kas", "add", *args, lang="id", env=WEDNESDAY)
        assert refused.exit_code == 2, (args, refused.output)
        assert "Traceback" not in refused.output
    assert run("kas", "list", "--month", "13/2026", env=WEDNESDAY).exit_code == 2
    assert demo.read_bytes() == before


def test_the_month_handover_and_board_print_as_pdf(run: Run, demo: Path, tmp_path: Path) -> None:
    assert run("kas", "add", "45rb", "--kind", "jimpitan", env=WEDNESDAY).exit_code == 0
    kas = tmp_path / "kas.pdf"
    assert run("kas", "report", "--format", "pdf", "-o", str(kas), lang="id",
               env=WEDNESDAY).exit_code == 0
    pages, text = pdf_text(kas.read_bytes())
    assert pages == 1 and "Buku kas ronda" in text and "Rp45.000" in text

    handover = tmp_path / "polsek.pdf"
    made = run("incident", "export", "--format", "pdf", "-o", str(handover), lang="id",
               env=WEDNESDAY)
    assert made.exit_code == 0, made.output
    pages, text = pdf_text(handover.read_bytes())
    incidents = json.loads(run("incident", "list", "--json", env=WEDNESDAY).stdout)
    assert len(incidents) == 2 and pages == 1 + len(incidents)  # the letter, an incident a page
    for words in ("Pencurian kendaraan bermotor", "Kerugian", "Rp14.000.000", "LP/B/512/XI/2026",
                  "Riwayat", "Status: baru » diteruskan", "Regu bertugas"):
        assert words in " ".join(text.split()), words
    reporters = incident_book(demo)["reporters"].values()
    assert all(r["name"] not in text for r in reporters)

    board = tmp_path / "papan.pdf"
    assert run("incident", "board", "--format", "pdf", "-o", str(board), lang="id",
               env=WEDNESDAY).exit_code == 0
    pages, text = pdf_text(board.read_bytes())
    assert pages == 1 and "TINDAK LANJUT LAPORAN WARGA" in " ".join(text.split())
    people = [v["name"] for v in json.loads(run("volunteer", "list", "--json").stdout)]
    assert not [name for name in people if name in text]
