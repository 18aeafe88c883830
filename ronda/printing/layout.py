"""The printed page of a week, measured and placed: one A4 landscape page per sheet, shared by
the PDF and the HTML.

Text is measured with the font's own metrics (reportlab's ``stringWidth``, pure computation),
wrapped with hanging indents and placed in millimetres from the page's top-left corner. The
week gets the largest type that fits one page (names from 14 pt down to 9 pt), set a night a
column, or a night a row and a shift a column when that holds larger type (weeks of several
shifts a night); a week that does not fit even in the smallest type is refused, naming its
fullest night.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from ronda.dates import DayName, SpanName
from ronda.errors import BadInput
from ronda.printing.fonts import ascent_descent, width_pt
from ronda.printing.poster import PATROL_NOTES, Night, Sheet, Watch

PAGE_W, PAGE_H, MARGIN = 297.0, 210.0, 10.0
PT = 25.4 / 72  # one point in millimetres
LARGEST, SMALLEST, STEP = 14.0, 9.0, 0.25  # the names' size in points
COLUMN_PAD = 1.6  # inside each night's column, on both sides
HANG = 2.5  # a wrapped line's indent under the first
QR_SIZE = 18.0  # 0.6 mm a module for a calendar address: read easily from a hand's length
LEADING = 1.1


@dataclass(frozen=True)
class Text:
    """One line of text; ``y`` is its baseline."""

    x: float
    y: float
    text: str
    kind: str  # regular, bold, italic
    size: float  # points

    @property
    def width(self) -> float:
        return width_pt(self.text, self.kind, self.size) * PT


@dataclass(frozen=True)
class Rule:
    """A straight line, ``weight`` in points."""

    x1: float
    y1: float
    x2: float
    y2: float
    weight: float = 0.6


@dataclass(frozen=True)
class Box:
    """A rectangle's outline."""

    x: float
    y: float
    w: float
    h: float
    weight: float = 0.8


@dataclass(frozen=True)
class Star:
    """The leader's mark: a five-pointed star, filled, ``r`` its outer radius."""

    x: float
    y: float
    r: float

    def points(self) -> list[tuple[float, float]]:
        from math import cos, pi, sin

        return [(self.x + (self.r if k % 2 == 0 else self.r * 0.4) * sin(k * pi / 5),
                 self.y - (self.r if k % 2 == 0 else self.r * 0.4) * cos(k * pi / 5))
                for k in range(10)]


@dataclass(frozen=True)
class Squares:
    """A QR code: its dark modules as (column, row) on a grid of ``cell`` millimetres."""

    x: float
    y: float
    cell: float
    dark: tuple[tuple[int, int], ...]


Op = Text | Rule | Box | Star | Squares


@dataclass
class Page:
    """A week laid out: what to draw, and the names' size it reached."""

    size: float
    ops: list[Op] = field(default_factory=list)

    @property
    def texts(self) -> list[Text]:
        return [op for op in self.ops if isinstance(op, Text)]


def wrap(text: str, kind: str, size: float, width: float, hang: float = HANG) -> list[str]:
    """``text`` broken into lines no wider than ``width`` mm (the lines after the first are
    ``hang`` mm narrower); a word longer than a line is cut."""
    lines: list[str] = []
    current = ""
    for word in text.split():
        room = width - (hang if lines else 0)
        candidate = f"{current} {word}" if current else word
        if width_pt(candidate, kind, size) * PT <= room:
            current = candidate
            continue
        if current:
            lines.append(current)
            room = width - hang
        while width_pt(word, kind, size) * PT > room and len(word) > 1:
            cut = len(word) - 1
            while cut > 1 and width_pt(word[:cut], kind, size) * PT > room:
                cut -= 1
            lines.append(word[:cut])
            word, room = word[cut:], width - hang
        current = word
    if current or not lines:
        lines.append(current)
    return lines


