"""The week as a picture for the phone (``roster --format png``) and tonight's card: its size,
every name whole and large, the sheet's language, and nothing private on it."""

from __future__ import annotations

import io
import re
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from builders import LONG_NAME, full_week
from conftest import Run, digest
from PIL import Image

from ronda.printing import picture
from ronda.printing.picture import (
    NAME_LEAST,
    PX,
    SIDE,
    WIDTH,
    WIDTH_PX,
    Band,
    Picture,
    name_text,
    tonight_picture,
    week_picture,
)
from ronda.printing.poster import Sheet

MONDAY = date(2026, 11, 23)
TUESDAY = {"RONDA_TODAY": "2026-11-24"}
WEEK = ("--week", "2026-11-23")


def png_size(path: Path) -> tuple[int, int]:
    with Image.open(path) as image:
        assert image.format == "PNG"
        return image.size


def written(run: Run, monkeypatch: pytest.MonkeyPatch, *args: str,
            lang: str | None = "id") -> tuple[Picture, Path]:
    """``ronda roster ARGS --format png``: the picture the command drew, and its file."""
    drawn: list[Picture] = []
    draw = picture.picture_png

    def keep(p: Picture) -> bytes:
        drawn.append(p)
        return draw(p)

    monkeypatch.setattr(picture, "picture_png", keep)
    result = run("roster", *args, "--format", "png", lang=lang, env=TUESDAY)
    assert result.exit_code == 0, result.output
    out = Path(re.search(r"(\S+\.png)", result.stderr)[1])
    [made] = drawn
    return made, out


def texts(p: Picture) -> str:
    return "\n".join(op.text for op in p.ops if hasattr(op, "text"))


