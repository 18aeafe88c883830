"""``roster --format html`` on a phone: the same file prints the A4 page, and on a screen reads
as a night a block — no sideways scrolling, text of 16 px or more, each name one piece of text,
tonight marked, light and dark colours. Checked in the file itself and in a headless Chromium
at 390×844 (a phone) and 1280×800, and in that browser's print."""

from __future__ import annotations

import base64
import io
import json
import re
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

import pytest
from browser import CHROMIUM, Browser
from builders import full_week
from conftest import Run
from pypdf import PdfReader

from ronda.printing.html import sheets_html
from ronda.printing.poster import Sheet

MONDAY = date(2026, 11, 23)
TUESDAY = {"RONDA_TODAY": "2026-11-24"}
WEEK = ("--week", "2026-11-23")
MM = 72 / 25.4


class Names(HTMLParser):
    """Each ``<bdi>`` of the screen's lists of people and guests: its text pieces."""

    def __init__(self) -> None:
        super().__init__()
        self.names: list[list[str]] = []
        self.inside = 0
        self.where: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.where.append(dict(attrs).get("class") or tag)
        if tag == "bdi":
            self.names.append([])
            self.inside += 1
        elif self.inside:
            self.names[-1].append(f"<{tag}>")

    def handle_endtag(self, tag: str) -> None:
        self.where.pop()
        if tag == "bdi":
            self.inside -= 1

    def handle_data(self, data: str) -> None:
        if self.inside:
            self.names[-1].append(data)


def html_of(run: Run, tmp_path: Path, *args: str, lang: str | None = "id") -> Path:
    out = tmp_path / f"week-{lang}{''.join(args)}.html"
    result = run("roster", *WEEK, "--format", "html", "-o", str(out), *args, lang=lang,
                 env=TUESDAY)
    assert result.exit_code == 0, result.output
    return out


def people_of(sheet: Sheet) -> list[str]:
    return [p.name for n in sheet.nights for p in n.people]


def test_the_file_has_a_viewport_and_each_name_as_one_text(run: Run, night_in_two: Path,
                                                           tmp_path: Path) -> None:
    page = html_of(run, tmp_path, lang=None).read_text("utf-8")
    assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in page
    assert "@media print { .screen { display: none; } }" in page
    assert "prefers-color-scheme: dark" in page and "color-scheme: light dark" in page
    week = json.loads(run("schedule", "--json", *WEEK, env=TUESDAY).stdout)
    names = Names()
    names.feed(page)
    assert all(len(pieces) == 1 for pieces in names.names), names.names  # no tag inside
    shown = [pieces[0] for pieces in names.names]
    assert shown == [v["name"] for s in week for v in s["volunteers"]]  # in order, leader first
    assert page.count('<li class="leader">') == len(week) == 14
    roster = json.loads(run("volunteer", "list", "--json").stdout)
    screen = page[:page.index('<section class="page"')]
    assert not [v for v in roster if v["phone"][3:] in re.sub(r"\D", "", screen)]
    # each night knows its hours, so the page can mark tonight on the reader's clock
    nights = re.findall(r'data-since="([^"]+)" data-until="([^"]+)"', page)
    assert nights[0] == ("2026-11-23T04:00:00+07:00", "2026-11-24T04:00:00+07:00")
    assert all(a[1] == b[0] for a, b in zip(nights, nights[1:], strict=False))
    assert len(nights) == 7 and "Malam Minggu" in screen and "Haul Mbah Kyai" in screen


def test_the_patrol_sheet_on_a_screen_keeps_its_phones_and_empty_houses(
        run: Run, night_in_two: Path, tmp_path: Path) -> None:
    page = html_of(run, tmp_path, "--patrol-sheet").read_text("utf-8")
    screen = page[:page.index('<section class="page"')]
    assert '<a href="tel:0812-3012-4012">0812-3012-4012</a>' in screen  # a tap calls
    text = re.sub(r"<[^>]+>", "", screen)  # as read, without the markup
    assert "Rumah kosong pekan ini" in text and "B-01 (Siti Kartika" in text


