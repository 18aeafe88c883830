"""The example neighbourhood and ``ronda demo``."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest
from conftest import Run, again

from ronda.cli.demo import demo_settings, examples_dir
from ronda.people.csvfile import read_roster_csv


def test_the_example_roster_is_28_households_in_7_teams_with_leaders() -> None:
    rows, errors = read_roster_csv((examples_dir() / "roster.csv").read_text("utf-8"))
    assert errors == []
    assert len(rows) == 28
    assert len({r.fields["household"] for r in rows}) == 28
    teams = Counter(r.fields["team"] for r in rows)
    assert len(teams) == 7 and set(teams.values()) == {4}
    leaders = Counter(r.fields["team"] for r in rows if r.fields["leader"])
    assert set(leaders) == set(teams)


def test_the_example_settings_load() -> None:
    s = demo_settings("id")
    assert s.name == "RT 005 / RW 002"
    assert s.slots[0].required_on("sat") == 5
    assert dict(s.emergency)["polsek"] == "(024) 7460110"


def test_demo_loads_the_example_and_shows_the_roster(run: Run, db: Path) -> None:
    result = run("demo")
    assert result.exit_code == 0, result.output
    assert "RT 005 / RW 002" in result.stderr
    assert "28 volunteers in 7 teams" in result.stderr
    assert "Slamet Riyadi" in result.stdout and "away until" in result.stdout
    assert "this week:" in result.stderr and "Saturday night" in result.stdout
    assert "+ Bripka Agus Widodo (Bhabinkamtibmas)" in result.stdout
    for suffix in ("html", "pdf", "png"):
        poster = db.parent / f"jadwal-ronda-2026-11-16.{suffix}"
        assert poster.exists() and str(poster) in result.stderr
    assert (db.parent / "ronda-demo.ics").read_bytes().startswith(b"BEGIN:VCALENDAR")
    assert "*NIGHT PATROL SCHEDULE*" in result.stdout and "*Saturday 21/11/2026*" in result.stdout
    people = json.loads(run("volunteer", "list", "--json").stdout)
    assert len(people) == 28
    assert sum(1 for p in people if p["away"]) == 3
    assert oct(db.stat().st_mode & 0o777) == "0o600"


def test_demo_in_indonesian(run: Run) -> None:
    result = run("demo", lang="id")
    assert result.exit_code == 0
    assert "Daftar petugas: 28 orang dalam 7 regu." in result.stderr
    assert "berhalangan" in result.stdout


@pytest.mark.parametrize(("lang", "words"), [
    pytest.param("en", ("NIGHT PATROL SCHEDULE", "Saturday 21/11/2026"), id="en-words0"),
    again("id", ("JADWAL RONDA MALAM", "Sabtu 21/11/2026"), id="id-words1")])
def test_demo_makes_the_week_s_picture_and_phone_page_in_its_language(
        run: Run, db: Path, monkeypatch: pytest.MonkeyPatch, lang: str,
        words: tuple[str, str]) -> None:
    """In either language: the week as a picture for the group (1080 px wide) and the HTML
    that reads on a phone, in the language of the demo."""
    from PIL import Image

    from ronda.printing import picture

    drawn: list = []
    draw = picture.picture_png
    monkeypatch.setattr(picture, "picture_png", lambda p: drawn.append(p) or draw(p))
    result = run("demo", lang=lang)
    assert result.exit_code == 0, result.output
    png = db.parent / "jadwal-ronda-2026-11-16.png"
    assert str(png) in result.stderr and "WhatsApp" in result.stderr
    with Image.open(png) as image:
        assert image.size[0] == 1080 and image.size[1] > 1080
    [week] = drawn
    drawn_text = "\n".join(op.text for op in week.ops if hasattr(op, "text"))
    assert all(w in drawn_text for w in words)
    page = (db.parent / "jadwal-ronda-2026-11-16.html").read_text("utf-8")
    assert 'name="viewport"' in page and '<main class="screen">' in page
    assert f'<html lang="{lang}">' in page and words[0] in page


def test_demo_never_overwrites_an_existing_file(run: Run, roster: Path) -> None:
    before = roster.read_bytes()
    assert run("demo").exit_code == 2
    assert roster.read_bytes() == before


def test_demo_with_two_shifts_a_night(run: Run, db: Path) -> None:
    result = run("demo", "--slots", "22.00-01.00=2 sat=3, 01.00-04.00=2 sat=3", lang="id")
    assert result.exit_code == 0, result.output
    assert "_01.00–04.00_" in result.stdout and "01.00–04.00 WIB" in result.stdout
    assert "Giliran 1: pukul 22.00 s.d. 01.00 · Giliran 2: pukul 01.00 s.d. 04.00 WIB" \
        in result.stdout
    week = json.loads(run("schedule", "--json").stdout)
    assert {s["slot"] for s in week} == {0, 1}
    late = [s for s in week if s["slot"] == 1]
    assert all(s["start"][11:16] == "01:00" and s["start"][:10] > s["date"] for s in late)


def test_demo_refuses_overlapping_shifts_and_writes_nothing(run: Run, db: Path) -> None:
    result = run("demo", "--slots", "22.00-04.00, 01.00-03.00")
    assert result.exit_code == 2 and "overlap" in result.stderr
    assert not db.exists()
