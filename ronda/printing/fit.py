"""How a week goes on paper: the largest type that fits, and what a dense week gives up.

Names are meant to be read from a metre: 12 pt on the poster and 11 pt on the patrol sheet
at least (``READ``). The week is set in the largest type that fits, from 16 pt; when the
names would fall below that mark, the week first gives up, in this order, stopping at the
first step that holds them at the mark:

1. the poster's name lines without house numbers (the patrol sheet keeps them);
2. the letters set narrower (82 % of their width), the same in the PDF and the HTML;
3. a footer of the important numbers and the signatures only (no rules, no kentongan codes);
4. (the patrol sheet) two pages, Monday–Thursday and Friday–Sunday, each with the header,
   its nights and its page number, the footer on the last — tried again from the start, so
   the second page brings back what the first had to give up; the rules and kentongan
   codes come back on the last page when they fit there.

Only then do the names go below the mark, everything above given up: down to 9 pt, then to
8 pt (never lower; phones and important numbers to 9 pt), and then (the poster, past 3
shifts of 5 people with 40-letter names) two pages, tried again from the start.

A week never fits so badly that it is refused: a week that two pages cannot hold (far past 3
shifts of 6 people with 45-letter names) takes as many pages as it needs, as many nights on
each as fit, a night too full for a page of its own in halves.
What was given up is told, one line each (``adaptations``).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace

from ronda.dates import DAY_NAMES, format_period
from ronda.i18n import t
from ronda.printing.layout import (
    FLOOR,
    LARGEST,
    NARROW,
    READ,
    READ_SHEET,
    SMALLEST,
    STEP,
    Page,
    Style,
)
from ronda.printing.page import compose
from ronda.printing.poster import Night, Sheet, Watch


@dataclass(frozen=True)
class Laid:
    """A sheet on paper: its pages, the nights on each, and the style they were set in."""

    sheet: Sheet
    pages: list[Page]
    groups: list[list[Night]]
    style: Style


def _rungs(sheet: Sheet) -> list[Style]:
    """The styles to try, least given up first (the names' size is searched in each)."""
    rungs = [Style(LARGEST)]
    if not sheet.patrol and any(p.house for n in sheet.nights for p in n.people):
        rungs.append(Style(LARGEST, houses=False))
    narrow = Style(LARGEST, houses=False, stretch=NARROW)
    return [*rungs, narrow, replace(narrow, rules=False)]


_LAID: dict[str, Laid] = {}  # the last sheets laid out, by all they hold
_KEPT = 8


def lay_out(sheet: Sheet) -> Laid:
    """The week on as few pages as the rules above allow, in the largest type that fits.

    A week printed twice in one run (its PDF and its HTML) is laid out once: the layout
    depends on nothing but the sheet."""
    key = repr(sheet)
    if key not in _LAID:
        if len(_LAID) >= _KEPT:
            del _LAID[next(iter(_LAID))]
        _LAID[key] = _lay_out(sheet)
    return _LAID[key]


def _lay_out(sheet: Sheet) -> Laid:
    nights = list(sheet.nights)
    tight: Tight = {}
    for groups, rung, top in _tries(sheet, [nights], [nights[:4], nights[4:]], tight):
        pages = _largest(sheet, groups, rung, top, tight)
        if pages:
            return _with_rules(Laid(sheet, pages, groups, replace(rung, name=pages[0].size)))
    rung = replace(_rungs(sheet)[-1], floor=FLOOR)
    groups = _packed(sheet, nights, replace(rung, name=FLOOR))
    pages = _largest(sheet, groups, rung, READ) or \
        _pages(sheet, groups, replace(rung, name=FLOOR))[0]
    return _with_rules(Laid(sheet, pages, groups, replace(rung, name=pages[0].size)))


Try = tuple[list[list[Night]], Style, float]  # pages' nights, style, the largest size tried
# the smallest names' size at which a night a column did not fit, by pages' nights and style
Tight = dict[tuple[tuple[tuple[int, ...], ...], Style], float]


def _tries(sheet: Sheet, one: list[list[Night]], two: list[list[Night]],
           tight: Tight) -> Iterator[Try]:
    """What to try, in order: on one page, then on two, each step at the size read from a
    metre (a word too wide for its cell never takes a name under it), then below it with
    every step taken (to 9 pt, then 8 pt) — the patrol sheet takes two pages before its
    names go under the mark, the poster only after."""
    read = READ_SHEET if sheet.patrol else READ
    rungs = _rungs(sheet)

    def at_mark(groups: list[list[Night]]) -> list[Try]:
        # when every step together does not hold the names at the mark, no step alone does
        if not _pages(sheet, groups, replace(rungs[-1], name=read, floor=read), tight)[1]:
            return []
        return [(groups, replace(rung, floor=read), LARGEST) for rung in rungs]

    def below(groups: list[list[Night]]) -> list[Try]:
        return [(groups, replace(rungs[-1], floor=floor), read - STEP)
                for floor in (SMALLEST, FLOOR)]

    if sheet.patrol:
        yield from at_mark(one)
        yield from at_mark(two)
        yield from below(two)
        return
    yield from at_mark(one)
    yield from below(one)
    yield from at_mark(two)
    yield from below(two)


def _packed(sheet: Sheet, nights: list[Night], z: Style) -> list[list[Night]]:
    """Pages of as many nights, in order, as fit one in style ``z``; a night too full for a
    page of its own in halves."""
    def fits(group: list[Night], last: bool) -> bool:
        return any(compose(sheet, group, z, rows, page_line=" ", last=last)[1] <= 0
                   for rows in (False, True))

    pieces = list(nights)
    groups: list[list[Night]] = []
    while pieces:
        group = [pieces.pop(0)]
        while not fits(group, not pieces) and (halves := _halves(group[0])):
            group = [halves[0]]
            pieces.insert(0, halves[1])
        while pieces and fits([*group, pieces[0]], len(pieces) == 1):
            group.append(pieces.pop(0))
        groups.append(group)
    return groups


def _with_rules(laid: Laid) -> Laid:
    """On two pages, the rules and kentongan codes back on the last when they fit there."""
    z = replace(laid.style, rules=True)
    if laid.style.rules or len(laid.groups) < 2:
        return laid
    for rows in (False, True):
        page, over = compose(laid.sheet, laid.groups[-1], z, rows, last=True,
                             page_line=_page_line(laid.sheet, laid.groups[-1],
                                                  len(laid.groups) - 1, len(laid.groups)))
        if over <= 0:
            return replace(laid, pages=[*laid.pages[:-1], page], style=z)
    return laid


def lay_out_all(sheets: Sequence[Sheet]) -> list[Laid]:
    return [lay_out(s) for s in sheets]


def _sizes(top: float, least: float) -> list[float]:
    """From ``top`` down to ``least``, a step at a time."""
    return [top - k * STEP for k in range(round((top - least) / STEP) + 1)]


def _pages(sheet: Sheet, groups: list[list[Night]], z: Style,
           tight: Tight | None = None) -> tuple[list[Page], bool]:
    """Every page of ``groups`` in style ``z``, a night a column or (when that does not fit)
    a night a row, and whether they fit. A night a column that did not fit in smaller names
    (``tight``) is not tried again in larger ones."""
    best: list[Page] = []
    key = (tuple(tuple(map(id, group)) for group in groups), replace(z, name=0.0))
    for rows in (False, True):
        if not rows and tight is not None and z.name >= tight.get(key, float("inf")):
            continue
        pages = []
        fits = True
        for k, group in enumerate(groups):
            line = _page_line(sheet, group, k, len(groups)) if len(groups) > 1 else ""
            page, over = compose(sheet, group, z, rows, page_line=line,
                                 last=k == len(groups) - 1)
            pages.append(page)
            fits = fits and over <= 0
        if fits:
            return pages, True
        if not rows and tight is not None:
            tight[key] = min(z.name, tight.get(key, float("inf")))
        best = best or pages
    return best, False


def _largest(sheet: Sheet, groups: list[list[Night]], rung: Style, top: float,
             tight: Tight | None = None) -> list[Page] | None:
    """The pages in the largest names' size from ``top`` down to the rung's floor that
    fits; None when not even the floor does."""
    sizes = _sizes(top, rung.floor)
    bottom, fits = _pages(sheet, groups, replace(rung, name=sizes[-1]), tight)
    if not fits:
        return None
    lo, hi = 0, len(sizes) - 1  # the fit only gets better as the type gets smaller
    found = {hi: bottom}
    while lo < hi:
        mid = (lo + hi) // 2
        pages, fits = _pages(sheet, groups, replace(rung, name=sizes[mid]), tight)
        if fits:
            hi, found[mid] = mid, pages
        else:
            lo = mid + 1
    return found[lo]


def _page_line(sheet: Sheet, group: list[Night], k: int, count: int) -> str:
    return sheet.label("poster.page", n=k + 1, count=count,
                       nights=_span(group[0].day, group[-1].day))


def _span(first: str, last: str) -> str:
    return first if first == last else f"{first}–{last}"


def _halves(night: Night) -> list[Night]:
    """A night as two, each shift's people and guests shared between them; none when a half
    would have nobody."""
    if max((len(w.people) + len(w.guests) for w in night.shifts), default=0) < 2:
        return []

    def part(first: bool) -> Night:
        shifts = []
        for w in night.shifts:
            cut = (len(w.people) + 1) // 2
            people = w.people[:cut] if first else w.people[cut:]
            guests = [] if first else w.guests
            shifts.append(Watch(w.hours, people, guests, w.short, w.start, w.named))
        return replace(night, shifts=shifts)

    return [part(True), part(False)]


def adaptations(laid: Laid, lang: str) -> list[str]:
    """What the week gave up to fit its paper, a line each in ``lang``: two pages, house
    numbers, narrower letters, the footer's rules, names under the size read from a
    metre."""
    nights = laid.sheet.nights
    week = t("poster.period", lang, period=format_period(nights[0].date, nights[-1].date, lang))
    z = laid.style
    out = []
    if len(laid.groups) > 1:
        spans = [_span(DAY_NAMES[lang][g[0].date.weekday()], DAY_NAMES[lang][g[-1].date.weekday()])
                 for g in laid.groups]
        out.append(t("paper.pages", lang, week=week, count=len(laid.groups),
                     nights=", ".join(spans)))
    if not z.houses and not laid.sheet.patrol and \
            any(p.house for n in nights for p in n.people):
        out.append(t("paper.no_houses", lang, week=week))
    if z.stretch < 1:
        out.append(t("paper.narrow", lang, week=week, percent=round(z.stretch * 100)))
    if not z.rules:
        out.append(t("paper.no_rules", lang, week=week))
    if z.name < (READ_SHEET if laid.sheet.patrol else READ):
        out.append(t("paper.small_names", lang, week=week, size=f"{z.name:g}"))
    return out
