"""Plain text (80 columns), Markdown and WhatsApp layouts of the jadwal ronda."""

from __future__ import annotations

import textwrap
from collections.abc import Callable, Sequence

from ronda.dates import indonesian_formats
from ronda.printing.marks import markdown_cell, whatsapp_text
from ronda.printing.poster import PATROL_NOTES, Night, Person, Sheet, Watch

WIDTH = 80


def _person(p: Person, sheet: Sheet, *, phones: bool = True,
            esc: Callable[[str], str] = str) -> str:
    """``Budi (A-01) – ketua``, with the phone when asked; ``esc`` keeps the name and house
    as text in a marked-up format."""
    text = esc(p.name) + (f" ({esc(p.house)})" if p.house else "")
    if p.leader:
        text += f" – {sheet.label('poster.leader')}"
    if phones and p.phone:
        text += f", {p.phone}"
    return text


def _night_head(n: Night, lang: str) -> str:
    """``Sabtu 28/11/2026 · Malam Minggu``; English needs no second name for the night."""
    if indonesian_formats(lang):
        return f"{n.day} {n.date_text} · {n.night}"
    return f"{n.day} {n.date_text}"


def _footer_lines(sheet: Sheet, esc: Callable[[str], str] = str) -> list[str]:
    """Hours, rules, kentongan codes and numbers, each value through ``esc``."""
    lines = [esc(sheet.hours_line), "", esc(sheet.label("poster.rules_title")) + ":"]
    lines += [f"- {esc(r)}" for r in sheet.rules]
    lines += ["", esc(sheet.label("poster.kentongan_title")) + ":"]
    lines += [f"- {esc(event)}: {esc(pattern)}" for event, pattern in sheet.kentongan]
    lines += ["", esc(sheet.label("poster.numbers_title")) + ":"]
    lines += [f"- {esc(label)}: {esc(number)}" if number else f"- {esc(label)}"
              for label, number in sheet.numbers]
    return lines


def _signature_lines(sheet: Sheet, width: int) -> list[str]:
    """The two signatures side by side, each half the width; one under the other when a
    line of the left one would reach the right one."""
    half = width // 2
    rows = [("", sheet.place_date), (sheet.sign_left[0], sheet.sign_right[0]),
            (sheet.sign_left[1], sheet.sign_right[1]), ("", ""), ("", ""),
            (f"( {sheet.sign_left[2] or '……………………'} )",
             f"( {sheet.sign_right[2] or '……………………'} )")]
    if all(len(a) + 2 <= half and len(b) <= width - half for a, b in rows):
        return [f"{a:<{half}}{b}".rstrip() for a, b in rows]
    left = [x for x in sheet.sign_left[:2] if x] + ["", "", rows[-1][0]]
    right = [x for x in sheet.sign_right[:2] if x] + ["", "", rows[-1][1]]
    return [sheet.place_date, *left, "", *right]


PATROL_LINES = (*PATROL_NOTES, "poster.handover")


def _patrol_lines(sheet: Sheet) -> list[str]:
    """The team's own lines under each night: what to fill in by hand."""
    if not sheet.patrol:
        return []
    return [f"    {sheet.label(key)}" for key in PATROL_LINES]


def sheet_text(sheet: Sheet, width: int = WIDTH) -> str:
    """The sheet as plain text for pasting anywhere; lines never pass ``width``."""
    out = [sheet.title.center(width).rstrip(), sheet.neighbourhood.center(width).rstrip()]
    if sheet.area:
        out.append(sheet.area.center(width).rstrip())
    out += [sheet.period.center(width).rstrip(), "=" * width]
    if sheet.patrol:
        out += [sheet.label("poster.attendance"), ""]
    for n in sheet.nights:
        out.append(_night_head(n, sheet.lang) + (f" · {n.holiday}" if n.holiday else ""))
        several = len(n.shifts) > 1
        if not n.people:
            out.append("  " + sheet.label("poster.no_duty"))
        for w in n.shifts:
            indent = "  "
            if several:
                out.append(f"  {w.hours}")
                indent = "    "
            for p in w.people:
                mark = "*" if p.leader else "-"
                line = f"{indent}{mark} {_person(p, sheet, phones=sheet.patrol)}"
                if sheet.patrol:
                    line = f"{line:<52} [H] [I] [S] [TK]"
                out.append(line)
            out += [f"{indent}+ {g}" for g in w.guests]
            if several:  # each shift hands over to the next: its own lines to fill in
                out += [f"  {line}" for line in _patrol_lines(sheet)]
        if not several:
            out += _patrol_lines(sheet)
        out.append("")
    if sheet.patrol:
        out.append(sheet.label("poster.empty_houses") + ":")
        out += [f"- {h}" for h in sheet.empty_houses] or [f"- {sheet.label('poster.none')}"]
        out.append("")
    out.append("-" * width)
    out += _footer_lines(sheet)
    out += [""] + _signature_lines(sheet, width)
    wrapped: list[str] = []
    for line in out:
        wrapped += _wrap(line, width, "    ") if len(line) > width else [line]
    return "\n".join(wrapped) + "\n"


