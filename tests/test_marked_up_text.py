"""Names and notes in WhatsApp text and Markdown stay text: a resident registered as
``*Ahmad* _x_ ~y~`` formats nothing in the group chat, and a name that is a Markdown link is
no link in any Markdown report."""

from __future__ import annotations

import json
import unicodedata
from datetime import date
from pathlib import Path
from urllib.parse import unquote

import pytest
from builders import example_neighbourhood
from conftest import Run
from markdown_it import MarkdownIt

from ronda.printing.marks import markdown_cell, whatsapp_plain, whatsapp_text

TUESDAY = {"RONDA_TODAY": "2026-11-24"}
MARKED = "*Ahmad* _x_ ~y~ `z`"
LINK = "[x](javascript:alert(1))"


def looks(text: str) -> str:
    """What a reader sees: each character as its plain form (``＊`` reads as ``*``)."""
    return "".join(n if len(n := unicodedata.normalize("NFKC", c)) == 1 else c for c in text)


def whatsapp_spans(line: str) -> list[tuple[int, int]]:
    """Where WhatsApp could format a line: a marker (``* _ ~ ```) not inside a word, followed
    by a non-space, up to the same marker after a non-space and not before a letter. Generous
    on purpose: every pair the app might format is listed."""
    spans = []
    for i, mark in enumerate(line):
        if mark not in "*_~`" or (i and line[i - 1].isalnum()) or \
                line[i + 1:i + 2].isspace() or i + 1 == len(line):
            continue
        for j in range(i + 2, len(line)):
            if line[j] == mark and not line[j - 1].isspace() and \
                    not line[j + 1:j + 2].isalnum():
                spans.append((i, j))
                break
    return spans


def shown_as_text(message: str, name: str) -> int:
    """How many lines show ``name`` as typed with no WhatsApp mark inside it."""
    found = 0
    for line in message.splitlines():
        at = looks(line).find(name)
        if at < 0:
            continue
        inside = range(at, at + len(name))
        assert not [s for s in whatsapp_spans(line) if s[0] in inside or s[1] in inside], line
        found += 1
    return found


@pytest.fixture
def marked(db: Path, run: Run) -> dict[str, int]:
    """The example neighbourhood on Tuesday 24/11/2026 with two residents renamed: the one
    on duty tonight to ``MARKED``, one of tomorrow's to ``LINK``."""
    example_neighbourhood(db, date(2026, 11, 24))
    week = json.loads(run("schedule", "--json", env=TUESDAY).stdout)
    tonight, tomorrow = week[1]["volunteers"][1]["id"], week[2]["volunteers"][1]["id"]
    for pid, name in ((tonight, MARKED), (tomorrow, LINK)):
        assert run("volunteer", "edit", str(pid), "--name", name, env=TUESDAY).exit_code == 0
    nights = sum(tonight in [v["id"] for v in s["volunteers"]] for s in week)
    return {"tonight": tonight, "tomorrow": tomorrow, "nights": nights}


def out(run: Run, *args: str, lang: str = "id") -> str:
    result = run(*args, lang=lang, env=TUESDAY)
    assert result.exit_code == 0, result.output
    return result.stdout


@pytest.mark.parametrize("lang", ["id", "en"])
def test_a_name_with_whatsapp_marks_formats_no_whatsapp_message(run: Run, marked: dict,
                                                               lang: str) -> None:
    week = out(run, "roster", "--format", "whatsapp", lang=lang)
    assert shown_as_text(week, MARKED) == marked["nights"]
    tonight = out(run, "roster", "--tonight", "--format", "whatsapp", lang=lang)
    assert shown_as_text(tonight, MARKED) == 1
    slip = out(run, "roster", "--volunteer", str(marked["tonight"]), "--format", "whatsapp",
               lang=lang)
    assert shown_as_text(slip, MARKED) == 1
    assert run("volunteer", "remove", str(marked["tonight"]), env=TUESDAY).exit_code == 0
    changed = out(run, "roster", "--changes", "--format", "whatsapp", lang=lang)
    assert shown_as_text(changed, MARKED) >= 1  # struck through on the nights it left
    links = out(run, "roster", "--changes", "--tell", lang=lang)
    told = [unquote(line.split("?text=")[1]) for line in links.splitlines() if "?text=" in line]
    assert sum(shown_as_text(text, MARKED) for text in told) == 1


def test_the_text_format_shows_the_name_as_typed(run: Run, marked: dict) -> None:
    text = out(run, "roster", "--tonight", "--format", "text")
    assert f"• {MARKED} (" in text and "＊" not in text
    assert whatsapp_plain(f"*Kini:* ⭐ {whatsapp_text(MARKED)}") == f"Kini: * {MARKED}"


def rendered(markdown: str) -> str:
    return MarkdownIt("commonmark").enable(["table", "strikethrough"]).render(markdown)


def test_no_name_or_note_is_a_link_or_emphasis_in_markdown(run: Run, marked: dict) -> None:
    assert run("incident", "log", "--at", "kemarin 23.15", "--category", "theft",
               "--location", LINK, "--description", f"{MARKED} # 1. > -", env=TUESDAY
               ).exit_code == 0
    assert run("kas", "add", "5rb", "--kind", "jimpitan", "--note", LINK,
               env=TUESDAY).exit_code == 0
    reports = {"roster": ("roster", "--format", "md"),
               "slip": ("roster", "--volunteer", str(marked["tomorrow"]), "--format", "md"),
               "incidents": ("incident", "export", "--format", "md"),
               "kas": ("kas", "report")}
    for what, args in reports.items():
        html = rendered(out(run, *args))
        assert "<a " not in html and "javascript:alert(1)" in html, what
        assert "<em>x</em>" not in html and "<strong>Ahmad</strong>" not in html, what
    roster = rendered(out(run, "roster", "--format", "md"))
    assert "*Ahmad* _x_ ~y~ `z`" in roster and "<s>" not in roster
    incidents = rendered(out(run, "incident", "export", "--format", "md"))
    assert "*Ahmad* _x_ ~y~ `z` # 1. &gt; -" in incidents


@pytest.mark.parametrize("text", [LINK, MARKED, "# 12", "1. a", "- b", "+ c", "> d", "a|b",
                                  "<b>x</b>", "back\\slash", "![i](http://x/i.png)"])
def test_a_markdown_cell_reads_back_as_typed(text: str) -> None:
    html = rendered(f"| h |\n|---|\n| {markdown_cell(text)} |\n\n- {markdown_cell(text)}\n")
    cell = html.split("<td>")[1].split("</td>")[0]
    item = html.split("<li>")[1].split("</li>")[0]
    typed = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    typed = typed.replace('"', "&quot;")
    assert cell == typed and item == typed
