"""What a printed page is made of, shared by the PDF and the HTML: lines of text, rules, boxes,
stars and QR squares placed in millimetres from the page's top-left corner, and the pen that
measures and wraps text with the font's own metrics.

Lines break only at the spaces between words: a word, a phone, a date, a time range, an amount
or a house number is never split, and a date or a time range written with spaces
(``24 November 2026``, ``22.00 s.d. 04.00``) is kept on one line. A word wider than its line
makes the text's type smaller, never below the floor it is given; the pen keeps how far
anything still overflows, so the page around it can give more room or smaller type.
``flow`` sets short items one after another like a paragraph (the footer's numbers, a
night's guests), each whole on the line where it fits.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field, replace
from functools import lru_cache

from ronda.printing.fonts import ascent_descent, width_pt

PAGE_W, PAGE_H, MARGIN = 297.0, 210.0, 8.0
PT = 25.4 / 72  # one point in millimetres
LARGEST, SMALLEST, FLOOR, STEP = 16.0, 9.0, 8.0, 0.25  # the names' size in points
READ, READ_SHEET = 12.0, 11.0  # names read from a metre: on the poster, the patrol sheet
PHONE, PHONE_FLOOR = 10.0, 9.0  # phones and the important numbers: least size, and on dense weeks
NARROW = 0.82  # the letters' width when a week is set narrower
HANG = 2.5  # a wrapped line's indent under the first
LEADING = 1.1


@dataclass(frozen=True)
class Text:
    """One line of text; ``y`` is its baseline, ``stretch`` its letters' width (1 = as drawn)."""

    x: float
    y: float
    text: str
    kind: str  # regular, bold, italic
    size: float  # points
    stretch: float = 1.0

    @property
    def width(self) -> float:
        return measure(self.text, self.kind, self.size, self.stretch)


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
    """One printed page: what to draw, and the names' size it reached."""

    size: float
    ops: list[Op] = field(default_factory=list)

    @property
    def texts(self) -> list[Text]:
        return [op for op in self.ops if isinstance(op, Text)]


def moved(op: Op, dx: float, dy: float) -> Op:
    """``op`` placed ``dx`` mm further right and ``dy`` mm further down."""
    if isinstance(op, Text):
        return Text(op.x + dx, op.y + dy, op.text, op.kind, op.size, op.stretch)
    if isinstance(op, Rule):
        return Rule(op.x1 + dx, op.y1 + dy, op.x2 + dx, op.y2 + dy, op.weight)
    return replace(op, x=op.x + dx, y=op.y + dy)


@lru_cache(maxsize=1 << 16)
def measure(text: str, kind: str, size: float, stretch: float = 1.0) -> float:
    """The width of ``text`` in mm (kept: a week is measured many times over)."""
    return width_pt(text, kind, size) * PT * stretch


# written with spaces, read as one: a date (24 November 2026, 23–29 November 2026), a time
# range in words (22.00 s.d. 04.00, 22:00 to 04:00), an amount (Rp 500) and a pair of numbers
# (118 / 119)
_WHOLE = re.compile(r"\d{1,2}(?:[–-]\d{1,2})? [^\W\d_]+ \d{4}"
                    r"|\d{1,2}[.:]\d{2} (?:s\.d\.|sampai|to|until|-|–) \d{1,2}[.:]\d{2}"
                    r"|\bRp \d[\d.]*|\d+ / \d+")


def words(text: str) -> list[str]:
    """The pieces a line may break between: words, with dates, time ranges, amounts and
    pairs of numbers written with spaces kept whole."""
    return list(_words_of(text))


@lru_cache(maxsize=1 << 14)
def _words_of(text: str) -> tuple[str, ...]:
    out: list[str] = []
    start = 0
    for m in _WHOLE.finditer(text):
        out += text[start:m.start()].split()
        out.append(m[0])
        start = m.end()
    return (*out, *text[start:].split())


def wrap(text: str, kind: str, size: float, width: float, hang: float = HANG,
         stretch: float = 1.0) -> list[str]:
    """``text`` broken at spaces into lines no wider than ``width`` mm (the lines after the
    first ``hang`` mm narrower); a word wider than a line stands whole on a line of its own
    (the width taken to the 0.05 mm below, so a week measured many times over reuses it)."""
    return list(_lines(text, kind, size, width, hang, stretch))


def _lines(text: str, kind: str, size: float, width: float, hang: float,
           stretch: float) -> tuple[str, ...]:
    return _wrapped(text, kind, size, math.floor(width * 20) / 20, hang, stretch)