class _Pen:
    """Writes wrapped text downwards and keeps the operations."""

    def __init__(self, ops: list[Op]) -> None:
        self.ops = ops
        self.end = 0.0  # where the last line written ends, in mm from the left

    def block(self, text: str, x: float, y: float, width: float, kind: str, size: float,
              *, leading: float = LEADING, underline: bool = False) -> float:
        """Wrapped text whose first baseline is ``y`` + one ascent; returns the y under it."""
        step = size * PT * leading
        for k, line in enumerate(wrap(text, kind, size, width)):
            left = x + (HANG if k else 0)
            base = y + size * PT * ascent_descent()[0]
            self.ops.append(Text(left, base, line, kind, size))
            w = width_pt(line, kind, size) * PT
            self.end = left + w
            if underline:
                self.ops.append(Rule(left, base + 0.5, left + w, base + 0.5, 0.5))
            y += step
        return y

    def centred(self, text: str, cx: float, y: float, width: float, kind: str,
                size: float, *, underline: bool = False) -> float:
        """Wrapped lines, each centred on ``cx``; returns the y under them."""
        for line in wrap(text, kind, size, width, hang=0):
            w = width_pt(line, kind, size) * PT
            y = self.block(line, cx - w / 2, y, w + 1, kind, size, underline=underline)
        return y


@dataclass(frozen=True)
class Sizes:
    """Every type size of the page, from the names' size."""

    name: float

    @property
    def title(self) -> float:
        return min(self.name * 1.45, 18)

    @property
    def head(self) -> float:
        return self.name * 1.05

    @property
    def small(self) -> float:
        return self.name * 0.88

    @property
    def foot(self) -> float:
        return max(self.name * 0.78, 7.0)


def _header(pen: _Pen, sheet: Sheet, z: Sizes, qr: bool) -> float:
    room = PAGE_W - 2 * MARGIN - (2 * (QR_SIZE + 3) if qr else 0)
    cx, y = PAGE_W / 2, MARGIN
    y = pen.centred(sheet.title, cx, y, room, "bold", z.title)
    y = pen.centred(sheet.neighbourhood, cx, y, room, "bold", z.head)
    place = " · ".join(x for x in (sheet.area, sheet.post) if x)
    if place:
        y = pen.centred(place, cx, y, room, "regular", z.small)
    y = pen.centred(f"{sheet.period} · {sheet.hours_line}", cx, y, room, "regular", z.small)
    return y


def _night_head(pen: _Pen, n: Night, x: float, y: float, w: float, z: Sizes) -> float:
    y = pen.centred(n.day, x + w / 2, y, w - 2 * COLUMN_PAD, "bold", z.head)
    y = pen.centred(n.date_text, x + w / 2, y, w - 2 * COLUMN_PAD, "regular", z.small)
    return pen.centred(n.night, x + w / 2, y, w - 2 * COLUMN_PAD, "italic", z.small)


def _night(pen: _Pen, n: Night, sheet: Sheet, x: float, y: float, w: float,
           z: Sizes) -> float:
    """One night's column from ``y`` down; returns the y under it."""
    x, w = x + COLUMN_PAD, w - 2 * COLUMN_PAD
    if n.holiday:
        y = pen.block(n.holiday, x, y, w, "italic", z.small)
    if not n.people and len(n.shifts) <= 1:  # several shifts: each says so under its hours
        y = pen.block(sheet.label("poster.no_duty"), x, y, w, "italic", z.small)
    for watch in n.shifts:
        y = _watch(pen, watch, sheet, x, y, w, z, hours=len(n.shifts) > 1,
                   notes=sheet.patrol and len(n.shifts) > 1, empty=len(n.shifts) > 1)
        y += 0.8
    if sheet.patrol and len(n.shifts) <= 1:
        y = _patrol_lines(pen, sheet, x, y, w, z)
    return y


