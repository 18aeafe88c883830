"""The foot of a printed page: the legend of the marks on every page; on the last the
signatures at the right and, beside them, the legend, the (patrol) handover line and empty
houses, the rules and kentongan codes (when the style keeps them) and the important numbers.

Each group is a bold heading followed by its items on the same lines, like a paragraph: an
item goes where it fits whole, else on the next line, and a longer item breaks only between
its words. Short items (``Polisi: 110``) share a line instead of taking one each, so the foot
stays as low as the signatures and the nights above get the room.
"""

from __future__ import annotations

from ronda.printing.fonts import ascent_descent
from ronda.printing.layout import (
    HANG,
    LEADING,
    MARGIN,
    PAGE_W,
    PT,
    Box,
    Pen,
    Rule,
    Run,
    Star,
    Style,
    flow,
    words,
)
from ronda.printing.poster import Sheet

FULL = PAGE_W - 2 * MARGIN
SIGN_ROOM = 10.0  # above a signature's name, to sign in
FOOT_GAP = 4.0  # between the footer's text and the signatures
WRITE_IN = 40.0  # the least room to write the handover notes on


def footer(pen: Pen, sheet: Sheet, z: Style, top: float, *, last: bool) -> float:
    """The footer from ``top`` down — on a page before the last the legend only — the
    signatures as wide as their lines or narrower (the place and date on two lines) when
    that leaves the footer lower; returns its height."""
    if not last:
        return legend(pen, sheet, z, top, FULL) - top
    widths = sign_widths(pen, sheet, z)
    if len(widths) > 1:
        def height(width: float) -> float:
            probe = pen.probe()
            return _foot(probe, sheet, z, top, width) + 2 * probe.over
        widths = [min(widths, key=height)]
    return _foot(pen, sheet, z, top, widths[0]) - top


def _foot(pen: Pen, sheet: Sheet, z: Style, y: float, sign_w: float) -> float:
    """The signatures ``sign_w`` mm wide each at the right, the legend and the text beside
    and under them; returns the y under them."""
    low = signatures(pen, sheet, z, y + 0.5, sign_w)
    room = FULL - 2 * sign_w - FOOT_GAP
    y = legend(pen, sheet, z, y, room, handover=sheet.patrol) + 0.5
    for k, paragraph in enumerate(groups(sheet, z)):
        rules = z.rules and k in (int(sheet.patrol), int(sheet.patrol) + 1)  # they run on
        y = flow(pen, paragraph, MARGIN, y, room, wide=FULL, until=low + 0.5, whole=not rules,
                 indent=HANG)
    return max(low, y)


def groups(sheet: Sheet, z: Style) -> list[list[list[Run]]]:
    """The footer's text, a paragraph each, its bold heading first: (patrol) the empty
    houses and the handover, (when kept) the rules and kentongan codes, the important
    numbers."""
    out: list[list[list[Run]]] = []
    foot, numbers = z.foot, z.numbers

    def heading(key: str, size: float = foot) -> list[Run]:
        return [(f"{sheet.label(key)}:", "bold", size)]

    if sheet.patrol:
        houses = sheet.empty_houses or [sheet.label("poster.none")]
        out.append([heading("poster.empty_houses"), *([(f"• {h}", "regular", foot)]
                                                     for h in houses)])
    if z.rules:  # the hours are in the header
        out.append([heading("poster.rules_title"),
                    *([(f"• {r}", "regular", foot)] for r in sheet.rules)])
        out.append([heading("poster.kentongan_title"),
                    *([(f"• {event}: {pattern}", "regular", foot)]
                      for event, pattern in sheet.kentongan)])
    out.append([heading("poster.numbers_title", numbers),
                *([(f"• {label}:", "regular", numbers), (number, "bold", numbers)] if number
                  else [(f"• {label}", "regular", numbers)] for label, number in sheet.numbers)])
    return out


