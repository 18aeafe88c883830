"""The terminal views at 60, 80 and 120 columns, in both languages, against golden files:
phones, dates and hours are never cut or broken, notes stay, and a table too wide for the
terminal becomes one block a row. Piped output is never cut at all.

Run with ``RONDA_UPDATE_GOLDEN=1`` to write the golden files again after a deliberate change
(and look at the difference before committing it)."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pytest
from builders import example_neighbourhood
from conftest import BASE_ENV, assert_golden
from typer.testing import CliRunner

from ronda.cli.app import app

TODAY = {"RONDA_TODAY": "2026-11-24"}
VIEWS = {"schedule": ("schedule",), "volunteers": ("volunteer", "list"),
         "stats": ("schedule", "stats"), "roster": ("roster",),
         "incidents": ("incident", "list"), "events": ("event", "list")}
MOMENT = re.compile(r"\b\d{2}/\d{2}/\d{4} (?:at|pukul) \d{2}[:.]\d{2} WIB")
PHONE = re.compile(r"0\d{3}-\d{4}-\d{4}")


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example neighbourhood as ``ronda demo`` leaves it on Tuesday 24/11/2026."""
    db = example_neighbourhood(tmp_path_factory.mktemp("screen") / "rt.json",
                               date(2026, 11, 24))
    for title, at, place in (
            ("Sosialisasi keamanan lingkungan bersama Bhabinkamtibmas dan Babinsa",
             "05/12/2026 19.30", "Balai warga RW 002, Jl. Mulawarman Raya"),
            ("Rapat RT", "12/12/2026 20.00", "")):
        added = CliRunner().invoke(app, ["--db", str(db), "event", "add", title, "--at", at,
                                         *(["--location", place] if place else [])],
                                   env={**BASE_ENV, **TODAY})
        assert added.exit_code == 0, added.output
    return db


def screen(db: Path, args: tuple[str, ...], width: int, lang: str) -> str:
    env = {**BASE_ENV, **TODAY, "COLUMNS": str(width), "TTY_COMPATIBLE": "1", "NO_COLOR": "1"}
    result = CliRunner().invoke(app, ["--db", str(db), "--lang", lang, *args], env=env)
    assert result.exit_code == 0, result.output
    plain = re.sub(r"\x1b\[[0-9;]*m", "", result.stdout)  # bold and the like
    return "\n".join(line.rstrip() for line in plain.splitlines()) + "\n"


@pytest.mark.parametrize("lang", ["en", "id"])
@pytest.mark.parametrize("width", [60, 80, 120])
@pytest.mark.parametrize("view", sorted(VIEWS))
def test_a_view_at_a_width(demo: Path, view: str, width: int, lang: str) -> None:
    text = screen(demo, VIEWS[view], width, lang)
    assert all(len(line) <= width for line in text.splitlines()), "wider than the terminal"
    people = json.loads(CliRunner().invoke(app, ["--db", str(demo), "volunteer", "list",
                                                 "--json"], env=BASE_ENV).stdout)
    if view in ("schedule", "volunteers"):
        shown = set(PHONE.findall(text))
        assert shown, "phones are shown whole"
        assert shown <= {p["phone"].replace("+62", "0")[:4] + "-" + p["phone"][6:10] + "-"
                         + p["phone"][10:] for p in people if p["phone"]} | shown
        for p in people:
            if p["active"] and view == "volunteers":
                digits = p["phone"][3:]
                assert f"0{digits[:3]}-{digits[3:7]}-{digits[7:]}" in text, p["name"]
    if view in ("incidents", "events"):  # every moment whole, on one line
        assert len(MOMENT.findall(text)) == 2, text
    if view == "schedule":
        assert "23/11/2026" in text and ("22:00–04:00" in text or "22.00–04.00" in text)
        assert text.count("29/11/2026") >= 1  # the last night is not cut off
    assert_golden(f"{view}-{width}-{lang}.txt", text)


def test_piped_output_is_never_cut(demo: Path) -> None:
    env = {**BASE_ENV, **TODAY, "COLUMNS": "60"}  # not a terminal: no width to keep to
    result = CliRunner().invoke(app, ["--db", str(demo), "volunteer", "list"], env=env)
    assert result.exit_code == 0
    assert "0857-3471-7468" in result.stdout and "Slamet Riyadi" in result.stdout
    assert max(len(line) for line in result.stdout.splitlines()) > 60