def _wrap(line: str, width: int, indent: str) -> list[str]:
    """``line`` broken at spaces only (a phone, a date or a name's word is never split), the
    lines after the first indented by ``indent``."""
    return textwrap.wrap(line, width, subsequent_indent=indent, break_long_words=False,
                         break_on_hyphens=False)


TABLE_EDGES = 10  # a three-column table's borders and padding on a terminal


def terminal_rows(sheet: Sheet, width: int) -> list[list[str]]:
    """The week as rows of (night, hours, on duty) for a table ``width`` columns wide: the
    night's day and date on one line when the table has room, names wrapped at spaces under
    their own start, never past the width unless a single word is longer."""
    def people(w: Watch | None) -> list[str]:
        if w is None:
            return []
        return [("★ " if p.leader else "  ") + p.name + (f" ({p.house})" if p.house else "")
                + (f"  {p.phone}" if p.phone else "") for p in w.people] + \
            [f"+ {g}" for g in w.guests]

    hours = max((len(w.hours) for n in sheet.nights for w in n.shifts), default=1)
    duty = max((len(e) for n in sheet.nights for w in n.shifts for e in people(w)),
               default=len(sheet.label("poster.no_duty")))
    heads = [[f"{n.day} {n.date_text}", n.night] for n in sheet.nights]
    night = max(len(line) for head in heads for line in head)
    if night + hours + duty + TABLE_EDGES > width:  # the date under the day
        heads = [[n.day, n.date_text, n.night] for n in sheet.nights]
        night = max(len(line) for head in heads for line in head)
    room = max(width - TABLE_EDGES - night - hours, 12)
    rows = []
    for n, head in zip(sheet.nights, heads, strict=True):
        if n.holiday:
            head = [*head, *_wrap(n.holiday, night, "")]
        for k, w in enumerate(n.shifts or [None]):
            lines = [part for entry in people(w) for part in _wrap(entry, room, "    ")]
            rows.append(["\n".join(head) if k == 0 else "", w.hours if w else "",
                         "\n".join(lines) or sheet.label("poster.no_duty")])
    return rows


def _cell(n: Night, sheet: Sheet) -> str:
    md = markdown_cell
    names = [f"_{md(n.holiday)}_"] if n.holiday else []
    for w in n.shifts:
        if len(n.shifts) > 1:
            names.append(f"__{md(w.hours)}__")
        names += [("**" + _person(p, sheet, phones=sheet.patrol, esc=md) + "**") if p.leader
                  else _person(p, sheet, phones=sheet.patrol, esc=md) for p in w.people]
        names += [f"+ {md(g)}" for g in w.guests]
    if not n.people:
        names.append(md(sheet.label("poster.no_duty")))
    return "<br>".join(names)


def sheet_markdown(sheet: Sheet) -> str:
    """The sheet as a Markdown table, one column per night; every name and note is text."""
    md = markdown_cell
    out = [f"# {md(sheet.title)}", "", f"**{md(sheet.neighbourhood)}**" +
           (f" — {md(sheet.area)}" if sheet.area else ""), "", md(sheet.period), ""]
    out.append("| " + " | ".join(f"{md(n.day)}<br>{md(n.date_text)}<br>_{md(n.night)}_"
                                  for n in sheet.nights) + " |")
    out.append("|" + "---|" * len(sheet.nights))
    out.append("| " + " | ".join(_cell(n, sheet) for n in sheet.nights) + " |")
    out.append("")
    if sheet.patrol:
        out += [f"**{md(sheet.label('poster.empty_houses'))}**", ""]
        out += [f"- {md(h)}" for h in sheet.empty_houses] or \
            [f"- {md(sheet.label('poster.none'))}"]
        out.append("")
    for line in _footer_lines(sheet, md):
        out.append(f"**{line}**" if line.endswith(":") else line)
    left, right = [md(x) for x in sheet.sign_left], [md(x) for x in sheet.sign_right]
    out += ["", md(sheet.place_date), "",
            f"{left[0]} {left[1]}: {left[2] or '……'}", "", f"{right[1]}: {right[2] or '……'}"]
    return "\n".join(out) + "\n"


