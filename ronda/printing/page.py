"""One printed page of a week in a given style: the header (with the page's number when the
week takes two), its nights — a night a column, or a night a row and a shift a column — and,
on the last page, the footer with the important numbers and the signatures.

``compose`` returns the page and how far it overflows (mm, ≤ 0 when everything fits): lower
than the space above the footer, or a word wider than its column even in the smallest type the
style allows. ``fit.py`` chooses the style.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from ronda.printing.fonts import ascent_descent
from ronda.printing.layout import (
    HANG,
    LEADING,
    MARGIN,
    PAGE_H,
    PAGE_W,
    PT,
    Box,
    Op,
    Page,
    Pen,
    Rule,
    Squares,
    Star,
    Style,
    Text,
)
from ronda.printing.poster import PATROL_NOTES, Night, Person, Sheet, Watch

COLUMN_PAD = 1.6  # inside each night's column, on both sides
QR_SIZE = 18.0  # 0.6 mm a module for a calendar address: read easily from a hand's length
WRITE_IN = 12.0  # the least room left to write on after a label, in mm
SIGN_ROOM = 10.0  # above a signature's name, to sign in
FULL = PAGE_W - 2 * MARGIN


def compose(sheet: Sheet, nights: Sequence[Night], z: Style, rows: bool, *,
            page_line: str = "", last: bool = True) -> tuple[Page, float]:
    """The page holding ``nights`` in style ``z`` (``rows``: a night a row), and how far it
    overflows."""
    page = Page(z.name)
    pen = Pen(page.ops, z.stretch)
    head_end = _header(pen, sheet, z, page_line)
    foot_ops: list[Op] = []
    foot = Pen(foot_ops, z.stretch)
    foot_top = PAGE_H - MARGIN - _footer(foot, sheet, z, 0.0, last=last)
    grid_top = head_end + 1.5
    low, dividers, under = (_rows if rows else _columns)(pen, sheet, nights, z, grid_top)
    grid_bottom = foot_top - 2.5
    page.ops.append(Box(MARGIN, grid_top, FULL, grid_bottom - grid_top))
    if under is not None:
        page.ops.append(Rule(MARGIN, under, PAGE_W - MARGIN, under, 0.8))
    for x in dividers:
        page.ops.append(Rule(x, grid_top, x, grid_bottom, 0.8))
    page.ops += [_moved(op, foot_top) for op in foot_ops]
    return page, max(low - grid_bottom, pen.over - 0.01, foot.over - 0.01)


# ------------------------------------------------------------------ header and footer

def _header(pen: Pen, sheet: Sheet, z: Style, page_line: str) -> float:
    qr = bool(sheet.calendar_url)
    room = FULL - (2 * (QR_SIZE + 3) if qr else 0)
    cx, y = PAGE_W / 2, MARGIN
    y = pen.centred(sheet.title, cx, y, room, "bold", z.title, floor=z.floor)
    y = pen.centred(sheet.neighbourhood, cx, y, room, "bold", z.head, floor=z.floor)
    place = " · ".join(x for x in (sheet.area, sheet.post) if x)
    if place:
        y = pen.centred(place, cx, y, room, "regular", z.small, floor=z.floor)
    y = pen.centred(f"{sheet.period} · {sheet.hours_line}", cx, y, room, "regular", z.small,
                    floor=z.floor)
    if page_line:
        y = pen.centred(page_line, cx, y, room, "bold", z.small, floor=z.floor)
    if qr:
        pen.ops.append(_qr(sheet.calendar_url))
        under = pen.centred(sheet.label("poster.qr_caption"), PAGE_W - MARGIN - QR_SIZE / 2,
                            MARGIN + QR_SIZE + 0.3, QR_SIZE, "regular", 6.5)
        y = max(y, under + 0.5)
    return y


def _qr(url: str) -> Squares:
    from reportlab.graphics.barcode import qrencoder

    code = qrencoder.QRCode(None, qrencoder.QRErrorCorrectLevel.M)
    code.addData(url)
    code.make()
    cell = QR_SIZE / code.getModuleCount()
    dark = tuple((c, r) for r, row in enumerate(code.modules) for c, on in enumerate(row) if on)
    return Squares(PAGE_W - MARGIN - QR_SIZE, MARGIN, cell, dark)


def _legend(pen: Pen, sheet: Sheet, z: Style, y: float) -> float:
    star = z.foot * PT * 0.42
    pen.ops.append(Star(MARGIN + star, y + z.foot * PT * 0.45, star))
    x = MARGIN + 2 * star + 1
    legend = sheet.label("poster.leader_legend")
    pen.block(legend, x, y, FULL, "regular", z.foot)
    if sheet.patrol:  # the box by each name: who came
        x += pen.width(legend, "regular", z.foot) + 5
        side = z.foot * PT * 0.8
        pen.ops.append(Box(x, y + z.foot * PT * 0.06, side, side, 0.5))
        pen.block("= " + sheet.label("poster.attendance"), x + side + 1, y,
                  PAGE_W - MARGIN - x - side - 1, "regular", z.foot)
    return y + z.foot * PT * LEADING


def _footer(pen: Pen, sheet: Sheet, z: Style, top: float, *, last: bool) -> float:
    """The legend; on the last page also the (patrol) empty houses and handover, the rules
    and kentongan codes (when the style keeps them), the important numbers and the
    signatures. Returns its height."""
    y = _legend(pen, sheet, z, top)
    if not last:
        return y - top
    if sheet.patrol:
        houses = "; ".join(sheet.empty_houses) or sheet.label("poster.none")
        y = pen.block(f"{sheet.label('poster.empty_houses')}: {houses}", MARGIN, y, FULL,
                      "regular", z.foot)
        y = pen.block(sheet.label("poster.handover"), MARGIN, y, FULL, "regular", z.foot)
    y += 1.2
    size = max(z.foot * 1.12, 9.0)
    signatures = [([sheet.place_date, *sheet.sign_right[:2]], sheet.sign_right[2]),
                  (["", *sheet.sign_left[:2]], sheet.sign_left[2])]
    sign_w = min(70.0, max(40.0, *(pen.width(line, "regular", size) + 2
                                   for lines, _ in signatures for line in lines),
                           *(pen.width(f"( {name} )", "bold", size) + 2
                             for _, name in signatures)))
    low = y
    for k, (lines, name) in enumerate(signatures):  # the right one on the edge
        cx = PAGE_W - MARGIN - sign_w * (k + 0.5)
        yy = y
        for line in lines:
            yy = pen.centred(line, cx, yy, sign_w - 2, "regular", size) if line else \
                yy + size * PT * LEADING
        yy = pen.centred(f"( {name or '……………………'} )", cx, yy + SIGN_ROOM, sign_w - 2, "bold", size,
                         underline=True)
        low = max(low, yy)
    items: list[tuple[str, str | tuple[str, str]]] = []  # (kind, what), in reading order
    if z.rules:
        items += [("title", sheet.label("poster.rules_title")),
                  *(("rule", r) for r in (sheet.hours_line, *sheet.rules)),
                  ("title", sheet.label("poster.kentongan_title")),
                  *(("rule", f"{e}: {p}") for e, p in sheet.kentongan)]
    items += [("title", sheet.label("poster.numbers_title")),
              *(("number", row) for row in sheet.numbers)]
    room = FULL - 2 * sign_w - FOOT_GAP
    for x, yy, w, item in _flow(items, z, room, low - y, pen.stretch):
        low = max(low, _item(pen, item, MARGIN + x, y + yy, w, z))
    return low - top


FOOT_GAP = 4.0  # between the footer's columns


def _item(pen: Pen, item: tuple[str, str | tuple[str, str]], x: float, y: float, w: float,
          z: Style) -> float:
    """One line of the footer: a heading, a rule or code, or an important number."""
    kind, what = item
    if isinstance(what, tuple):
        return _number(pen, what, x, y, w, z)
    if kind == "title":
        return pen.block(what, x, y, w, "bold", z.foot)
    return pen.block(f"• {what}", x, y, w, "regular", z.foot, leading=1.12)


def _flow(items: list[tuple[str, str | tuple[str, str]]], z: Style,
          room: float, beside: float, stretch: float
          ) -> list[tuple[float, float, float, tuple[str, str | tuple[str, str]]]]:
    """The footer's items set like a newspaper in as many columns of ``room`` mm as make it
    lowest (no lower than ``beside``, the signatures' height, with the fewest columns): each
    item whole, a heading never last in its column. Returns (x, y, width, item) each."""
    best: tuple[float, list] | None = None
    for count in range(1, 6):
        w = (room - (count - 1) * FOOT_GAP) / count
        heights = []
        for item in items:
            probe = Pen(stretch=stretch, shrink=False)
            heights.append(_item(probe, item, 0, 0, w, z))
            if probe.over > 0.01:
                break
        else:
            placed = _columns_of(items, heights, count, w)
            if placed is not None:
                height = max(beside, max(y + heights[i] for i, (_, y) in enumerate(placed)))
                if best is None or height < best[0] - 0.5:
                    best = (height, [(c * (w + FOOT_GAP), y, w, item)
                                     for (c, y), item in zip(placed, items, strict=True)])
    if best is None:  # a word wider than even one column: one column, seen to overflow
        out, y = [], 0.0
        for item in items:
            out.append((0.0, y, room, item))
            y = _item(Pen(stretch=stretch), item, 0, y, room, z)
        return out
    return best[1]


def _columns_of(items: list[tuple[str, object]], heights: list[float], count: int,
                w: float) -> list[tuple[int, float]] | None:
    """Each item's (column, y) in the lowest fill of ``count`` columns: the least column
    height (searched) at which the items, in order, fill no more columns."""
    def fill(limit: float) -> list[tuple[int, float]] | None:
        out, column, y = [], 0, 0.0
        for i, h in enumerate(heights):
            keep = h + (heights[i + 1] if items[i][0] == "title" and i + 1 < len(items) else 0)
            if y > 0 and y + keep > limit:
                column, y = column + 1, 0.0
            if column >= count:
                return None
            out.append((column, y))
            y += h
        return out

    lo, hi = max(heights), sum(heights)
    if fill(hi) is None:
        return None
    for _ in range(20):
        mid = (lo + hi) / 2
        if fill(mid) is None:
            lo = mid
        else:
            hi = mid
    return fill(hi)


def _number(pen: Pen, row: tuple[str, str], x: float, y: float, w: float, z: Style) -> float:
    """``• Polisi: 110``, the number in bold, after the label when it fits, else under it."""
    label, number = row
    if not number:
        return pen.block(f"• {label}", x, y, w, "regular", z.numbers)
    below = pen.block(f"• {label}:", x, y, w, "regular", z.numbers)
    gap = pen.width(" ", "regular", z.numbers)
    if pen.end + gap + pen.width(number, "bold", z.numbers) <= x + w:
        pen.block(number, pen.end + gap, below - z.numbers * PT * LEADING,
                  x + w - pen.end - gap, "bold", z.numbers)
        return below
    return pen.block(number, x + HANG, below, w - HANG, "bold", z.numbers, hang=0)


# ------------------------------------------------------------------ a night a column

def _columns(pen: Pen, sheet: Sheet, nights: Sequence[Night], z: Style,
             top: float) -> tuple[float, list[float], float | None]:
    """The nights side by side, each as wide as it needs; returns the lowest line, the
    dividers' x and the y of the rule under the nights' heads."""
    def over(i: int, w: float) -> float:
        probe = Pen(stretch=pen.stretch, shrink=False)
        _night_head(probe, nights[i], 0, 0, w, z)
        _night(probe, nights[i], sheet, 0, 0, w, z)
        return probe.over

    least = [_least(lambda w, i=i: over(i, w)) for i in range(len(nights))]
    widths = balance(lambda i, w: _night(Pen(stretch=pen.stretch), nights[i], sheet, 0, 0, w, z),
                     least, FULL)
    lefts = [MARGIN + sum(widths[:i]) for i in range(len(nights))]
    head_bottom = max(_night_head(Pen(stretch=pen.stretch), n, 0, top + 1, w, z)
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
        y = _patrol_lines(pen, sheet, x, y, w, z)
    return y


def _watch(pen: Pen, watch: Watch, sheet: Sheet, x: float, y: float, w: float, z: Style, *,
           hours: bool, notes: bool, empty: bool) -> float:
    """One shift from ``y`` down, ``w`` mm wide: its hours (when asked), its people — side by
    side in as many columns as the width holds each on one line — its guests and (when
    asked) the patrol's lines to fill in; ``empty``: a shift nobody is planned for says so.
    Returns the y under it."""
    if hours:
        y = pen.block(watch.hours, x, y + 0.6, w, "bold", z.small, floor=z.floor)
        pen.ops.append(Rule(x, y - 0.3, x + w, y - 0.3, 0.4))
        y += 0.4
    if empty and not watch.people and not watch.guests:
        y = pen.block(sheet.label("poster.no_duty"), x, y, w, "italic", z.small, floor=z.floor)
    people = watch.people
    if people:
        widest = max(_natural(pen, p, sheet, z) for p in people)
        across = max(1, min(len(people), int((w + ACROSS_GAP) // (widest + ACROSS_GAP))))
        down = -(-len(people) // across)
        across = -(-len(people) // down)  # as few columns as the same number of lines needs
        sub = (w - (across - 1) * ACROSS_GAP) / across
        low = y
        for c in range(across):
            yy = y
            for p in people[c * down:(c + 1) * down]:
                yy = _person(pen, p, sheet, x + c * (sub + ACROSS_GAP), yy, sub, z)
            low = max(low, yy)
        y = low
    for g in watch.guests:
        y = pen.block(f"+ {g}", x, y, w, "italic", max(z.small, z.floor), floor=z.floor)
    if notes:  # each shift hands over to the next
        y = _patrol_lines(pen, sheet, x, y, w, z)
    return y


ACROSS_GAP = 4.0  # between people side by side


def _marks(sheet: Sheet, p: Person, z: Style) -> float:
    """The room before a name: the attendance box (patrol sheet) and the leader's star."""
    return (z.name * PT * 0.8 + 0.8 if sheet.patrol else 0) + \
        (2 * z.name * PT * 0.42 + 0.7 if p.leader else 0)


def _name_text(sheet: Sheet, p: Person, z: Style) -> str:
    return p.name + (f" ({p.house})" if p.house and (z.houses or sheet.patrol) else "")


def _natural(pen: Pen, p: Person, sheet: Sheet, z: Style) -> float:
    """A person's width on one line: marks, name (and house) and phone."""
    return _marks(sheet, p, z) + pen.width(_name_text(sheet, p, z),
                                           "bold" if p.leader else "regular", z.name) + \
        (1.5 + pen.width(p.phone, "regular", z.phone) if p.phone else 0)


def _person(pen: Pen, p: Person, sheet: Sheet, x: float, y: float, w: float,
            z: Style) -> float:
    """A person's lines: the attendance box (patrol sheet), the leader's star, the name (and
    house), the phone after it when there is room, else under it. Returns the y under them."""
    star = z.name * PT * 0.42
    left, room = x, w
    if sheet.patrol:  # a box to write H, I, S or TK in
        side = z.name * PT * 0.8
        top = y + z.name * PT * (ascent_descent()[0] - 0.7)
        pen.ops.append(Box(x, top, side, side, 0.5))
        left, room = x + side + 0.8, w - side - 0.8
    if p.leader:
        pen.ops.append(Star(left + star, y + z.name * PT * 0.45, star))
        left, room = left + 2 * star + 0.7, room - 2 * star - 0.7
    y = pen.block(_name_text(sheet, p, z), left, y, room, "bold" if p.leader else "regular",
                  z.name, floor=z.floor)
    if not p.phone:
        return y
    last = pen.ops[-1]
    assert isinstance(last, Text)
    gap = 1.5
    if pen.end + gap + pen.width(p.phone, "regular", z.phone) <= x + w:
        pen.ops.append(Text(pen.end + gap, last.y, p.phone, "regular", z.phone, pen.stretch))
        return max(y, last.y + z.phone * PT * (LEADING - ascent_descent()[0]))
    return pen.block(p.phone, left + HANG, y, room - HANG, "regular", z.phone,
                     floor=z.number_floor)


def _patrol_lines(pen: Pen, sheet: Sheet, x: float, y: float, w: float, z: Style) -> float:
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

def _rows(pen: Pen, sheet: Sheet, nights: Sequence[Night], z: Style,
          top: float) -> tuple[float, list[float], float | None]:
    """A night a row and a shift a column, headed by its hours: the nights' column as wide
    as their names, or as a holiday's (up to 38 mm) when that is wider."""
    names = max(max(pen.width(n.day, "bold", z.head), pen.width(n.date_text, "regular", z.small),
                    pen.width(n.night, "italic", z.small)) for n in nights)
    holiday = max((pen.width(n.holiday, "italic", z.small) for n in nights), default=0.0)
    label_w = 2 * COLUMN_PAD + 1 + max(names, min(holiday, 38.0))
    slots = max(1, *(len(n.shifts) for n in nights))
    cell_w = (FULL - label_w) / slots
    lefts = [MARGIN + label_w + k * cell_w for k in range(slots)]
    heads = [next((n.shifts[k].hours for n in nights if len(n.shifts) > k), "")
             for k in range(slots)]
    y = max(pen.centred(h, x + cell_w / 2, top + 1, cell_w - 2 * COLUMN_PAD, "bold", z.head,
                        floor=z.floor) for h, x in zip(heads, lefts, strict=True)) + 1
    pen.ops.append(Rule(MARGIN, y, PAGE_W - MARGIN, y, 0.8))
    for i, n in enumerate(nights):
        row_top = y + 0.8
        x, w = MARGIN + COLUMN_PAD, label_w - 2 * COLUMN_PAD
        low = pen.block(n.day, x, row_top, w, "bold", z.head, floor=z.floor)
        low = pen.block(n.date_text, x, low, w, "regular", z.small, floor=z.floor)
        low = pen.block(n.night, x, low, w, "italic", z.small, floor=z.floor)
        if n.holiday:
            low = pen.block(n.holiday, x, low, w, "italic", z.small, floor=z.floor)
        if not n.shifts:
            low = max(low, pen.block(sheet.label("poster.no_duty"), lefts[0] + COLUMN_PAD,
                                     row_top, FULL - label_w - 2 * COLUMN_PAD, "italic",
                                     z.small))
        for k, watch in enumerate(n.shifts):
            low = max(low, _watch(pen, watch, sheet, lefts[k] + COLUMN_PAD, row_top,
                                  cell_w - 2 * COLUMN_PAD, z, hours=watch.hours != heads[k],
                                  notes=sheet.patrol, empty=True))
        y = low + 0.8
        if i < len(nights) - 1:
            pen.ops.append(Rule(MARGIN, y, PAGE_W - MARGIN, y, 0.4))
    return y, lefts, None


def _moved(op: Op, dy: float) -> Op:
    from dataclasses import replace

    if isinstance(op, Rule):
        return replace(op, y1=op.y1 + dy, y2=op.y2 + dy)
    return replace(op, y=op.y + dy)
