"""The terminal views' tables are drawn without loading rich's console (``ronda.cli.boxed``),
and read exactly as rich draws them: the same widths, line breaks, box and colour codes, at
any width, for any cells, in both the plain and the coloured output."""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from builders import example_neighbourhood
from conftest import BASE_ENV
from hypothesis import given, settings
from hypothesis import strategies as st
from rich import box
from rich.cells import cell_len
from rich.console import Console
from rich.table import Table
from rich.text import Text

from ronda.cli.boxed import Screen, draw, stdout_screen

WORDS = ["Senin", "malam", "Heru", "Purnomo", "0812-3456-7890", "22.00–04.00", "WIB", "★",
         "Raden", "Ayu", "Sekar", "Kinanthi", "Hadiningrat", "Hari", "Pahlawan", "sakit",
         "Bhabinkamtibmas", "only", "3", "of", "5", "available", "—", "Rp", "10.000", "·",
         "Sosialisasi-keamanan-lingkungan-bersama-warga", "日本", "x", "مُحَمَّدٌ", "Jose\u0301",
         "👨\u200d👩\u200d👧"]
STYLES = [None, "bold", "red", "dim", "yellow", "green"]


def cells(lines: int = 3) -> st.SearchStrategy[str]:
    line = st.lists(st.sampled_from(WORDS), max_size=7).map(" ".join)
    return st.lists(line, min_size=1, max_size=lines).map("\n".join)


@st.composite
def tables(draw_: st.DrawFn) -> dict:
    count = draw_(st.integers(1, 5))
    headers = [draw_(st.sampled_from(["Night", "Hours", "On duty", "Notes", "Malam",
                                      "Yang bertugas", "No.", "Catatan kecil panjang"]))
               for _ in range(count)]
    rows = draw_(st.lists(st.lists(cells(), min_size=count, max_size=count), max_size=6))
    no_wrap = tuple(i for i in range(count) if draw_(st.booleans()))
    return {"headers": headers, "rows": rows, "no_wrap": no_wrap,
            "title": draw_(st.one_of(st.none(), cells(1))),
            "row_styles": draw_(st.lists(st.sampled_from(STYLES), min_size=len(rows),
                                         max_size=len(rows))),
            "cell_styles": draw_(st.one_of(st.none(), st.lists(
                st.lists(st.sampled_from(STYLES), min_size=count, max_size=count),
                min_size=len(rows), max_size=len(rows))))}


def min_widths(headers: list[str], rows: list[list[str]], no_wrap: tuple[int, ...]
               ) -> list[int | None]:
    """As ``Output.table`` sets them: a column of words is never narrower than its longest
    word (14 at most)."""
    out = []
    for i in range(len(headers)):
        words = any(" " in line for row in rows for line in row[i].splitlines())
        longest = max((len(w) for row in rows for w in row[i].split()), default=0)
        out.append(min(longest, 14) if words else None)
    return out


def by_rich(t: dict, width: int, escapes: bool, colour: bool) -> str:
    table = Table(title=Text(t["title"]) if t["title"] else None, header_style="bold",
                  title_justify="left", box=box.HEAVY_HEAD)
    for i, (header, least) in enumerate(zip(t["headers"], t["min_widths"], strict=True)):
        table.add_column(header, overflow="fold", no_wrap=i in t["no_wrap"], min_width=least)
    for i, row in enumerate(t["rows"]):
        own = t["cell_styles"][i] if t["cell_styles"] else [None] * len(row)
        table.add_row(*(Text(c, style=s or "") for c, s in zip(row, own, strict=True)),
                      style=t["row_styles"][i])
    console = Console(width=width, force_terminal=escapes, no_color=not colour,
                      color_system="standard" if escapes else None, highlight=False,
                      emoji=False, legacy_windows=False)
    with console.capture() as captured:
        console.print(table, crop=False)
    return captured.get()


def by_boxed(t: dict, width: int, escapes: bool, colour: bool) -> str | None:
    return draw(t["headers"], t["rows"], width=width, title=t["title"],
                row_styles=t["row_styles"], cell_styles=t["cell_styles"],
                no_wrap=t["no_wrap"], min_widths=t["min_widths"], escapes=escapes,
                colour=colour)


def reads_as_rich(t: dict, width: int, escapes: bool, colour: bool) -> None:
    t["min_widths"] = min_widths(t["headers"], t["rows"], t["no_wrap"])
    ours = by_boxed(t, width, escapes, colour)
    if ours is not None:
        assert ours == by_rich(t, width, escapes, colour)


@settings(max_examples=80, deadline=None)
@given(tables(), st.integers(10, 140), st.booleans(), st.booleans())
def test_any_table_at_any_width_reads_as_rich_draws_it(t: dict, width: int, escapes: bool,
                                                       colour: bool) -> None:
    reads_as_rich(t, width, escapes, colour)