def _watch(pen: _Pen, watch: Watch, sheet: Sheet, x: float, y: float, w: float, z: Sizes, *,
           hours: bool, notes: bool, empty: bool) -> float:
    """One shift from ``y`` down, ``w`` mm wide: its hours (when asked), its people with
    the leader's star (and on the patrol sheet a box to write in and the phone), its guests
    and (when asked) the patrol's lines to fill in; ``empty``: a shift nobody is planned for
    says so. Returns the y under it."""
    star = z.name * PT * 0.42
    if hours:
        y = pen.block(watch.hours, x, y + 0.6, w, "bold", z.small)
        pen.ops.append(Rule(x, y - 0.3, x + w, y - 0.3, 0.4))
        y += 0.4
    if empty and not watch.people and not watch.guests:
        y = pen.block(sheet.label("poster.no_duty"), x, y, w, "italic", z.small)
    for p in watch.people:
        left, room = x, w
        if sheet.patrol:  # a box to write H, I, S or TK in
            side = z.name * PT * 0.8
            top = y + z.name * PT * (ascent_descent()[0] - 0.7)
            pen.ops.append(Box(x, top, side, side, 0.5))
            left, room = x + side + 0.8, w - side - 0.8
        if p.leader:
            pen.ops.append(Star(left + star, y + z.name * PT * 0.45, star))
            left, room = left + 2 * star + 0.7, room - 2 * star - 0.7
        text = p.name + (f" ({p.house})" if p.house else "")
        y = pen.block(text, left, y, room, "bold" if p.leader else "regular", z.name)
        if p.phone:  # after the name when there is room, else on a line of its own
            gap = 1.5
            if pen.end + gap + width_pt(p.phone, "regular", z.small) * PT <= x + w:
                pen.block(p.phone, pen.end + gap, y - z.name * PT * LEADING
                          + (z.name - z.small) * PT * ascent_descent()[0], w, "regular",
                          z.small)
            else:
                y = pen.block(p.phone, left + HANG, y, room - HANG, "regular", z.small)
    for g in watch.guests:
        y = pen.block(f"+ {g}", x, y, w, "italic", z.small)
    if notes:  # each shift hands over to the next
        y = _patrol_lines(pen, sheet, x, y, w, z)
    return y


WRITE_IN = 14.0  # the least room left to write on after a label, in mm


def _patrol_lines(pen: _Pen, sheet: Sheet, x: float, y: float, w: float, z: Sizes) -> float:
    """The lines the team fills in by hand: each label, then a rule to write on; side by
    side when they fit on one line with room to write, else a line each to the edge."""
    labels = [sheet.label(key).rstrip("… ") for key in PATROL_NOTES]
    widths = [width_pt(text, "regular", z.foot) * PT for text in labels]
    spare = (w - sum(widths) - len(labels) * 3) / len(labels)  # room to write, each
    if spare >= WRITE_IN:
        base = y + z.foot * PT * ascent_descent()[0]
        left = x
        for text, width in zip(labels, widths, strict=True):
            pen.block(text, left, y, width + 1, "regular", z.foot)
            pen.ops.append(Rule(left + width + 1, base, left + width + 1 + spare, base, 0.3))
            left += width + spare + 3
        return y + z.foot * PT * LEADING
    for text in labels:
        y = pen.block(text, x, y, w, "regular", z.foot)
        base = y - z.foot * PT * (LEADING - ascent_descent()[0])
        if pen.end + 1 < x + w - 4:
            pen.ops.append(Rule(pen.end + 1, base, x + w, base, 0.3))
    return y


