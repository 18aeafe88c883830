"""The jadwal on a screen: the part of the HTML file a phone shows (the A4 pages are for print).

The same sheet as the poster, flowing instead of placed: the week's header, then a night a
block — its date and name, its holiday, each shift's hours, the people (the leader starred, as
on the poster) and the guests — then the legend, the rules and the important numbers. Each name
is one element holding one text, so copying, searching and screen readers get it whole, and a
line breaks only at a space (a date or a time range written with spaces is kept on one line).
A browser also breaks after a hyphen or a dash, so a house number, a phone and a time range
(``B-01``, ``0812-3000-0001``, ``22.00–04.00``) are each kept on one line too; a name is one
text and may break at its own hyphen.
On a phone the blocks stand one under the other; a wider screen sets them side by side.
Tonight's block is marked by a few lines of script from the nights' hours, on the reader's own
clock, so the file marks the right night whenever it is opened. Light and dark colours follow
the reader's setting.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import timedelta
from html import escape

from ronda.dates import indonesian_formats
from ronda.printing.layout import words
from ronda.printing.poster import Night, Person, Sheet, Watch


def screen_css() -> str:
    """The screen's rules; the A4 pages are hidden on a screen and this layout in print."""
    return """
@media print { .screen { display: none; } }
@media screen {
  :root { color-scheme: light dark; --ink: #151515; --paper: #ffffff; --soft: #4a4f57;
          --line: #c3cad3; --band: #e6ecf4; --tonight: #ffe082; --mark: #c98a00; }
  @media (prefers-color-scheme: dark) {
    :root { --ink: #ececec; --paper: #121417; --soft: #b7bcc4; --line: #3b4450;
            --band: #1f2935; --tonight: #5a4300; --mark: #ffc940; }
  }
  html, body { background: var(--paper); color: var(--ink); }
  .page { display: none; }
  .screen { font-family: "RondaSans", sans-serif; font-size: 18px; line-height: 1.4;
            max-width: 84rem; margin: 0 auto; padding: 12px; }
  .screen header { text-align: center; margin: 4px 0 14px 0; }
  .screen h1 { font-size: 24px; margin: 0; }
  .screen header p { margin: 2px 0; }
  .screen .rt { font-size: 20px; font-weight: 700; }
  .screen .hint { color: var(--soft); font-size: 16px; font-style: italic; }
  .week + .week { border-top: 3px solid var(--line); margin-top: 20px; padding-top: 8px; }
  .nights { list-style: none; margin: 0; padding: 0; display: grid; gap: 12px;
            grid-template-columns: repeat(auto-fill, minmax(min(100%, 19rem), 1fr)); }
  .night { border: 1px solid var(--line); border-radius: 10px; overflow: hidden; min-width: 0; }
  .night h2 { background: var(--band); margin: 0; padding: 8px 12px; font-size: 20px;
              line-height: 1.3; }
  .night h2 i { font-weight: 400; font-size: 18px; white-space: nowrap; }
  .nw { white-space: nowrap; }
  .part { display: inline-block; }
  .night .badge { display: block; font-size: 16px; color: var(--ink); }
  .night.tonight { border: 3px solid var(--mark); }
  .night.tonight h2 { background: var(--tonight); }
  .night .holiday { margin: 0; padding: 0 12px 6px 12px; background: var(--band);
                    font-style: italic; }
  .night.tonight .holiday { background: var(--tonight); }
  .shift { padding: 6px 12px 8px 12px; }
  .shift + .shift { border-top: 1px solid var(--line); }
  .shift h3 { font-size: 18px; margin: 0 0 2px 0; }
  .people, .guests, .notes { list-style: none; margin: 0; padding: 0; }
  .people li, .guests li { padding-left: 1.3em; text-indent: -1.3em; overflow-x: auto; }
  .people li.leader bdi { font-weight: 700; }
  .people small, .guests small { font-size: 16px; color: var(--soft); white-space: nowrap; }
  .people a { white-space: nowrap; }
  .guests li { font-style: italic; }
  .none { font-style: italic; color: var(--soft); margin: 0; }
  .star { display: inline-block; width: 0.9em; height: 0.9em; margin-right: 0.3em;
          text-indent: 0; vertical-align: -0.08em; background: currentColor;
          clip-path: polygon(50% 0%, 61% 35%, 98% 35%, 68% 57%, 79% 91%, 50% 70%,
                             21% 91%, 32% 57%, 2% 35%, 39% 35%); }
  .people li .star { margin-left: 0; }
  .screen footer { margin-top: 14px; font-size: 16px; }
  .screen footer h2 { font-size: 18px; margin: 12px 0 2px 0; }
  .screen footer li { margin: 2px 0; }
  .screen a { color: inherit; }
}
"""


_BREAKS = re.compile(r"[ \-‐‑–—]")  # where a browser may break a line inside a piece


def _whole(text: str) -> str:
    """Escaped, each piece a line may not break in (a date, a time range, an amount, a phone,
    a house number) kept on one line."""
    return " ".join(f'<span class="nw">{escape(w)}</span>' if _BREAKS.search(w) else escape(w)
                    for w in words(text))