@lru_cache(maxsize=1 << 16)
def _wrapped(text: str, kind: str, size: float, width: float, hang: float,
             stretch: float) -> tuple[str, ...]:
    lines: list[str] = []
    current = ""
    for word in words(text):
        room = width - (hang if lines else 0)
        candidate = f"{current} {word}" if current else word
        if not current or measure(candidate, kind, size, stretch) <= room:
            current = candidate
            continue
        lines.append(current)
        current = word
    if current or not lines:
        lines.append(current)
    return tuple(lines)


def shrunk(text: str, kind: str, size: float, width: float, floor: float | None,
           stretch: float = 1.0, hang: float = HANG) -> float:
    """The size at which the widest word of ``text`` fits a line of ``width`` mm (the first
    word: ``width``; the others: ``width`` - ``hang``), from ``size`` down to ``floor``; no
    smaller than ``floor`` (``None``: the size is kept)."""
    pieces = words(text)
    if floor is None or not pieces or floor >= size:
        return size
    ratio = min((width - hang if k else width) / measure(w, kind, size, stretch)
                for k, w in enumerate(pieces))
    if ratio >= 1:
        return size
    return max(floor, math.floor(size * ratio / 0.05) * 0.05)


def set_in(text: str, kind: str, size: float, width: float, *, floor: float | None,
           hang: float, stretch: float, shrink: bool) -> tuple[float, tuple[str, ...], float]:
    """The type and lines ``Pen.block`` sets ``text`` in, ``width`` mm wide, and the most a
    line passes its width (the first line ``width``, the others ``width`` - ``hang``)."""
    if shrink:
        size = shrunk(text, kind, size, width, floor, stretch, hang)
    lines = _lines(text, kind, size, width, hang, stretch)
    over = measure(lines[0], kind, size, stretch) - width
    for line in lines[1:]:
        over = max(over, measure(line, kind, size, stretch) - (width - hang))
    return size, lines, over


class Pen:
    """Writes wrapped text downwards, keeps the operations and how far any line overflows
    the width it was given."""

    def __init__(self, ops: list[Op] | None = None, stretch: float = 1.0, *,
                 shrink: bool = True, keep: bool = True) -> None:
        self.ops: list[Op] = [] if ops is None else ops
        self.stretch = stretch
        self.shrink = shrink  # False: a word too wide overflows (to measure what it needs)
        self.keep = keep  # False: only measuring, what is written may be left out
        self.end = 0.0  # where the last line written ends, in mm from the left
        self.over = 0.0  # the most any line passed its width, in mm

    def probe(self, *, shrink: bool = True) -> Pen:
        """A pen with the same letters that only measures."""
        return Pen(stretch=self.stretch, shrink=shrink, keep=False)

    def width(self, text: str, kind: str, size: float) -> float:
        return measure(text, kind, size, self.stretch)

    def block(self, text: str, x: float, y: float, width: float, kind: str, size: float,
              *, leading: float = LEADING, underline: bool = False,
              floor: float | None = None, hang: float = HANG) -> float:
        """Wrapped text whose first baseline is ``y`` + one ascent, in type made smaller
        (down to ``floor``) when a word is wider than ``width``; returns the y under it."""
        size, lines, over = set_in(text, kind, size, width, floor=floor, hang=hang,
                                   stretch=self.stretch, shrink=self.shrink)
        self.over = max(self.over, over)
        step = size * PT * leading
        for k, line in enumerate(lines):
            left = x + (hang if k else 0)
            base = y + size * PT * ascent_descent()[0]
            self.ops.append(Text(left, base, line, kind, size, self.stretch))
            w = self.width(line, kind, size)
            self.end = left + w
            if underline:
                self.ops.append(Rule(left, base + 0.5, left + w, base + 0.5, 0.5))
            y += step
        return y

    def centred(self, text: str, cx: float, y: float, width: float, kind: str,
                size: float, *, underline: bool = False, floor: float | None = None) -> float:
        """Wrapped lines, each centred on ``cx``; returns the y under them."""
        if self.shrink:
            size = shrunk(text, kind, size, width, floor, self.stretch, 0)
        for line in wrap(text, kind, size, width, 0, self.stretch):
            w = self.width(line, kind, size)
            self.over = max(self.over, w - width)
            y = self.block(line, cx - w / 2, y, w + 1, kind, size, underline=underline)
        return y


ITEM_GAP = 2.5  # between two items of a paragraph on one line
Run = tuple[str, str, float]  # text, kind (regular, bold, italic), size in points


@dataclass(frozen=True)
class _Word:
    """A word of a paragraph's item, in its type."""

    text: str
    kind: str
    size: float
    spaced: bool  # a space before it (within its item)