def _footer(pen: _Pen, sheet: Sheet, z: Sizes, top: float) -> float:
    """Legend, (patrol) empty houses and handover, rules, kentongan codes, numbers and the
    signatures from ``top`` down; returns the y under them."""
    full = PAGE_W - 2 * MARGIN
    y = top
    star = z.foot * PT * 0.42
    pen.ops.append(Star(MARGIN + star, y + z.foot * PT * 0.45, star))
    x = MARGIN + 2 * star + 1
    legend = sheet.label("poster.leader_legend")
    pen.block(legend, x, y, full, "regular", z.foot)
    if sheet.patrol:  # the box by each name: who came
        x += width_pt(legend, "regular", z.foot) * PT + 5
        side = z.foot * PT * 0.8
        pen.ops.append(Box(x, y + z.foot * PT * 0.06, side, side, 0.5))
        pen.block("= " + sheet.label("poster.attendance"), x + side + 1, y, full, "regular",
                  z.foot)
    y += z.foot * PT * LEADING
    if sheet.patrol:
        houses = "; ".join(sheet.empty_houses) or sheet.label("poster.none")
        y = pen.block(f"{sheet.label('poster.empty_houses')}: {houses}", MARGIN, y, full,
                      "regular", z.foot)
        y = pen.block(sheet.label("poster.handover"), MARGIN, y, full, "regular", z.foot)
    y += 1.2
    sign_w = 50.0
    gap = 4.0
    col_w = (full - 2 * sign_w - 3 * gap) / 3
    columns = [
        ("poster.rules_title", [sheet.hours_line, *sheet.rules]),
        ("poster.kentongan_title", [f"{e}: {p}" for e, p in sheet.kentongan]),
        ("poster.numbers_title", [f"{a}: {b}" if b else a for a, b in sheet.numbers]),
    ]
    low = y
    for i, (title, rows) in enumerate(columns):
        x = MARGIN + i * (col_w + gap)
        yy = pen.block(sheet.label(title), x, y, col_w, "bold", z.foot)
        for row in rows:
            yy = pen.block(f"• {row}", x, yy, col_w, "regular", z.foot, leading=1.12)
        low = max(low, yy)
    left, right = sheet.sign_left, sheet.sign_right
    size = z.foot * 1.12
    for k, (lines, name) in enumerate(((["", left[0], left[1]], left[2]),
                                       ([sheet.place_date, right[0], right[1]], right[2]))):
        cx = PAGE_W - MARGIN - sign_w * (1.5 - k)
        yy = y
        for line in lines:
            yy = pen.centred(line, cx, yy, sign_w - 2, "regular", size) if line else \
                yy + size * PT * LEADING
        yy = pen.centred(f"( {name or '……………………'} )", cx, yy + 11, sign_w - 2, "bold", size,
                         underline=True)
        low = max(low, yy)
    return low


def _qr(url: str) -> Squares:
    from reportlab.graphics.barcode import qrencoder

    code = qrencoder.QRCode(None, qrencoder.QRErrorCorrectLevel.M)
    code.addData(url)
    code.make()
    count = code.getModuleCount()
    cell = QR_SIZE / count
    dark = tuple((c, r) for r, row in enumerate(code.modules) for c, on in enumerate(row) if on)
    return Squares(PAGE_W - MARGIN - QR_SIZE, MARGIN, cell, dark)


def _frame(sheet: Sheet, z: Sizes, pen: _Pen) -> tuple[float, list[Op], float]:
    """The header (and QR code) drawn; the footer laid out on a list of its own to know where
    the grid must end. Returns where the header ends, the footer's operations (from y 0)
    and where the footer begins."""
    head_end = _header(pen, sheet, z, bool(sheet.calendar_url))
    if sheet.calendar_url:
        pen.ops.append(_qr(sheet.calendar_url))
        pen.centred(sheet.label("poster.qr_caption"), PAGE_W - MARGIN - QR_SIZE / 2,
                    MARGIN + QR_SIZE + 0.3, QR_SIZE + 6, "regular", 6.5)
        head_end = max(head_end, MARGIN + QR_SIZE + 3.5)
    foot_ops: list[Op] = []
    foot_h = _footer(_Pen(foot_ops), sheet, z, 0.0)
    return head_end, foot_ops, PAGE_H - MARGIN - foot_h


def _attempt(sheet: Sheet, size: float) -> tuple[Page, float]:
    """The page at names of ``size`` pt, a night a column, and how far it overflows (mm,
    ≤ 0 when it fits)."""
    z = Sizes(size)
    page = Page(size)
    pen = _Pen(page.ops)
    head_end, foot_ops, foot_top = _frame(sheet, z, pen)
    widths = _widths(sheet, z)
    lefts = [MARGIN + sum(widths[:i]) for i in range(7)]
    grid_top = head_end + 1.5
    head_bottom = max(_night_head(_Pen([]), n, 0, grid_top + 1, w, z)
                      for n, w in zip(sheet.nights, widths, strict=True))
    for n, x, w in zip(sheet.nights, lefts, widths, strict=True):
        _night_head(pen, n, x, grid_top + 1, w, z)
    body_top = head_bottom + 1
    bottoms = [_night(pen, n, sheet, x, body_top + 1.2, w, z)
               for n, x, w in zip(sheet.nights, lefts, widths, strict=True)]
    return page, _close(page, grid_top, lefts[1:], foot_ops, foot_top, max(bottoms) + 0.8,
                        under_heads=body_top)


