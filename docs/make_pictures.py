"""The pictures of the printed jadwal in README and the guide, made from the tour's data.

    PYTHONPATH=. python docs/make_pictures.py        # writes docs/*.svg (needs pdftocairo)
                                                     # and docs/*.png

Each picture is the PDF page ``ronda roster`` prints for the tour's week (``ronda demo`` on
Tuesday 24/11/2026, and the tour's two-shift demo), turned into SVG by poppler's pdftocairo.
The SVG keeps the SHA-256 of the PDF it was made from, so a test can tell a stale picture
without poppler: it prints the same PDFs and compares. The phone picture is the PNG
``roster --format png`` writes for that week, at half its width (ronda's own output, kept
small for the repository), with the SHA-256 of the full PNG in a text chunk.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import tempfile
from pathlib import Path

DOCS = Path(__file__).resolve().parent
ENV = {"RONDA_TODAY": "2026-11-24", "COLUMNS": "100"}
TWO_SHIFTS = "22.00-01.00=2 sat=3, 01.00-04.00=2 sat=3"
# picture: (the demo's shifts or None, roster options)
PICTURES = {
    "poster.svg": (None, ()),
    "patrol-sheet.svg": (None, ("--patrol-sheet",)),
    "poster-two-shifts.svg": (TWO_SHIFTS, ()),
}
MARK = "<!-- made by docs/make_pictures.py from a PDF with sha256 {} -->"
# picture: (the demo's shifts or None, roster options), written at half its width
PNG_PICTURES = {"jadwal-hp.png": (TWO_SHIFTS, ())}
PNG_MARK = "made by docs/make_pictures.py from a PNG with sha256 {}"


def ronda(*args: str) -> None:
    env = {**os.environ, **ENV, "PYTHONPATH": str(DOCS.parent)}
    subprocess.run([sys.executable, "-m", "ronda", *args], env=env, check=True,
                   capture_output=True)


def pdfs(folder: Path) -> dict[str, bytes]:
    """Each picture's PDF, printed from the tour's data in ``folder``."""
    out = {}
    for name, (slots, options) in PICTURES.items():
        db = folder / ("two.json" if slots else "demo.json")
        if not db.exists():
            ronda("--lang", "id", "--db", str(db), "demo", *(("--slots", slots) if slots else ()))
        pdf = folder / name.replace(".svg", ".pdf")
        ronda("--db", str(db), "roster", "--week", "2026-11-23", "--format", "pdf",
              "--lang", "id", "-o", str(pdf), *options)
        out[name] = pdf.read_bytes()
    return out


def pngs(folder: Path) -> dict[str, bytes]:
    """Each phone picture's full-size PNG, made from the tour's data in ``folder``."""
    out = {}
    for name, (slots, options) in PNG_PICTURES.items():
        db = folder / ("two.json" if slots else "demo.json")
        if not db.exists():
            ronda("--lang", "id", "--db", str(db), "demo", *(("--slots", slots) if slots else ()))
        png = folder / f"full-{name}"
        ronda("--db", str(db), "roster", "--week", "2026-11-23", "--format", "png",
              "--lang", "id", "-o", str(png), *options)
        out[name] = png.read_bytes()
    return out


def made_from(path: Path) -> str:
    """The SHA-256 a docs PNG says it was made from ("" when none)."""
    from PIL import Image

    with Image.open(path) as image:
        note = image.info.get("Source", "")
    return note.rsplit(" ", 1)[-1] if note.startswith(PNG_MARK[:20]) else ""


def small_png(png: bytes) -> bytes:
    """The picture at half its width, in 32 colours: a few tens of kilobytes."""
    import io

    from PIL import Image, PngImagePlugin

    with Image.open(io.BytesIO(png)) as image:
        half = image.resize((image.width // 2, image.height // 2), Image.Resampling.LANCZOS)
    info = PngImagePlugin.PngInfo()
    info.add_text("Source", PNG_MARK.format(digest(png)))
    out = io.BytesIO()
    half.quantize(32).save(out, "PNG", optimize=True, pnginfo=info)
    return out.getvalue()


def digest(pdf: bytes) -> str:
    return hashlib.sha256(pdf).hexdigest()


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        for name, pdf in pdfs(Path(tmp)).items():
            source = Path(tmp) / name.replace(".svg", ".pdf")
            target = Path(tmp) / name
            subprocess.run(["pdftocairo", "-svg", str(source), str(target)], check=True)
            svg = target.read_text("utf-8")
            head, _, rest = svg.partition("\n")
            (DOCS / name).write_text(f"{head}\n{MARK.format(digest(pdf))}\n{rest}", "utf-8")
            print(f"docs/{name}")
        for name, png in pngs(Path(tmp)).items():
            (DOCS / name).write_bytes(small_png(png))
            print(f"docs/{name}")


if __name__ == "__main__":
    main()