def sheets() -> list[tuple[str, Sheet]]:
    """Three shifts of five a night with 40-letter names, guests and holidays, each language."""
    return [(lang, full_week(MONDAY, shifts=3, per_shift=5, name_length=40, lang=lang))
            for lang in ("id", "en")]


PROBE = """{
  width: innerWidth,
  scroll: document.scrollingElement.scrollWidth,
  text: document.body.innerText,
  smallest: Math.min(...(function () {
    const sizes = [];
    const walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    while (walk.nextNode()) {
      const el = walk.currentNode.parentElement;
      if (walk.currentNode.textContent.trim() && el.getClientRects().length)
        sizes.push(parseFloat(getComputedStyle(el).fontSize));
    }
    return sizes;
  })()),
  pages: document.querySelectorAll('.page').length,
  pagesShown: [...document.querySelectorAll('.page')].filter(p => p.getClientRects().length).length,
  tonight: [...document.querySelectorAll('.night.tonight h2')].map(h => h.textContent),
  tonightBand: getComputedStyle(document.querySelector('.night.tonight h2') || document.body)
    .backgroundColor,
  otherBand: getComputedStyle(document.querySelector('.night:not(.tonight) h2')).backgroundColor,
  paper: getComputedStyle(document.body).backgroundColor,
  ink: getComputedStyle(document.body).color,
  columns: new Set([...document.querySelectorAll('.night')].map(
    n => Math.round(n.getBoundingClientRect().left))).size
}"""
SATURDAY_NIGHT = 'Date.now = () => Date.parse("2026-11-28T23:30:00+07:00");'
SUNDAY_SMALL_HOURS = 'Date.now = () => Date.parse("2026-11-29T03:30:00+07:00");'


def light(colour: str) -> float:
    """The mean of a CSS ``rgb(…)`` colour's channels, 0 to 255."""
    r, g, b = (int(v) for v in re.findall(r"\d+", colour)[:3])
    return (r + g + b) / 3


@pytest.mark.slow  # a real browser, a few seconds
@pytest.mark.skipif(CHROMIUM is None, reason="no chromium on this machine")
def test_on_a_phone_and_a_desktop_every_name_whole_no_sideways_scrolling(
        run: Run, night_in_two: Path, tmp_path: Path) -> None:
    """At 390×844 (a phone, its viewport meta obeyed) and 1280×800: nothing wider than the
    window, every name whole in the page's text, at 390 no text under 16 px and a night a
    block (one column), at 1280 blocks side by side; the A4 pages hidden; tonight (Saturday,
    also at 03.30 on Sunday morning) marked on its own band; the dark scheme dark."""
    assert run("schedule", "guest", "28/11/2026", "Bripka Agus Widodo", "--slot", "1",
               env=TUESDAY).exit_code == 0
    files = [(html_of(run, tmp_path, lang=None), None), (html_of(run, tmp_path, lang="en"), None)]
    for lang, sheet in sheets():
        path = tmp_path / f"dense-{lang}.html"
        path.write_text(sheets_html([sheet]), "utf-8")
        files.append((path, sheet))
    week = json.loads(run("schedule", "--json", *WEEK, env=TUESDAY).stdout)
    planned = [v["name"] for s in week for v in s["volunteers"]]
    with Browser() as browser:
        for path, sheet in files:
            names = people_of(sheet) if sheet else planned
            assert len(names) in (105, 45)  # 2 × 3 a night, 4 on the Saturday and the holiday
            for (width, height, mobile), clock in (((390, 844, True), SATURDAY_NIGHT),
                                                   ((1280, 800, False), SUNDAY_SMALL_HOURS)):
                browser.open(path, width, height, mobile=mobile, before=clock)
                seen = browser.run(PROBE)
                where = (path.name, width)
                assert seen["width"] == width and seen["scroll"] <= width, (where, seen["scroll"])
                lines = seen["text"].splitlines()
                missing = [n for n in names if not any(n in line for line in lines)]
                assert not missing, (where, missing[:3])
                if not sheet:
                    assert "Bripka Agus Widodo (Bhabinkamtibmas)" in seen["text"]
                assert seen["pages"] >= 1 and seen["pagesShown"] == 0
                assert seen["tonight"] and ("28/11/2026" in seen["tonight"][0]), where
                assert len(seen["tonight"]) == 1
                assert seen["tonightBand"] != seen["otherBand"]
                if width == 390:
                    assert seen["smallest"] >= 16, (where, seen["smallest"])
                    assert seen["columns"] == 1
                else:
                    assert seen["columns"] >= 3
                    assert light(seen["paper"]) > 200 and light(seen["ink"]) < 60
        browser.page("Emulation.setEmulatedMedia",
                     features=[{"name": "prefers-color-scheme", "value": "dark"}])
        browser.open(files[0][0], 390, 844, mobile=True, before=SATURDAY_NIGHT)
        dark = browser.run(PROBE)
        assert light(dark["paper"]) < 50 and light(dark["ink"]) > 200
        assert dark["tonightBand"] != dark["otherBand"]
        browser.screenshot(tmp_path / "dark.png")