def legend(pen: Pen, sheet: Sheet, z: Style, y: float, width: float, *,
           handover: bool = False) -> float:
    """The leader's star explained and (patrol sheet) the attendance box's letters, in
    ``width`` mm from the left margin; with ``handover``, after them on the same line (or
    under them), the handover notes' line to write on. Returns the y under them."""
    right = MARGIN + width
    star = z.foot * PT * 0.42
    pen.ops.append(Star(MARGIN + star, y + z.foot * PT * 0.45, star))
    x = MARGIN + 2 * star + 1
    text = sheet.label("poster.leader_legend")
    low = pen.block(text, x, y, right - x, "regular", z.foot)
    if sheet.patrol:  # the box by each name: who came
        x = pen.end + 5
        side = z.foot * PT * 0.8
        if x + side + 1 + pen.width("= H", "regular", z.foot) > right:
            x, y = MARGIN, low
        pen.ops.append(Box(x, y + z.foot * PT * 0.06, side, side, 0.5))
        low = pen.block("= " + sheet.label("poster.attendance"), x + side + 1, y,
                        right - x - side - 1, "regular", z.foot)
        y = low - z.foot * PT * LEADING
    if handover:
        label = sheet.label("poster.handover").partition(":")[0] + ":"
        x = pen.end + 5
        if x + pen.width(label, "bold", z.foot) + WRITE_IN > right:
            x, y = MARGIN, low
        low = pen.block(label, x, y, right - x, "bold", z.foot)
        base = y + z.foot * PT * ascent_descent()[0]
        pen.ops.append(Rule(pen.end + 1, base, right, base, 0.3))
    return low


def _signers(sheet: Sheet) -> list[tuple[list[str], str]]:
    """Each signature's lines and name, the right one first: ``Mengetahui,`` on the line of
    the place and date, the offices under them."""
    left = [x for x in sheet.sign_left[:2] if x]
    right = [sheet.place_date, *(x for x in sheet.sign_right[:2] if x)]
    return [(right, f"( {sheet.sign_right[2] or '……………………'} )"),
            (left, f"( {sheet.sign_left[2] or '……………………'} )")]


def _sign_size(z: Style) -> float:
    return max(z.foot * 1.12, 9.0)


def sign_widths(pen: Pen, sheet: Sheet, z: Style) -> list[float]:
    """A signature's width: as wide as its longest line (40 to 70 mm), and, when narrower,
    as wide as its longest piece that cannot break (a date, a name)."""
    size = _sign_size(z)
    lines = [line for lines, _ in _signers(sheet) for line in lines]
    names = [pen.width(name, "bold", size) + 2 for _, name in _signers(sheet)]
    whole = min(70.0, max(40.0, *(pen.width(line, "regular", size) + 2 for line in lines),
                          *names))
    pieces = max(36.0, *names, *(pen.width(piece, "regular", size) + 2
                                 for line in lines for piece in words(line)))
    return [whole] if pieces >= whole - 1 else [whole, pieces]


def signatures(pen: Pen, sheet: Sheet, z: Style, y: float, sign_w: float) -> float:
    """The two signatures ``sign_w`` mm wide at the right edge, from ``y`` down, their
    offices and names on the same lines; returns the y under them."""
    size = _sign_size(z)
    signers = _signers(sheet)
    heights = []
    for lines, _ in signers:
        probe = pen.probe()
        heights.append(sum(probe.centred(line, 0, 0, sign_w - 2, "regular", size)
                           for line in lines))
    low = y
    for k, (lines, name) in enumerate(signers):  # the right one on the edge
        cx = PAGE_W - MARGIN - sign_w * (k + 0.5)
        yy = y + max(heights) - heights[k]
        for line in lines:
            yy = pen.centred(line, cx, yy, sign_w - 2, "regular", size)
        yy = pen.centred(name, cx, yy + SIGN_ROOM, sign_w - 2, "bold", size, underline=True)
        low = max(low, yy)
    return low