@pytest.mark.slow  # the same, at length
@settings(max_examples=800, deadline=None)
@given(tables(), st.integers(10, 140), st.booleans(), st.booleans())
def test_many_more_tables_read_as_rich_draws_them(t: dict, width: int, escapes: bool,
                                                  colour: bool) -> None:
    reads_as_rich(t, width, escapes, colour)


def test_the_week_view_s_tables_are_drawn_here_not_left_to_rich() -> None:
    """What the views meet is drawn: a table at its natural width, and one whose notes
    wrap to fit 100 columns."""
    t = {"headers": ["Night", "Hours", "On duty", "Notes"], "no_wrap": (0, 1, 2),
         "title": "RT 005 / RW 002 · 23–29 November 2026",
         "rows": [["Mon 23/11/2026\nMonday night", "22:00–04:00 WIB",
                   "★ Eko Prasetyo  0878-1812-4622\n  Dimas Anggoro  0813-2533-5422",
                   "only 3 of 5 available: Heru Purnomo is away, Agus Salim rests"]],
         "row_styles": ["red"], "cell_styles": None}
    t["min_widths"] = min_widths(t["headers"], t["rows"], t["no_wrap"])
    for width in (100, 160):
        for escapes in (False, True):
            ours = by_boxed(t, width, escapes, True)
            assert ours is not None
            assert ours == by_rich(t, width, escapes, True)
    assert "\x1b[31m" in by_boxed(t, 120, True, True)
    assert "\x1b[31m" not in by_boxed(t, 120, True, False)


@pytest.mark.parametrize("terminal", [False, True], ids=["piped", "terminal"])
def test_the_week_view_prints_its_table_without_rich_s_console(tmp_path: Path,
                                                               terminal: bool) -> None:
    """Piped and at a terminal of 120 columns, the week is printed (the box, a name, the
    terminal's bold) while ``rich.console`` and ``rich.table`` stay unloaded."""
    db = example_neighbourhood(tmp_path / "rt.json", date(2026, 11, 24))
    code = ("import sys\nfrom ronda.cli.start import main\n"
            f"sys.argv = ['ronda', '--db', {str(db)!r}, 'schedule']\n"
            "try:\n    main()\nexcept SystemExit:\n    pass\n"
            "print('loaded:', ','.join(m for m in ('rich.console', 'rich.table') "
            "if m in sys.modules), file=sys.stderr)")
    env = {**{k: v for k, v in BASE_ENV.items() if v is not None}, "COLUMNS": "120",
           "RONDA_TODAY": "2026-11-24", "TTY_COMPATIBLE": "1" if terminal else "0"}
    env.pop("NO_COLOR", None)
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          env=env)
    assert done.stderr.strip().endswith("loaded:"), done.stderr[-300:]
    assert "┏━" in done.stdout and "Eko Prasetyo" in done.stdout
    assert ("\x1b[1m" in done.stdout) == terminal


def test_what_rich_would_lay_out_otherwise_is_left_to_rich(monkeypatch: pytest.MonkeyPatch
                                                            ) -> None:
    """A column whose least width (counted in letters) passes the width asked, a title with
    a control character, a width of 0 columns and a dumb terminal: ``draw`` and the screen
    give way, and rich lays the table out as before."""
    marks = {"headers": ["Night", "Hours", "On duty", "Notes"], "no_wrap": (0, 1, 2),
             "title": None, "row_styles": [None, None], "cell_styles": None,
             "rows": [["Mon 23/11/2026", "22:00–04:00 WIB", "★ Eko Prasetyo  0878-1812-4622",
                       "مُحَمَّدٌ x"],
                      ["Tue 24/11/2026", "22:00–04:00 WIB",
                       "★ Raden Ayu Sekar Kinanthi  0812-3456-7890", "ok"]]}
    marks["min_widths"] = min_widths(marks["headers"], marks["rows"], marks["no_wrap"])
    natural = 1 + sum(max(cell_len(line) for row in [marks["headers"], *marks["rows"]]
                          for line in row[i].splitlines()) + 3 for i in range(4))
    assert by_boxed(marks, natural, False, True) is None
    assert draw(["Night"], [["Mon"]], width=80, title="RT\t005") is None
    assert draw(["Night"], [["Mon"]], width=80, title="RT 005") is not None
    monkeypatch.setenv("COLUMNS", "0")
    assert stdout_screen(False) is None
    monkeypatch.setenv("COLUMNS", "100")
    monkeypatch.setenv("TERM", "dumb")
    assert stdout_screen(False) is None
    monkeypatch.setenv("TERM", "xterm-256color")
    monkeypatch.setenv("TTY_COMPATIBLE", "1")
    assert stdout_screen(False) == Screen(True, 100, True)
    monkeypatch.setenv("NO_COLOR", "1")
    assert stdout_screen(False) == Screen(True, 100, False)
