"""The week as a picture for the phone (``roster --format png``): 1080 pixels wide, the width
WhatsApp sends, as tall as the week needs, a night a block — its date and its name
(``Malam Minggu``), its holiday, each shift's hours, the people with the leader starred as on
the poster, and the guests — under the RT's name and the week. ``--tonight`` gives one night's
card for the evening reminder.

It is set from the same sheet as the poster (poster.py), measured and wrapped by the same pen
in the same face (layout.py, fonts.py): a line breaks only at a space, never inside a word,
date or time range. Names are 46 px, never under 40 px (only a single word wider than the
whole line is made smaller, so that it stays whole). One pixel is one point here, so every
size below is in pixels.

It is public, like the poster: no phone (not even the important numbers) and no empty house.
Pillow draws it, imported only when a picture is made.
"""

from __future__ import annotations

import io
import math
from collections.abc import Sequence
from dataclasses import dataclass, field

from ronda.dates import indonesian_formats
from ronda.printing.layout import PT, Box, Op, Pen, Rule, Star, Text, measure
from ronda.printing.poster import Night, Person, Sheet

WIDTH_PX = 1080
PX = 72 / 25.4  # pixels a millimetre: a point is a pixel
WIDTH = WIDTH_PX / PX  # the picture's width in millimetres, the pen's unit
SIDE, PAD, GAP, HANG = 32 / PX, 28 / PX, 24 / PX, 28 / PX
NAME, NAME_LEAST, WORD_FLOOR = 46.0, 40.0, 24.0
TITLE, RT, HEAD, HOURS, GUEST, SMALL = 56.0, 46.0, 50.0, 42.0, 42.0, 34.0
LEADING = 1.2
INNER = WIDTH - 2 * (SIDE + PAD)  # a block's text width


@dataclass(frozen=True)
class Band:
    """A filled rectangle behind text: a night's head (``tone``: ``head`` or ``tonight``)."""

    x: float
    y: float
    w: float
    h: float
    tone: str


@dataclass(frozen=True)
class Written:
    """A name (or guest) as drawn: its text and the lines it took."""

    text: str
    lines: tuple[Text, ...]


@dataclass
class Picture:
    """What to draw, in millimetres from the top-left corner, and every name's lines."""

    height: float = 0.0
    ops: list[Op | Band] = field(default_factory=list)
    names: list[Written] = field(default_factory=list)

    @property
    def size(self) -> tuple[int, int]:
        """Width and height in pixels."""
        return WIDTH_PX, math.ceil(self.height * PX)


def week_picture(sheets: Sequence[Sheet]) -> Picture:
    """The weeks one under the other, each under its header, a night a block."""
    picture = Picture()
    pen = Pen(picture.ops)
    y = SIDE
    for k, sheet in enumerate(sheets):
        if k:
            picture.ops.append(Rule(SIDE, y, WIDTH - SIDE, y, 3.0))
            y += GAP
        y = _head(pen, [(sheet.title, "bold", TITLE), (sheet.neighbourhood, "bold", RT),
                        (sheet.area, "regular", SMALL), (sheet.post, "regular", SMALL),
                        (sheet.period, "bold", HOURS), (sheet.hours_line, "regular", SMALL)], y)
        for night in sheet.nights:
            y = _night(pen, picture, sheet, night, y, "head") + GAP
        y = _foot(pen, sheet, sheet.rules, y)
    picture.height = y + SIDE
    return picture


def tonight_picture(sheet: Sheet, night: Night) -> Picture:
    """Tonight's card: the reminder's head, the night's block, where to meet."""
    picture = Picture()
    pen = Pen(picture.ops)
    hours = f"{night.shifts[0].named} {sheet.zone}" if len(night.shifts) == 1 else \
        sheet.hours_line
    y = _head(pen, [(sheet.label("wa.tonight"), "bold", TITLE),
                    (sheet.neighbourhood, "bold", RT), (hours, "regular", SMALL)], SIDE)
    y = _night(pen, picture, sheet, night, y, "tonight") + GAP
    notes = [sheet.label("wa.meet_at", post=sheet.post)] if sheet.post else []
    if sheet.jimpitan:
        notes.append(sheet.label("wa.jimpitan", amount=sheet.jimpitan))
    y = _foot(pen, sheet, [*notes, sheet.label("wa.footer")], y)
    picture.height = y + SIDE
    return picture


