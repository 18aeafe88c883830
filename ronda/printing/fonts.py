"""The one typeface of the printed jadwal: Bitstream Vera, shipped inside reportlab.

The PDF embeds it, the HTML carries the same files as data URLs and the phone picture is
drawn with them, so a browser and the picture measure and draw what the PDF measures and
draws. This is the only place that knows where the font files are.
"""

from __future__ import annotations

import base64
from functools import cache
from pathlib import Path

FONTS = {"regular": ("RondaSans", "Vera.ttf"), "bold": ("RondaSans-Bold", "VeraBd.ttf"),
         "italic": ("RondaSans-Italic", "VeraIt.ttf")}


def _folder() -> Path:
    import reportlab

    return Path(reportlab.__file__).parent / "fonts"


@cache
def register() -> None:
    """Make the three faces known to reportlab (reads the files once per run)."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    for name, file in FONTS.values():
        if name not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont(name, str(_folder() / file)))


def font_file(kind: str) -> Path:
    """The font file of ``kind`` (regular, bold, italic), for a rasteriser to read."""
    return _folder() / FONTS[kind][1]


def font_name(kind: str) -> str:
    """reportlab's name of ``kind`` (regular, bold, italic)."""
    return FONTS[kind][0]


def width_pt(text: str, kind: str, size: float) -> float:
    """The advance width of ``text`` in points, from the font's own metrics."""
    from reportlab.pdfbase import pdfmetrics

    register()
    return pdfmetrics.stringWidth(text, font_name(kind), size)


@cache
def ascent_descent() -> tuple[float, float]:
    """The face's ascent and descent, as fractions of the font size (both positive)."""
    from reportlab.pdfbase import pdfmetrics

    register()
    face = pdfmetrics.getFont(font_name("regular")).face
    return face.ascent / 1000, -face.descent / 1000


@cache
def data_url(kind: str) -> str:
    """The font file of ``kind`` as a ``data:`` URL for CSS ``@font-face``."""
    raw = (_folder() / FONTS[kind][1]).read_bytes()
    return "data:font/ttf;base64," + base64.b64encode(raw).decode("ascii")