def _wa_night(n: Night, lang: str) -> str:
    wa = whatsapp_text
    return f"*{wa(n.day)} {wa(n.date_text)}*" + (
        f" _({wa(n.night)})_" if indonesian_formats(lang) else "")


def _wa_shifts(n: Night, sheet: Sheet, empty_key: str, *, named: bool = False) -> list[str]:
    """A night's shifts for WhatsApp: the hours in italics when a night has several (``named``:
    with the morning's date of a shift after midnight)."""
    out = []
    for w in n.shifts:
        if len(n.shifts) > 1:
            out.append(f"_{whatsapp_text(w.named if named else w.hours)}_")
        out += [f"{'⭐' if p.leader else '•'} {_person(p, sheet, phones=False, esc=whatsapp_text)}"
                for p in w.people]
        out += [f"🤝 {whatsapp_text(g)}" for g in w.guests]
    if not n.people:
        out.append(whatsapp_text(sheet.label(empty_key)))
    return out


def sheet_whatsapp(sheet: Sheet) -> str:
    """A WhatsApp message: *bold* nights, _italic_ night names, no phones; names and notes
    never format it."""
    wa = whatsapp_text
    out = [f"*{wa(sheet.title)}*", f"*{wa(sheet.neighbourhood)}*", wa(sheet.period),
           wa(sheet.hours_line), ""]
    for n in sheet.nights:
        out.append(_wa_night(n, sheet.lang) + (f" – _{wa(n.holiday)}_" if n.holiday else ""))
        out += _wa_shifts(n, sheet, "poster.no_duty")
        out.append("")
    out.append(f"_{wa(sheet.label('wa.footer'))}_")
    return "\n".join(out).rstrip() + "\n"


def tonight_whatsapp(sheet: Sheet, night: Night) -> str:
    """The daily reminder: *Ronda malam ini: …*"""
    wa = whatsapp_text
    head = f"*{wa(sheet.label('wa.tonight'))}: {wa(night.day)}, {wa(night.date_text)}*" + (
        f" _({wa(night.night)})_" if indonesian_formats(sheet.lang) else "")
    hours = f"{night.shifts[0].named} {sheet.zone}" if len(night.shifts) == 1 else \
        sheet.hours_line
    out = [head, f"{wa(sheet.neighbourhood)} · {wa(hours)}"]
    if sheet.post:
        out.append(wa(sheet.label("wa.meet_at", post=sheet.post)))
    if night.holiday:
        out.append(f"_{wa(night.holiday)}_")
    out += _wa_shifts(night, sheet, "wa.tonight_none", named=True)
    if sheet.jimpitan:
        out += ["", wa(sheet.label("wa.jimpitan", amount=sheet.jimpitan))]
    out += ["", f"_{wa(sheet.label('wa.footer'))}_"]
    return "\n".join(out) + "\n"


def teams_text(sheet: Sheet, teams: dict[str, str]) -> str:
    """The traditional list for regu neighbourhoods: each weekday, its regu and members (shift
    by shift where a night has several)."""
    out = [sheet.title, sheet.neighbourhood, sheet.period, sheet.hours_line, ""]
    for n in sheet.nights:
        regu = next((teams[p.name] for p in n.people if teams.get(p.name)), "")
        out.append(f"{n.day} ({n.night})" + (f": {regu}" if regu else ""))
        if not n.people:
            out.append("  " + sheet.label("poster.no_duty"))
        for w in n.shifts:
            names = ", ".join(_person(p, sheet, phones=False) for p in w.people)
            if len(n.shifts) > 1:
                out.append(f"  {w.hours}: {names or '-'}")
            elif names:
                out.append(f"  {names}")
    return "\n".join(out) + "\n"


def join_pages(pages: Sequence[str], rule: str = "\n\n") -> str:
    return rule.join(p.rstrip("\n") for p in pages) + "\n"