def _head(pen: Pen, lines: list[tuple[str, str, float]], y: float) -> float:
    """Centred header lines, each as wide as the picture allows; a line of parts joined by
    " · " (the shifts' hours) too wide for one line gives each part its own line."""
    room = WIDTH - 2 * SIDE
    for text, kind, size in lines:
        parts = [text] if measure(text, kind, size) <= room else text.split(" · ")
        for part in filter(None, parts):
            y = pen.centred(part, WIDTH / 2, y, room, kind, size, floor=WORD_FLOOR)
    return y + GAP


def _night(pen: Pen, picture: Picture, sheet: Sheet, night: Night, y: float,
           tone: str) -> float:
    """One night's block from ``y`` down: the head on a band, then each shift; returns the y
    under it."""
    top, x = y, SIDE + PAD
    mark = len(pen.ops)
    y = pen.block(f"{night.day} {night.date_text}", x, y + PAD * 0.6, INNER, "bold", HEAD,
                  leading=LEADING, floor=WORD_FLOOR, hang=0)
    if indonesian_formats(sheet.lang):  # "Malam Minggu" beside the date, or under it
        room = x + INNER - pen.end - GAP
        last = pen.ops[-1]
        alias = pen.width(night.night, "italic", HOURS)
        if isinstance(last, Text) and alias <= room:
            pen.ops.append(Text(x + INNER - alias, last.y, night.night, "italic", HOURS))
        else:
            y = pen.block(night.night, x, y, INNER, "italic", HOURS, leading=LEADING,
                          floor=WORD_FLOOR)
    if night.holiday:
        y = pen.block(night.holiday, x, y, INNER, "italic", HOURS, leading=LEADING,
                      floor=WORD_FLOOR)
    band = y + PAD * 0.4
    pen.ops.insert(mark, Band(SIDE, top, WIDTH - 2 * SIDE, band - top, tone))
    y = band + PAD * 0.6
    several = len(night.shifts) > 1
    if not night.people and not several:
        y = _note(pen, sheet.label("poster.no_duty"), x, y)
    for k, watch in enumerate(night.shifts):
        if k:
            pen.ops.append(Rule(x, y + PAD * 0.2, x + INNER, y + PAD * 0.2, 1.5))
            y += PAD * 0.6
        y = pen.block(watch.named or watch.hours, x, y, INNER, "bold", HOURS, leading=LEADING,
                      floor=WORD_FLOOR) + PAD * 0.2
        if several and not watch.people and not watch.guests:
            y = _note(pen, sheet.label("poster.no_duty"), x, y)
        for p in watch.people:
            y = _person(pen, picture, p, x, y)
        for g in watch.guests:
            start = len(pen.ops)
            y = pen.block(f"+ {g}", x, y, INNER, "italic", GUEST, leading=LEADING,
                          floor=WORD_FLOOR, hang=HANG)
            picture.names.append(Written(f"+ {g}", _texts(pen.ops[start:])))
    bottom = y + PAD * 0.6
    pen.ops.append(Box(SIDE, top, WIDTH - 2 * SIDE, bottom - top, 2.0))
    return bottom


def name_text(p: Person) -> str:
    """A name as the picture writes it: with the house, as on the poster."""
    return p.name + (f" ({p.house})" if p.house else "")


def _person(pen: Pen, picture: Picture, p: Person, x: float, y: float) -> float:
    """A person's lines, the leader starred and in bold; returns the y under them."""
    left = x
    if p.leader:
        star = NAME * PT * 0.42
        pen.ops.append(Star(left + star, y + NAME * PT * 0.5, star))
        left += 2 * star + 10 / PX
    start = len(pen.ops)
    text = name_text(p)
    y = pen.block(text, left, y, x + INNER - left, "bold" if p.leader else "regular", NAME,
                  leading=LEADING, floor=WORD_FLOOR, hang=HANG)
    picture.names.append(Written(text, _texts(pen.ops[start:])))
    return y


def _note(pen: Pen, text: str, x: float, y: float) -> float:
    return pen.block(text, x, y, INNER, "italic", HOURS, leading=LEADING, floor=WORD_FLOOR)


