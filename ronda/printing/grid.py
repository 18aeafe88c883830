"""The nights of a printed page, between the header and the footer: a night a column, or a
night a row and a shift a column headed by its hours.

The room follows the content rather than an even grid: a night with more people gets a wider
column, a shift whose names are shorter a narrower one, and the people of a wide cell stand
side by side in as many columns as make the cell lowest (a long name goes on under its first
line, the phone after the name or under it). Each function writes with a ``Pen`` and returns
the y under what it wrote; the pen keeps how far anything passes its width.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from functools import lru_cache

from ronda.printing.fonts import ascent_descent
from ronda.printing.layout import (
    HANG,
    LEADING,
    MARGIN,
    PAGE_W,
    PT,
    SMALLEST,
    Box,
    Op,
    Pen,
    Rule,
    Star,
    Style,
    Text,
    flow,
    measure,
    moved,
    set_in,
    words,
)
from ronda.printing.poster import PATROL_NOTES, Night, Person, Sheet, Watch

FULL = PAGE_W - 2 * MARGIN
COLUMN_PAD = 1.6  # inside each night's column, on both sides
ACROSS_GAP = 4.0  # between people side by side
WRITE_IN = 12.0  # the least room left to write on after a label, in mm
ROW_PAD = 0.4  # above and under a night's row

Grid = tuple[float, list[float], float | None]  # lowest line, dividers' x, rule under heads


# ------------------------------------------------------------------ a night a column

def columns(pen: Pen, sheet: Sheet, nights: Sequence[Night], z: Style, top: float) -> Grid:
    """The nights side by side, each as wide as it needs; returns the lowest line, the
    dividers' x and the y of the rule under the nights' heads."""
    def over(i: int, w: float) -> float:
        probe = pen.probe(shrink=False)
        _night_head(probe, nights[i], 0, 0, w, z)
        _night(probe, nights[i], sheet, 0, 0, w, z)
        return probe.over

    least = [_least(lambda w, i=i: over(i, w)) for i in range(len(nights))]
    widths = balance(lambda i, w: _night(pen.probe(), nights[i], sheet, 0, 0, w, z),
                     least, FULL)
    lefts = [MARGIN + sum(widths[:i]) for i in range(len(nights))]
    head_bottom = max(_night_head(pen.probe(), n, 0, top + 1, w, z)
                      for n, w in zip(nights, widths, strict=True))
    for n, x, w in zip(nights, lefts, widths, strict=True):
        _night_head(pen, n, x, top + 1, w, z)
    body_top = head_bottom + 1
    low = max(_night(pen, n, sheet, x, body_top + 1.2, w, z)
              for n, x, w in zip(nights, lefts, widths, strict=True))
    return low + 0.8, lefts[1:], body_top


def _least(over: Callable[[float], float], start: float = 20.0) -> float:
    """The narrowest width (mm), from ``start``, at which ``over`` (how far the widest word
    passes its line at that width) is nothing: a few steps of its own measure."""
    w = start
    for _ in range(6):
        gone = over(w)
        if gone <= 0.01:
            break
        w += gone + 0.01
    return w


def balance(height: Callable[[int, float], float], least: list[float],
            full: float) -> list[float]:
    """Widths for columns filling ``full`` mm, each at least its ``least``: equal, unless
    giving the fuller columns more room makes the tallest shorter (a few rounds of widths in
    proportion to each column's area). When the least widths do not fit, in proportion to
    them."""
    if sum(least) >= full:
        return [full * m / sum(least) for m in least]
    n = len(least)
    widths = [max(full / n, m) for m in least]
    widths = _spread(widths, least, full)
    best: tuple[float, list[float]] | None = None
    for _ in range(4):
        heights = [height(i, w) for i, w in enumerate(widths)]
        if best is None or max(heights) < best[0] - 0.1:
            best = (max(heights), widths)
        areas = [max(h, 1.0) * w for h, w in zip(heights, widths, strict=True)]
        widths = _spread([full * a / sum(areas) for a in areas], least, full)
    assert best is not None
    return best[1]


def _spread(wanted: list[float], least: list[float], full: float) -> list[float]:
    """``wanted`` with each raised to its least, the excess taken back from the others in
    proportion to what they have above their least."""
    widths = [max(w, m) for w, m in zip(wanted, least, strict=True)]
    for _ in range(len(widths)):
        extra = sum(widths) - full
        spare = sum(w - m for w, m in zip(widths, least, strict=True))
        if abs(extra) < 0.01 or spare <= 0:
            break
        widths = [w - extra * (w - m) / spare for w, m in zip(widths, least, strict=True)]
    return widths


def _night_head(pen: Pen, n: Night, x: float, y: float, w: float, z: Style) -> float:
    room = w - 2 * COLUMN_PAD
    y = pen.centred(n.day, x + w / 2, y, room, "bold", z.head, floor=z.floor)
    y = pen.centred(n.date_text, x + w / 2, y, room, "regular", z.small, floor=z.floor)
    return pen.centred(n.night, x + w / 2, y, room, "italic", z.small, floor=z.floor)


def _night(pen: Pen, n: Night, sheet: Sheet, x: float, y: float, w: float, z: Style) -> float:
    """One night's column from ``y`` down; returns the y under it."""
    x, w = x + COLUMN_PAD, w - 2 * COLUMN_PAD
    if n.holiday:
        y = pen.block(n.holiday, x, y, w, "italic", z.small, floor=z.floor)
    if not n.people and len(n.shifts) <= 1:  # several shifts: each says so under its hours
        y = pen.block(sheet.label("poster.no_duty"), x, y, w, "italic", z.small, floor=z.floor)
    for watch in n.shifts:
        y = _watch(pen, watch, sheet, x, y, w, z, hours=len(n.shifts) > 1,
                   notes=sheet.patrol and len(n.shifts) > 1, empty=len(n.shifts) > 1)
        y += 0.8
    if sheet.patrol and len(n.shifts) <= 1:
        y = patrol_lines(pen, sheet, x, y, w, z)
    return y


# ------------------------------------------------------------------ a shift's cell

def _watch(pen: Pen, watch: Watch, sheet: Sheet, x: float, y: float, w: float, z: Style, *,
           hours: bool, notes: bool, empty: bool) -> float:
    """One shift from ``y`` down, ``w`` mm wide: its hours (when asked), its people, its
    guests (one after another, each whole where it fits) and (when asked) the patrol's lines
    to fill in; ``empty``: a shift nobody is planned for says so. Returns the y under it."""
    if hours:
        y = pen.block(watch.hours, x, y + 0.6, w, "bold", z.small, floor=z.floor)
        pen.ops.append(Rule(x, y - 0.3, x + w, y - 0.3, 0.4))
        y += 0.4
    if empty and not watch.people and not watch.guests:
        y = pen.block(sheet.label("poster.no_duty"), x, y, w, "italic", z.small, floor=z.floor)
    if watch.people:
        y = _people(pen, watch.people, sheet, x, y, w, z)
    if watch.guests:
        size = max(z.small, min(z.floor, SMALLEST))  # never under 9 pt unless names are
        y = flow(pen, [[(f"+ {g}", "italic", size)] for g in watch.guests], x, y, w)
    if notes:  # each shift hands over to the next
        y = patrol_lines(pen, sheet, x, y, w, z)
    return y


def _people(pen: Pen, people: list[Person], sheet: Sheet, x: float, y: float, w: float,
            z: Style) -> float:
    """A shift's people, leader first, down as many columns side by side as make them
    lowest by at least half a line (one name a line reads best); a column never narrower
    than its longest word. Returns the y under them."""
    best: tuple[float, int, Pen] | None = None
    saving = z.name * PT * LEADING / 2
    widest = max(pen.width(word, "bold" if p.leader else "regular", z.name)
                 for p in people for word in words(p.name))
    for across in range(1, len(people) + 1):
        down = -(-len(people) // across)
        if across > 1 and -(-len(people) // (across - 1)) == down:
            continue  # as many lines with fewer columns
        if across > 1 and (w - (across - 1) * ACROSS_GAP) / across < widest:
            break
        probe = pen.probe(shrink=False)
        low = _set_people(probe, people, sheet, x, y, w, across, z)
        if probe.over > 0.01 and across > 1:
            break
        if best is None or low < best[0] - saving:
            best = (low, across, probe)
    assert best is not None
    if not pen.keep and not pen.shrink:  # only measuring, as the tries did: the best is it
        pen.over, pen.end = max(pen.over, best[2].over), best[2].end
        return best[0]
    return _set_people(pen, people, sheet, x, y, w, best[1], z)


def _set_people(pen: Pen, people: list[Person], sheet: Sheet, x: float, y: float, w: float,
                across: int, z: Style) -> float:
    """``people`` down ``across`` columns: each as wide as its widest person on one line
    (the room left shared out) when they all fit so, else even."""
    down = -(-len(people) // across)
    columns = [people[c * down:(c + 1) * down] for c in range(across)]
    room = w - (across - 1) * ACROSS_GAP
    wants = [max(_natural(pen, p, sheet.patrol, z) for p in column) for column in columns]
    subs = [want + (room - sum(wants)) / across for want in wants] if sum(wants) <= room \
        else [room / across] * across
    low, left = y, x
    for column, sub in zip(columns, subs, strict=True):
        yy = y
        for p in column:
            yy = _person(pen, p, sheet, left, yy, sub, z)
        low = max(low, yy)
        left += sub + ACROSS_GAP
    return low


def _natural(pen: Pen, p: Person, patrol: bool, z: Style) -> float:
    """A person's width on one line: the box and star, the name (and house), the phone."""
    marks = (z.name * PT * 0.8 + 0.8 if patrol else 0.0) + \
        (2 * z.name * PT * 0.42 + 0.7 if p.leader else 0.0)
    phone = 1.5 + pen.width(p.phone, "regular", z.phone) if p.phone else 0.0
    return marks + pen.width(_name_text(patrol, p, z), "bold" if p.leader else "regular",
                             z.name) + phone + 0.1


def _name_text(patrol: bool, p: Person, z: Style) -> str:
    return p.name + (f" ({p.house})" if p.house and (z.houses or patrol) else "")


def _person(pen: Pen, p: Person, sheet: Sheet, x: float, y: float, w: float,
            z: Style) -> float:
    """A person's lines: the attendance box (patrol sheet), the leader's star, the name (and
    house), the phone after it when there is room, else under it. Returns the y under them."""
    ops, low, over, end = _person_at(p, sheet.patrol, z, math.floor(w * 20) / 20, pen.stretch,
                                     pen.shrink)
    if pen.keep:
        pen.ops += [moved(op, x, y) for op in ops]
    pen.over = max(pen.over, over)
    pen.end = x + end
    return y + low


@lru_cache(maxsize=1 << 14)
def _person_at(p: Person, patrol: bool, z: Style, w: float, stretch: float,
               shrink: bool) -> tuple[tuple[Op, ...], float, float, float]:
    """A person set at the top-left corner: the operations, the y under them, how far they
    pass ``w`` and where the last line ends.

    A week is measured at many widths, and most of them break a name the same way: what is
    drawn depends only on the type and the lines chosen (``_choices``), so it is drawn once
    for each; only how far it passes ``w`` is worked out at each width."""
    choices, over = _choices(p, patrol, z, w, stretch, shrink)
    drawn = _DRAWN.get(choices)
    if drawn is None:
        if len(_DRAWN) >= _DRAWN_KEPT:
            _DRAWN.clear()
        pen = Pen(stretch=stretch, shrink=shrink)
        low = _set_person(pen, p, patrol, w, z)
        drawn = _DRAWN[choices] = (tuple(pen.ops), low, pen.end)
    ops, low, end = drawn
    return ops, low, over, end


_DRAWN: dict[tuple, tuple[tuple[Op, ...], float, float]] = {}
_DRAWN_KEPT = 1 << 15


def _name_room(p: Person, patrol: bool, w: float, z: Style) -> tuple[float, float]:
    """Where a person's name starts (after the attendance box and the leader's star) and
    the room it has, at width ``w``."""
    left, room = 0.0, w
    if patrol:
        side = z.name * PT * 0.8
        left, room = side + 0.8, w - side - 0.8
    if p.leader:
        star = z.name * PT * 0.42
        left, room = left + 2 * star + 0.7, room - 2 * star - 0.7
    return left, room


def _choices(p: Person, patrol: bool, z: Style, w: float, stretch: float,
             shrink: bool) -> tuple[tuple, float]:
    """What ``_set_person`` chooses at width ``w`` (each text's type and lines, the phone
    after the name or under it), and how far its lines pass their room, as its pen would
    measure it."""
    kind = "bold" if p.leader else "regular"
    left, room = _name_room(p, patrol, w, z)
    size, lines, over = set_in(_name_text(patrol, p, z), kind, z.name, room, floor=z.floor,
                               hang=HANG, stretch=stretch, shrink=shrink)
    over = max(0.0, over)
    if not p.phone:
        return (p, patrol, z, stretch, size, lines), over
    end = left + (HANG if len(lines) > 1 else 0) + measure(lines[-1], kind, size, stretch)
    if end + 1.5 + measure(p.phone, "regular", z.phone, stretch) <= w:
        return (p, patrol, z, stretch, size, lines, True), over
    phone, numbers, more = set_in(p.phone, "regular", z.phone, room - HANG,
                                  floor=z.number_floor, hang=HANG, stretch=stretch,
                                  shrink=shrink)
    return (p, patrol, z, stretch, size, lines, False, phone, numbers), max(over, more)


def _set_person(pen: Pen, p: Person, patrol: bool, w: float, z: Style) -> float:
    left, room = _name_room(p, patrol, w, z)
    side = z.name * PT * 0.8
    if patrol:  # a box to write H, I, S or TK in
        pen.ops.append(Box(0.0, z.name * PT * (ascent_descent()[0] - 0.7), side, side, 0.5))
    if p.leader:
        star = z.name * PT * 0.42
        pen.ops.append(Star((side + 0.8 if patrol else 0.0) + star, z.name * PT * 0.45, star))
    y = pen.block(_name_text(patrol, p, z), left, 0.0, room, "bold" if p.leader else "regular",
                  z.name, floor=z.floor)
    if not p.phone:
        return y
    last = pen.ops[-1]
    assert isinstance(last, Text)
    gap = 1.5
    if pen.end + gap + pen.width(p.phone, "regular", z.phone) <= w:
        pen.ops.append(Text(pen.end + gap, last.y, p.phone, "regular", z.phone, pen.stretch))
        return max(y, last.y + z.phone * PT * (LEADING - ascent_descent()[0]))
    return pen.block(p.phone, left + HANG, y, room - HANG, "regular", z.phone,
                     floor=z.number_floor)


def patrol_lines(pen: Pen, sheet: Sheet, x: float, y: float, w: float, z: Style) -> float:
    """The lines the team fills in by hand: each label, then a rule to write on, as many
    side by side as leave room to write after each."""
    labels = [sheet.label(key).rstrip("… ") for key in PATROL_NOTES]
    widths = [pen.width(text, "regular", z.foot) + 1 for text in labels]
    lines: list[list[int]] = [[]]
    for i, width in enumerate(widths):
        taken = sum(widths[k] + WRITE_IN + 3 for k in lines[-1])
        if lines[-1] and taken + width + WRITE_IN > w:
            lines.append([])
        lines[-1].append(i)
    for line in lines:
        spare = (w - sum(widths[i] for i in line) - 3 * (len(line) - 1)) / len(line)
        base = y + z.foot * PT * ascent_descent()[0]
        left = x
        for i in line:
            below = pen.block(labels[i], left, y, min(widths[i], w), "regular", z.foot, floor=7.0)
            end = left + widths[i] + spare
            if pen.end + 1 < end - 2:
                pen.ops.append(Rule(pen.end + 1, base, end, base, 0.3))
            left = end + 3
        y = max(below, y + z.foot * PT * LEADING)
    return y


# ------------------------------------------------------------------ a night a row

def rows(pen: Pen, sheet: Sheet, nights: Sequence[Night], z: Style, top: float) -> Grid:
    """A night a row and a shift a column, headed by its hours: the nights' column as wide
    as their names, or as a holiday's (up to 45 mm) when that makes the rows lower; the
    shifts' columns as wide as make the rows lowest."""
    names = max(max(pen.width(n.day, "bold", z.head), pen.width(n.date_text, "regular", z.small),
                    pen.width(n.night, "italic", z.small)) for n in nights)
    holiday = max((pen.width(n.holiday, "italic", z.small) for n in nights), default=0.0)
    slots = max(1, *(len(n.shifts) for n in nights))
    heads = [next((n.shifts[k].hours for n in nights if len(n.shifts) > k), "")
             for k in range(slots)]
    best: tuple[float, float, list[float]] | None = None
    for label_w in {2 * COLUMN_PAD + 1 + max(names, min(holiday, 45.0)),
                    2 * COLUMN_PAD + 1 + names}:
        labels = [_label(pen.probe(), n, 0, 0, label_w, z) for n in nights]
        low, widths = _shift_widths(pen, sheet, nights, z, heads, labels, FULL - label_w)
        if best is None or low < best[0] - 0.5 or (low < best[0] + 0.5 and label_w > best[1]):
            best = (low, label_w, widths)
    assert best is not None
    _, label_w, widths = best
    lefts = [MARGIN + label_w + sum(widths[:k]) for k in range(slots)]
    y = max(pen.centred(h, x + w / 2, top + 0.7, w - 2 * COLUMN_PAD, "bold", z.head,
                        floor=z.floor) for h, x, w in zip(heads, lefts, widths, strict=True)) + 0.5
    pen.ops.append(Rule(MARGIN, y, PAGE_W - MARGIN, y, 0.8))
    for i, n in enumerate(nights):
        row_top = y + ROW_PAD
        low = _label(pen, n, MARGIN, row_top, label_w, z)
        if not n.shifts:
            low = max(low, pen.block(sheet.label("poster.no_duty"), lefts[0] + COLUMN_PAD,
                                     row_top, FULL - label_w - 2 * COLUMN_PAD, "italic",
                                     z.small))
        for k, watch in enumerate(n.shifts):
            low = max(low, _cell(pen, sheet, watch, heads[k], lefts[k], row_top, widths[k], z))
        y = low + ROW_PAD
        if i < len(nights) - 1:
            pen.ops.append(Rule(MARGIN, y, PAGE_W - MARGIN, y, 0.4))
    return y, lefts, None


def _label(pen: Pen, n: Night, x: float, y: float, w: float, z: Style) -> float:
    """A night's row head: its day, date, the night's other name and its holiday."""
    x, w = x + COLUMN_PAD, w - 2 * COLUMN_PAD
    y = pen.block(n.day, x, y, w, "bold", z.head, floor=z.floor)
    y = pen.block(n.date_text, x, y, w, "regular", z.small, floor=z.floor)
    y = pen.block(n.night, x, y, w, "italic", z.small, floor=z.floor)
    if n.holiday:
        y = pen.block(n.holiday, x, y, w, "italic", z.small, floor=z.floor)
    return y


def _cell(pen: Pen, sheet: Sheet, watch: Watch, head: str, x: float, y: float, w: float,
          z: Style) -> float:
    """A shift's cell in its night's row, its hours when they are not its column's."""
    return _watch(pen, watch, sheet, x + COLUMN_PAD, y, w - 2 * COLUMN_PAD, z,
                  hours=watch.hours != head, notes=sheet.patrol, empty=True)


SHARES = (0.05, 0.1, 0.2)  # of the room, moved from one shift's column to another


def _shift_widths(pen: Pen, sheet: Sheet, nights: Sequence[Night], z: Style,
                  heads: list[str], labels: list[float],
                  room: float) -> tuple[float, list[float]]:
    """The shifts' columns sharing ``room`` mm: even, or with shares of the room moved from
    one column to another while that makes the rows lower, no word passing its cell.
    Returns the rows' height and the widths."""
    slots = len(heads)
    even = [room / slots] * slots
    heights: dict[tuple[int, int, float], float] = {}
    # a cell is measured at the first width asked of its 0.1 mm, in the order the tries ask:
    # a try left off early still claims the widths its other cells would have been asked at
    asked: dict[tuple[int, int, float], float] = {}

    def cell(i: int, k: int, w: float) -> float:
        key = (i, k, round(w, 1))
        if key not in heights:
            w = asked.setdefault(key, w)
            probe = pen.probe(shrink=False)
            low = _cell(probe, sheet, nights[i].shifts[k], heads[k], 0, 0, w, z)
            probe.centred(heads[k], w / 2, 0, w - 2 * COLUMN_PAD, "bold", z.head)
            heights[key] = low if probe.over <= 0.01 else float("inf")
        return heights[key]

    def total(widths: list[float], above: float = float("inf")) -> float:
        """The rows' height at ``widths``; past ``above``, left off (infinite)."""
        done = 0.0
        for i, n in enumerate(nights):
            done += max(labels[i], *(cell(i, k, widths[k]) for k in range(len(n.shifts))))
            if done > above:
                for j in range(i + 1, len(nights)):
                    for k in range(len(nights[j].shifts)):
                        asked.setdefault((j, k, round(widths[k], 1)), widths[k])
                return float("inf")
        return done

    best = (total(even), even)
    # a share of the room moved at a time, while the rows get lower
    for _ in range(6 if slots > 1 else 0):
        moves = [[w + share * room * ((k == a) - (k == b)) for k, w in enumerate(best[1])]
                 for share in SHARES for a in range(slots) for b in range(slots) if a != b]
        tried = (float("inf"), moves[0])  # the first of the lowest, as min() takes it
        for widths in moves:
            height = total(widths, min(tried[0], best[0] - 0.5))
            if height < tried[0]:
                tried = (height, widths)
        if tried[0] > best[0] - 0.5:
            break
        best = tried
    return best