def _person(p: Person, sheet: Sheet) -> str:
    star = (f'<i class="star" role="img" aria-label="{escape(sheet.label("poster.leader"))}">'
            "</i>") if p.leader else ""
    house = f" <small>({escape(p.house)})</small>" if p.house else ""
    phone = (f' <a href="tel:{escape(p.phone.replace(" ", ""))}">{escape(p.phone)}</a>'
             if p.phone else "")
    leader = ' class="leader"' if p.leader else ""
    return f"<li{leader}>{star}<bdi>{escape(p.name)}</bdi>{house}{phone}</li>"


def _watch(w: Watch, sheet: Sheet, several: bool) -> str:
    out = [f"<h3>{_whole(w.named or w.hours)}</h3>"]
    if several and not w.people and not w.guests:
        out.append(f'<p class="none">{escape(sheet.label("poster.no_duty"))}</p>')
    if w.people:
        out.append('<ul class="people">' + "".join(_person(p, sheet) for p in w.people)
                   + "</ul>")
    if w.guests:
        out.append('<ul class="guests">' + "".join(f"<li>+ <bdi>{escape(g)}</bdi></li>"
                                                   for g in w.guests) + "</ul>")
    return '<section class="shift">' + "".join(out) + "</section>"


def _night(n: Night, sheet: Sheet, since: str) -> str:
    alias = f" <i>{escape(n.night)}</i>" if indonesian_formats(sheet.lang) else ""
    when = (f' data-since="{since}" data-until="{n.until.isoformat()}"'
            f' data-tonight="{escape(sheet.label("wa.tonight"))}"') if n.until else ""
    out = [f'<li class="night"{when}><h2>{escape(n.day)} {escape(n.date_text)}{alias}</h2>']
    if n.holiday:
        out.append(f'<p class="holiday">{_whole(n.holiday)}</p>')
    several = len(n.shifts) > 1
    if not n.people and not several:
        out.append(f'<section class="shift"><p class="none">'
                   f'{escape(sheet.label("poster.no_duty"))}</p></section>')
    out += [_watch(w, sheet, several) for w in n.shifts]
    return "".join(out) + "</li>"


def _footer(sheet: Sheet) -> str:
    def items(rows: Sequence[str]) -> str:
        return '<ul class="notes">' + "".join(f"<li>{_whole(r)}</li>" for r in rows) + "</ul>"

    out = [f'<p><i class="star" aria-hidden="true"></i>'
           f'{escape(sheet.label("poster.leader_legend"))}</p>']
    if sheet.patrol:
        out.append(f"<h2>{escape(sheet.label('poster.empty_houses'))}</h2>"
                   + items(sheet.empty_houses or [sheet.label("poster.none")]))
    out.append(f"<h2>{escape(sheet.label('poster.rules_title'))}</h2>"
               + items([sheet.hours_line, *sheet.rules]))
    if sheet.kentongan:
        out.append(f"<h2>{escape(sheet.label('poster.kentongan_title'))}</h2>"
                   + items([f"{e}: {p}" for e, p in sheet.kentongan]))
    if sheet.numbers:
        out.append(f"<h2>{escape(sheet.label('poster.numbers_title'))}</h2>"
                   + items([f"{label}: {number}" if number else label
                            for label, number in sheet.numbers]))
    return "<footer>" + "".join(out) + "</footer>"


def _week(sheet: Sheet) -> str:
    head = [f"<h1>{escape(sheet.title)}</h1>", f'<p class="rt">{escape(sheet.neighbourhood)}</p>']
    head += [f"<p>{_whole(x)}</p>" for x in (sheet.area, sheet.post) if x]
    hours = " · ".join(f'<span class="part">{_whole(part)}</span>'
                       for part in sheet.hours_line.split(" · "))
    head += [f"<p><b>{_whole(sheet.period)}</b></p>", f"<p>{hours}</p>",
             f'<p class="hint">{escape(sheet.label("screen.print_hint"))}</p>']
    nights, since = [], ""
    for n in sheet.nights:
        if n.until:
            since = since or (n.until - timedelta(days=1)).isoformat()
        nights.append(_night(n, sheet, since))
        since = n.until.isoformat() if n.until else ""
    return (f'<article class="week" aria-label="{escape(sheet.period)}"><header>'
            + "".join(head) + '</header><ol class="nights">' + "".join(nights) + "</ol>"
            + _footer(sheet) + "</article>")


# marks tonight's block: the night whose hours are on, or still to come after the last one
TONIGHT_SCRIPT = """<script>
(function () {
  var now = Date.now();
  document.querySelectorAll(".night[data-until]").forEach(function (n) {
    if (Date.parse(n.dataset.since) <= now && now < Date.parse(n.dataset.until)) {
      n.classList.add("tonight");
      n.setAttribute("aria-current", "date");
      var badge = document.createElement("strong");
      badge.className = "badge";
      badge.textContent = n.dataset.tonight;
      n.querySelector("h2").appendChild(badge);
    }
  });
})();
</script>"""


def screen_html(sheets: Sequence[Sheet]) -> str:
    """The sheets for a screen: a ``<main>`` of weeks, and the script that marks tonight."""
    return ('<main class="screen">' + "".join(_week(s) for s in sheets) + "</main>"
            + TONIGHT_SCRIPT)