def _attempt_rows(sheet: Sheet, size: float) -> tuple[Page, float]:
    """The page at names of ``size`` pt with a night a row and a shift a column, headed by
    its hours, and how far it overflows: a week of several shifts a night holds more so,
    each shift's names (and phones) on lines as wide as a share of the page. The nights'
    column is as wide as their names, or as a holiday's (up to 38 mm) when that is
    shorter: the holiday then takes a line, not two or three."""
    z = Sizes(size)
    names = max(max(width_pt(n.day, "bold", z.head), width_pt(n.date_text, "regular", z.small),
                    width_pt(n.night, "italic", z.small)) * PT for n in sheet.nights)
    holiday = max((width_pt(n.holiday, "italic", z.small) * PT for n in sheet.nights),
                  default=0.0)
    tries = [_rows(sheet, z, w) for w in {names, max(names, min(holiday, 38.0))}]
    return min(tries, key=lambda t: t[1])


def _rows(sheet: Sheet, z: Sizes, names_w: float) -> tuple[Page, float]:
    """``_attempt_rows`` with the nights' column ``names_w`` mm wide (padding aside)."""
    page = Page(z.name)
    pen = _Pen(page.ops)
    head_end, foot_ops, foot_top = _frame(sheet, z, pen)
    full = PAGE_W - 2 * MARGIN
    slots = max(1, *(len(n.shifts) for n in sheet.nights))
    label_w = 2 * COLUMN_PAD + 1 + names_w
    cell_w = (full - label_w) / slots
    lefts = [MARGIN + label_w + k * cell_w for k in range(slots)]
    heads = [next((n.shifts[k].hours for n in sheet.nights if len(n.shifts) > k), "")
             for k in range(slots)]
    grid_top = head_end + 1.5
    y = max(pen.centred(h, x + cell_w / 2, grid_top + 1, cell_w - 2 * COLUMN_PAD, "bold",
                        z.head) for h, x in zip(heads, lefts, strict=True)) + 1
    page.ops.append(Rule(MARGIN, y, PAGE_W - MARGIN, y, 0.8))
    for i, n in enumerate(sheet.nights):
        top = y + 0.8
        x, w = MARGIN + COLUMN_PAD, label_w - 2 * COLUMN_PAD
        low = pen.block(n.day, x, top, w, "bold", z.head)
        low = pen.block(n.date_text, x, low, w, "regular", z.small)
        low = pen.block(n.night, x, low, w, "italic", z.small)
        if n.holiday:
            low = pen.block(n.holiday, x, low, w, "italic", z.small)
        if not n.shifts:
            low = max(low, pen.block(sheet.label("poster.no_duty"), lefts[0] + COLUMN_PAD,
                                     top, full - label_w - 2 * COLUMN_PAD, "italic", z.small))
        for k, watch in enumerate(n.shifts):
            low = max(low, _watch(pen, watch, sheet, lefts[k] + COLUMN_PAD, top,
                                  cell_w - 2 * COLUMN_PAD, z, hours=watch.hours != heads[k],
                                  notes=sheet.patrol, empty=True))
        y = low + 0.8
        if i < len(sheet.nights) - 1:
            page.ops.append(Rule(MARGIN, y, PAGE_W - MARGIN, y, 0.4))
    return page, _close(page, grid_top, lefts, foot_ops, foot_top, y)