@pytest.mark.slow  # a real browser
@pytest.mark.skipif(CHROMIUM is None, reason="no chromium on this machine")
def test_the_browser_still_prints_each_week_on_one_a4_page(run: Run, night_in_two: Path,
                                                           tmp_path: Path) -> None:
    """The screen's layout stays out of print: the file prints on the PDF's one A4 landscape
    page a week, with every name (perhaps wrapped over lines, as on paper)."""
    week = json.loads(run("schedule", "--json", *WEEK, env=TUESDAY).stdout)
    for path, weeks in ((html_of(run, tmp_path, lang=None), 1),
                        (html_of(run, tmp_path, "--weeks", "2", lang="en"), 2)):
        with Browser() as browser:
            browser.open(path, 1280, 800, mobile=False)
            pdf = base64.b64decode(browser.page("Page.printToPDF", preferCSSPageSize=True,
                                                printBackground=True)["data"])
        reader = PdfReader(io.BytesIO(pdf))
        assert len(reader.pages) == weeks
        for page in reader.pages:
            assert round(float(page.mediabox.width) / MM) == 297
            assert round(float(page.mediabox.height) / MM) == 210
        text = "".join(reader.pages[0].extract_text().split())
        for s in week:
            for v in s["volunteers"]:
                assert "".join(v["name"].split()) in text, v["name"]


# each piece of the screen's text holding a digit and a hyphen or dash (a house number, a
# phone, a time range, a date range) that the browser laid out over more than one line; names
# (``<bdi>``) are one text and may break at their own hyphen
SPLIT_PIECES = r"""[...(function* () {
  const walk = document.createTreeWalker(document.querySelector('.screen'), NodeFilter.SHOW_TEXT);
  while (walk.nextNode()) {
    const node = walk.currentNode;
    if (node.parentElement.closest('bdi') || !node.parentElement.getClientRects().length)
      continue;
    for (const m of node.textContent.matchAll(/\S*\d[-–]\S*|\S+[-–]\d\S*/g)) {
      const range = document.createRange();
      range.setStart(node, m.index);
      range.setEnd(node, m.index + m[0].length);
      if (new Set([...range.getClientRects()].map(r => Math.round(r.top))).size > 1)
        yield m[0];
    }
  }
})()]"""


@pytest.mark.slow  # a real browser
@pytest.mark.skipif(CHROMIUM is None, reason="no chromium on this machine")
def test_on_a_phone_no_house_number_phone_or_time_range_is_split_over_two_lines(
        tmp_path: Path) -> None:
    """A browser breaks a line after a hyphen or a dash, as paper never does: at 390 px, names
    of 30 and 40 letters push house numbers (``(B-02)``) and the patrol sheet's phones
    (``0812-3000-0001``) to the line's end, and each stays whole on one line."""
    pages = []
    for lang in ("id", "en"):
        for patrol in (False, True):
            for length in (30, 40):
                path = tmp_path / f"{lang}-{patrol}-{length}.html"
                path.write_text(sheets_html([full_week(MONDAY, name_length=length, lang=lang,
                                                       patrol=patrol)]), "utf-8")
                pages.append(path)
    with Browser() as browser:
        for path in pages:
            browser.open(path, 390, 844, mobile=True)
            assert "(B-02)" in browser.run("document.body.innerText")
            assert browser.run(SPLIT_PIECES) == [], path.name