def test_the_week_is_a_portrait_picture_1080_px_wide_as_tall_as_the_week(
        run: Run, night_in_two: Path, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    week, file = written(run, monkeypatch, *WEEK)
    assert file.name == "jadwal-ronda-2026-11-23.png"  # the PDF's name, as a picture
    width, height = png_size(tmp_path / file)
    assert (width, height) == week.size and width == WIDTH_PX and height > 2 * width
    two_weeks, file = written(run, monkeypatch, *WEEK, "--weeks", "2", "-o", "two.png")
    assert png_size(tmp_path / "two.png")[1] > height + 1000
    busier = week_picture([full_week(MONDAY, shifts=3, per_shift=5, name_length=40)])
    assert busier.size[0] == WIDTH_PX and busier.size[1] > 2 * height
    tonight, file = written(run, monkeypatch, "--tonight")
    assert file.name == "ronda-malam-2026-11-24.png"
    small = png_size(tmp_path / file)
    assert small[0] == WIDTH_PX and width < small[1] < height / 3  # a card, still portrait


@pytest.mark.parametrize("lang", ["id", "en"])
def test_three_shifts_of_40_letter_names_each_name_whole_at_40_px_or_more(lang: str) -> None:
    """Every name (with its house) is drawn once: on one line, or broken only at its spaces,
    inside the picture's margins, in type of at least 40 px; the guests too. A single word
    wider than a line stays whole, made smaller only as far as it must."""
    sheet = full_week(MONDAY, shifts=3, per_shift=5, name_length=40, lang=lang)
    long_word = "Wirasuryanagaraningratkusumadiningrat"  # 37 letters, no space
    sheet.nights[2].shifts[1].people[1] = replace(sheet.nights[2].shifts[1].people[1],
                                                   name=long_word)
    drawn = week_picture([sheet])
    by_text: dict[str, list] = {}
    for w in drawn.names:
        by_text.setdefault(w.text, []).append(w)
    wrapped = 0
    people = [name_text(p) for n in sheet.nights for p in n.people]
    guests = [f"+ {g}" for n in sheet.nights for g in n.guests]
    assert len(people) == 105 and len(guests) == 3
    assert sorted(w.text for w in drawn.names) == sorted(people + guests)
    for w in drawn.names:
        assert " ".join(line.text for line in w.lines) == w.text  # broken at spaces only
        assert w.text.split() == [word for line in w.lines for word in line.text.split()]
        wrapped += len(w.lines) > 1
        for line in w.lines:
            assert line.x >= SIDE and line.x + line.width <= WIDTH - SIDE + 1e-6, line
            if long_word not in w.text:
                assert line.size >= NAME_LEAST, line
        assert [line.y for line in w.lines] == sorted({line.y for line in w.lines})
    assert wrapped >= 100  # 40-letter names do not fit one line of 46 px type
    [single] = by_text[f"{long_word} (B-37)"]
    assert single.lines[0].text == long_word and single.lines[0].size >= 30
    assert LONG_NAME.split()[0] in texts(drawn)


def test_the_picture_draws_each_line_where_the_layout_measured_it() -> None:
    """Pillow advances each letter as reportlab's metrics say (no kerning), so a line drawn is
    as wide as the pen measured it and the margins hold in the pixels too."""
    from PIL import ImageFont, features

    from ronda.printing.fonts import font_file

    assert features.check_feature("raqm")
    drawn = week_picture([full_week(MONDAY, shifts=2, per_shift=4, name_length=30)])
    for op in drawn.ops:
        if hasattr(op, "text") and op.text:
            font = ImageFont.truetype(str(font_file(op.kind)), op.size,
                                      layout_engine=ImageFont.Layout.RAQM)
            assert abs(font.getlength(op.text, features=["-kern"]) - op.width * PX) < 0.5


def test_the_picture_is_in_the_sheet_s_language_saved_by_init(
        run: Run, night_in_two: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """The two-shift neighbourhood was set up in Indonesian: without --lang the picture is
    Indonesian; ``--lang en`` makes it English."""
    monkeypatch.chdir(tmp_path)
    saved, _ = written(run, monkeypatch, *WEEK, "-o", "id.png", lang=None)
    words = texts(saved)
    for needle in ("JADWAL RONDA MALAM", "RT 012 / RW 004", "Pekan 23–29 November 2026",
                   "Sabtu 28/11/2026", "Malam Minggu", "22.00–01.00",
                   "01.00–04.00 (Minggu dini hari 29/11)", "Haul Mbah Kyai", "= ketua regu"):
        assert needle in words, needle
    english, _ = written(run, monkeypatch, *WEEK, "-o", "en.png", lang="en")
    words = texts(english)
    for needle in ("NIGHT PATROL SCHEDULE", "Week 23–29 November 2026", "Saturday 28/11/2026",
                   "22:00–01:00", "01:00–04:00 (Sun 29/11)", "= team leader"):
        assert needle in words, needle
    assert "Malam Minggu" not in words and "Sabtu" not in words
    card, _ = written(run, monkeypatch, "--tonight", "-o", "tonight.png", lang="en")
    assert "Night patrol tonight" in texts(card) and "Tuesday 24/11/2026" in texts(card)


def test_the_picture_shows_no_phone_no_number_and_no_empty_house(
        run: Run, night_in_two: Path, db: Path, monkeypatch: pytest.MonkeyPatch,
        tmp_path: Path) -> None:
    """Public like the poster: the residents' phones, the coordinator's and liaison's, the
    important numbers and the house empty this week (B-01, its one resident away) are all
    left off; the names and guests of the week are on it."""
    import json

    monkeypatch.chdir(tmp_path)
    for key, value in (("coordinator.name", "Bambang Sutrisno"),
                       ("coordinator.phone", "0812-2000-3000"),
                       ("liaison.name", "Bripka Agus Widodo"), ("liaison.phone", "0813-9011-2468")):
        assert run("config", "set", key, value, env=TUESDAY).exit_code == 0
    assert run("schedule", "guest", "28/11/2026", "Bripka Agus Widodo", "--slot", "1",
               env=TUESDAY).exit_code == 0
    shown, _ = written(run, monkeypatch, *WEEK)
    words = texts(shown)
    roster = json.loads(run("volunteer", "list", "--json").stdout)
    assert len(roster) == 34
    phones = [v["phone"] for v in roster] + ["+6281220003000", "+6281390112468"]
    digits = re.sub(r"\D", "", words)
    assert not [p for p in phones if p[3:] in digits]  # in no form, not even in parts
    assert not re.search(r"\b11[02]\b", words)  # no important numbers either
    assert "B-01)" not in words and "Siti Kartika" not in words
    week = json.loads(run("schedule", "--json", *WEEK, env=TUESDAY).stdout)
    for s in week:
        for v in s["volunteers"]:
            assert any(w.text.startswith(f"{v['name']} (") for w in shown.names), v["name"]
    assert "+ Bripka Agus Widodo (Bhabinkamtibmas)" in [w.text for w in shown.names]


def test_the_patrol_sheet_is_never_a_picture_and_bad_options_are_one_line(
        run: Run, night_in_two: Path, db: Path, tmp_path: Path) -> None:
    before = digest(db)
    for args, needle in ((("--patrol-sheet",), "gambar"), (("--tonight", "--patrol-sheet"),
                                                          "gambar"),
                         (("--volunteer", "Nur Setiawan"), "--format"),
                         (("--changes",), "--format")):
        refused = run("roster", *args, "--format", "png", "-o", str(tmp_path / "x.png"),
                      env=TUESDAY, lang="id")
        assert refused.exit_code == 2 and needle in refused.stderr, (args, refused.output)
        assert len(refused.stderr.strip().splitlines()) == 1 and "Traceback" not in \
            refused.output
    tonight_pdf = run("roster", "--tonight", "--format", "pdf", env=TUESDAY, lang="en")
    assert tonight_pdf.exit_code == 2 and "png" in tonight_pdf.stderr
    assert not (tmp_path / "x.png").exists() and digest(db) == before
    assert run("cetak", *WEEK, "--format", "gambar", "-o", str(tmp_path / "c.png"),
               env=TUESDAY).exit_code == 0  # the Indonesian command and format words
    assert png_size(tmp_path / "c.png")[0] == WIDTH_PX


def test_tonight_s_card_is_tonight_s_night_on_its_band(tmp_path: Path) -> None:
    sheet: Sheet = full_week(MONDAY, shifts=2, per_shift=3, name_length=30)
    saturday = sheet.nights[5]
    card = tonight_picture(sheet, saturday)
    words = texts(card)
    assert "Ronda malam ini" in words and "Sabtu 28/11/2026" in words
    assert "Kumpul di Pos Kamling Mawar, Jl. Mawar 3." in words
    assert "Senin 23/11/2026" not in words
    assert sorted(w.text for w in card.names) == sorted(
        [name_text(p) for p in saturday.people] + [f"+ {g}" for g in saturday.guests])
    [band] = [op for op in card.ops if isinstance(op, Band)]
    assert band.tone == "tonight"
    png = Image.open(io.BytesIO(picture.picture_png(card)))
    assert png.size == card.size
    assert png.getpixel((WIDTH_PX - 60, round(band.y * PX) + 6)) == picture.TONES["tonight"]
    assert card.size[1] < week_picture([sheet]).size[1] / 4


@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_shifts_hours_too_long_for_a_line_give_each_shift_its_line(lang: str) -> None:
    """The shifts' hours on one line when they fit, else the week's head and tonight's card
    break them between the shifts, never inside one ("pukul" away from its hours)."""
    split = 0
    for shifts in (2, 3):
        sheet = full_week(MONDAY, shifts=shifts, per_shift=3, name_length=20, lang=lang)
        parts = sheet.hours_line.split(" · ")
        assert len(parts) == shifts
        for drawn in (week_picture([sheet]), tonight_picture(sheet, sheet.nights[0])):
            lines = texts(drawn).splitlines()
            if sheet.hours_line not in lines:
                assert all(part in lines for part in parts), (parts, lines[:12])
                split += 1
    assert split >= 2  # three shifts never fit one line


def test_pillow_loads_only_when_a_picture_is_made() -> None:
    """The core imports Pillow inside the drawing function: start-up and every other command
    stay as fast as before."""
    from test_language_and_docs import CORE, loaded_by

    assert "ronda.printing.picture" in CORE
    assert loaded_by("".join(f"import {m}\n" for m in CORE), ("PIL",)) == []
    assert loaded_by("from ronda.cli.app import app", ("PIL",)) == []