def _close(page: Page, grid_top: float, dividers: Sequence[float], foot_ops: list[Op],
           foot_top: float, low: float, *, under_heads: float | None = None) -> float:
    """The grid's frame from ``grid_top`` down to the footer (and the rule under the
    nights' heads), with its column dividers, and the footer put in its place; returns how
    far ``low`` (the lowest line written) overflows the grid (≤ 0 when it fits)."""
    grid_bottom = foot_top - 2.5
    page.ops.append(Box(MARGIN, grid_top, PAGE_W - 2 * MARGIN, grid_bottom - grid_top))
    if under_heads is not None:
        page.ops.append(Rule(MARGIN, under_heads, PAGE_W - MARGIN, under_heads, 0.8))
    for x in dividers:
        page.ops.append(Rule(x, grid_top, x, grid_bottom, 0.8))
    page.ops += [_moved(op, foot_top) for op in foot_ops]
    return low - grid_bottom


def _widths(sheet: Sheet, z: Sizes) -> list[float]:
    """The nights' column widths: equal, unless giving the fuller nights more room makes the
    tallest column shorter (a few rounds of widths in proportion to each night's area)."""
    full = PAGE_W - 2 * MARGIN
    narrowest = max(24.0, max(width_pt(n.night, "italic", z.small) * PT
                              for n in sheet.nights) + 2 * COLUMN_PAD + 1)
    widths = [full / 7] * 7
    best: tuple[float, list[float]] | None = None
    for _ in range(4):
        heights = [_night(_Pen([]), n, sheet, 0, 0, w, z)
                   for n, w in zip(sheet.nights, widths, strict=True)]
        if best is None or max(heights) < best[0] - 0.1:
            best = (max(heights), widths)
        areas = [h * w for h, w in zip(heights, widths, strict=True)]
        share = [full * a / sum(areas) for a in areas]
        fixed = [max(narrowest, w) for w in share]
        extra = sum(fixed) - full  # taken back from the wide columns
        wide = sum(w for w in fixed if w > narrowest)
        widths = [w - extra * w / wide if w > narrowest else w for w in fixed]
    return best[1]


def _moved(op: Op, dy: float) -> Op:
    from dataclasses import replace

    if isinstance(op, Rule):
        return replace(op, y1=op.y1 + dy, y2=op.y2 + dy)
    return replace(op, y=op.y + dy)


def sizes_to_try() -> list[float]:
    n = round((LARGEST - SMALLEST) / STEP)
    return [LARGEST - k * STEP for k in range(n + 1)]


def lay_out(sheet: Sheet) -> Page:
    """The week on one page in the largest type that fits: a night a column, or a night a
    row when that holds larger type (weeks of several shifts a night); ``BadInput`` naming
    the fullest night when neither fits even in the smallest type."""
    best: Page | None = None
    for attempt in (_attempt, _attempt_rows):  # on a tie, a night a column
        found = _largest(sheet, attempt)
        if found is not None and (best is None or found.size > best.size):
            best = found
    if best is None:  # the fullest night: the tallest in a column of its own share
        z = Sizes(SMALLEST)
        fullest = max(sheet.nights, key=lambda n: _night(_Pen([]), n, sheet, 0, 0,
                                                          (PAGE_W - 2 * MARGIN) / 7, z))
        raise BadInput("err.week_too_full",  # in the reader's words, not the paper's
                       period=SpanName(sheet.nights[0].date, sheet.nights[-1].date),
                       night=DayName(fullest.date),
                       people=len(fullest.people), size=f"{SMALLEST:g}")
    return best


def _largest(sheet: Sheet, attempt: Callable[[Sheet, float], tuple[Page, float]]
             ) -> Page | None:
    """The page in the largest size ``attempt`` fits, or None when not even the smallest."""
    sizes = sizes_to_try()
    lo, hi = 0, len(sizes) - 1  # the fit only gets better as the type gets smaller
    page, overflow = attempt(sheet, sizes[hi])
    if overflow > 0:
        return None
    while lo < hi:
        mid = (lo + hi) // 2
        if attempt(sheet, sizes[mid])[1] <= 0:
            hi = mid
        else:
            lo = mid + 1
    return page if lo == len(sizes) - 1 else attempt(sheet, sizes[lo])[0]


def lay_out_all(sheets: Sequence[Sheet]) -> list[Page]:
    """One page per sheet."""
    return [lay_out(s) for s in sheets]