def flow(pen: Pen, items: list[list[Run]], x: float, y: float, w: float, *,
         wide: float | None = None, until: float = 0.0, whole: bool = True,
         indent: float = 0.0) -> float:
    """``items`` one after another on lines of ``w`` mm from ``y`` down, like a paragraph:
    an item on the line where it fits whole (``whole``; else where its first word fits),
    else from the next line (``indent`` mm in), broken between its words when longer than a
    line (the next lines indented); a line starting at ``until`` or lower is ``wide`` mm
    (the room under the signatures). Returns the y under them."""
    lines: list[list[tuple[float, _Word]]] = [[]]
    tops = [y]

    def right() -> float:
        return x + (wide if wide is not None and tops[-1] >= until - 0.01 else w)

    def new_line(start: float) -> float:
        tops.append(tops[-1] + max(p.size for _, p in lines[-1]) * PT * LEADING)
        lines.append([])
        return start

    at = x
    for item in items:
        pieces = _words(item)
        width = sum(pen.width(p.text, p.kind, p.size) for p in pieces) + \
            sum(pen.width(" ", p.kind, p.size) for p in pieces if p.spaced)
        gap = ITEM_GAP if lines[-1] else 0.0
        first = pen.width(pieces[0].text, pieces[0].kind, pieces[0].size) if pieces else 0.0
        if lines[-1] and at + gap + (width if whole else first) > right():
            at, gap = new_line(x + indent), 0.0
        at += gap
        for p in pieces:
            space = pen.width(" ", p.kind, p.size) if p.spaced and lines[-1] else 0.0
            size = pen.width(p.text, p.kind, p.size)
            if lines[-1] and at + space + size > right():
                at, space = new_line(x + HANG), 0.0
            lines[-1].append((at + space, p))
            at += space + size
            pen.over = max(pen.over, at - right())
    for top, line in zip(tops, lines, strict=True):
        if not line:
            continue
        size = max(p.size for _, p in line)
        base = top + size * PT * ascent_descent()[0]
        run: list[tuple[float, _Word]] = []
        for left, p in line:
            if run and (p.kind, p.size) == (run[-1][1].kind, run[-1][1].size) and p.spaced and \
                    abs(left - _end(pen, run) - pen.width(" ", p.kind, p.size)) < 0.01:
                run.append((left, p))
                continue
            _write(pen, run, base)
            run = [(left, p)]
        _write(pen, run, base)
        y = top + size * PT * LEADING
    return y


def _words(item: list[Run]) -> list[_Word]:
    """An item's words, each with its type; a mark (``•``, ``+``) glued to the word after
    it."""
    out: list[_Word] = []
    mark = ""
    for text, kind, size in item:
        for word in words(text):
            if not any(c.isalnum() for c in word) and len(word) == 1:
                mark += word + " "
                continue
            out.append(_Word(mark + word, kind, size, spaced=bool(out)))
            mark = ""
    return out


def _end(pen: Pen, run: list[tuple[float, _Word]]) -> float:
    left, p = run[-1]
    return left + pen.width(p.text, p.kind, p.size)


def _write(pen: Pen, run: list[tuple[float, _Word]], base: float) -> None:
    """Words side by side in one type as one line of text."""
    if not run:
        return
    first = run[0][1]
    text = " ".join(p.text for _, p in run)
    pen.ops.append(Text(run[0][0], base, text, first.kind, first.size, pen.stretch))
    pen.end = _end(pen, run)


@dataclass(frozen=True)
class Style:
    """How a page is set: the names' size and what a dense week gave up to fit (house
    numbers on the poster's names, the letters' full width, the footer's rules and
    kentongan codes, the floor under which no name's type is made smaller: the size read
    from a metre, 9 pt or 8 pt); every other size follows from the names'."""

    name: float
    houses: bool = True
    stretch: float = 1.0
    rules: bool = True
    floor: float = SMALLEST  # a name's type is never made smaller than this

    @property
    def title(self) -> float:
        return min(self.name * 1.45, 20)

    @property
    def head(self) -> float:
        return self.name * 1.05

    @property
    def small(self) -> float:
        """Dates, the night's other name, holidays, guests: never under 8 pt."""
        return max(self.name * 0.88, FLOOR)

    @property
    def number_floor(self) -> float:
        """Phones and important numbers: 10 pt, 9 pt once names go below 9 pt."""
        return PHONE if self.floor >= SMALLEST else PHONE_FLOOR

    @property
    def phone(self) -> float:
        return max(self.name * 0.9, self.number_floor)

    @property
    def foot(self) -> float:
        return min(max(self.name * 0.72, FLOOR), 9.0)

    @property
    def numbers(self) -> float:
        return max(self.foot, self.number_floor)