def _foot(pen: Pen, sheet: Sheet, notes: Sequence[str], y: float) -> float:
    """The leader's star explained, then ``notes`` (rules, where to meet), one a line."""
    star = SMALL * PT * 0.42
    pen.ops.append(Star(SIDE + star, y + SMALL * PT * 0.5, star))
    y = pen.block(sheet.label("poster.leader_legend"), SIDE + 2 * star + 8 / PX, y,
                  WIDTH - 2 * SIDE, "regular", SMALL, leading=LEADING, floor=WORD_FLOOR)
    for note in notes:
        y = pen.block(f"• {note}", SIDE, y, WIDTH - 2 * SIDE, "regular", SMALL,
                      leading=LEADING, floor=WORD_FLOOR, hang=HANG)
    return y


def _texts(ops: Sequence[Op | Band]) -> tuple[Text, ...]:
    return tuple(op for op in ops if isinstance(op, Text))


# ------------------------------------------------------------------ drawing

PAPER, INK, FRAME = (255, 255, 255), (17, 17, 17), (120, 130, 140)
TONES = {"head": (230, 236, 244), "tonight": (255, 224, 130)}
STAR_INK = (17, 17, 17)


def picture_png(picture: Picture) -> bytes:
    """The picture as PNG bytes (the same picture gives the same bytes)."""
    from PIL import Image, ImageDraw, ImageFont, features

    from ronda.printing.fonts import font_file

    image = Image.new("RGB", picture.size, PAPER)
    draw = ImageDraw.Draw(image)
    # raqm without kerning advances each letter exactly as the pen measured it
    raqm = features.check_feature("raqm")
    engine = ImageFont.Layout.RAQM if raqm else ImageFont.Layout.BASIC
    fonts: dict[tuple[str, float], ImageFont.FreeTypeFont] = {}

    def font(kind: str, size: float) -> ImageFont.FreeTypeFont:
        if (kind, size) not in fonts:
            fonts[kind, size] = ImageFont.truetype(str(font_file(kind)), size,
                                                   layout_engine=engine)
        return fonts[kind, size]

    def px(v: float) -> float:
        return v * PX

    for op in picture.ops:
        if isinstance(op, Band):
            draw.rectangle((px(op.x), px(op.y), px(op.x + op.w), px(op.y + op.h)),
                           fill=TONES[op.tone])
        elif isinstance(op, Text):
            draw.text((px(op.x), px(op.y)), op.text, fill=INK, font=font(op.kind, op.size),
                      anchor="ls", features=["-kern"] if raqm else None)
        elif isinstance(op, Rule):
            draw.line((px(op.x1), px(op.y1), px(op.x2), px(op.y2)), fill=FRAME,
                      width=max(1, round(op.weight)))
        elif isinstance(op, Box):
            draw.rectangle((px(op.x), px(op.y), px(op.x + op.w), px(op.y + op.h)),
                           outline=FRAME, width=max(1, round(op.weight)))
        elif isinstance(op, Star):
            _star(image, [(px(a), px(b)) for a, b in op.points()])
    out = io.BytesIO()
    image.save(out, "PNG", compress_level=3)  # a third faster than 6, 2.5 % larger
    return out.getvalue()


def _star(image, points: list[tuple[float, float]], scale: int = 4) -> None:  # noqa: ANN001
    """A filled star, smoothed: drawn four times larger on a mask, then scaled down."""
    from PIL import Image, ImageDraw

    left, top = math.floor(min(x for x, _ in points)) - 1, math.floor(min(y for _, y in points)) - 1
    w = math.ceil(max(x for x, _ in points)) + 2 - left
    h = math.ceil(max(y for _, y in points)) + 2 - top
    mask = Image.new("L", (w * scale, h * scale), 0)
    ImageDraw.Draw(mask).polygon([((x - left) * scale, (y - top) * scale) for x, y in points],
                                 fill=255)
    image.paste(STAR_INK, (left, top, left + w, top + h),
                mask.resize((w, h), Image.Resampling.LANCZOS))


def week_png(sheets: Sequence[Sheet]) -> bytes:
    return picture_png(week_picture(sheets))


def tonight_png(sheet: Sheet, night: Night) -> bytes:
    return picture_png(tonight_picture(sheet, night))
