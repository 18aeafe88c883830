"""The pictures of the printed jadwal in README and the guide, made from the tour's data.

    PYTHONPATH=. python docs/make_pictures.py        # writes docs/*.svg and docs/*.png
                                                     # (needs pdftocairo and pdftoppm)

Each picture is the PDF page ``ronda roster`` prints for the tour's week (``ronda demo`` on
Tuesday 24/11/2026, and the tour's two-shift demo), turned into SVG by poppler's pdftocairo;
the letter to the Polsek (``incident export --format pdf`` on the same demo) is its first page
as a small PNG by pdftoppm (a page of text in SVG weighs ten times more). Each picture keeps the
SHA-256 of the PDF it was made from (in an SVG comment, in a PNG text chunk), so a test can
tell a stale picture without poppler: it prints the same PDFs and compares. The phone picture
is the PNG ``roster --format png`` writes for that week, at half its width (ronda's own output,
kept small for the repository), with the SHA-256 of the full PNG in its text chunk. The phone
page's picture is the same week's ``roster --format html`` as a 390×844 phone shows it in
headless Chromium (tests/browser.py; the reader's clock set to Tuesday 24/11/2026 at 21.00 WIB,
so that night is marked as tonight), at half size, with the SHA-256 of the HTML in its text
chunk.
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
# picture: the export's options (its first page, as PNG)
LETTERS = {"letter.png": ("--format", "pdf")}
MARK = "<!-- made by docs/make_pictures.py from a PDF with sha256 {} -->"
PNG_KEY = "made-by"  # the PNG text chunk holding MARK's words
# picture: (the demo's shifts or None, roster options), written at half its width
PNG_PICTURES = {"jadwal-hp.png": (TWO_SHIFTS, ())}
PNG_MARK = "made by docs/make_pictures.py from a PNG with sha256 {}"
# picture: (the demo's shifts or None, roster options), the HTML's first screen on a phone
SCREEN_PICTURES = {"phone-page.png": (TWO_SHIFTS, ())}
SCREEN_MARK = "made by docs/make_pictures.py from an HTML page with sha256 {}"
PHONE = (390, 844)  # CSS pixels, three device pixels each: a 1170×2532 screenshot
TONIGHT = 'Date.now = () => Date.parse("2026-11-24T21:00:00+07:00");'


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
    for name, options in LETTERS.items():
        pdf = folder / name.replace(".png", ".pdf")
        ronda("--db", str(folder / "demo.json"), "--lang", "id", "incident", "export",
              *options, "-o", str(pdf))
        out[name] = pdf.read_bytes()
    return out


def weeks(folder: Path, pictures: dict[str, tuple[str | None, tuple[str, ...]]],
          form: str) -> dict[str, bytes]:
    """Each picture's week as ``roster --format form`` writes it, from the tour's data in
    ``folder``."""
    out = {}
    for name, (slots, options) in pictures.items():
        db = folder / ("two.json" if slots else "demo.json")
        if not db.exists():
            ronda("--lang", "id", "--db", str(db), "demo", *(("--slots", slots) if slots else ()))
        made = folder / f"full-{Path(name).stem}.{form}"
        ronda("--db", str(db), "roster", "--week", "2026-11-23", "--format", form,
              "--lang", "id", "-o", str(made), *options)
        out[name] = made.read_bytes()
    return out


def pngs(folder: Path) -> dict[str, bytes]:
    """Each phone picture's full-size PNG, made from the tour's data in ``folder``."""
    return weeks(folder, PNG_PICTURES, "png")


def htmls(folder: Path) -> dict[str, bytes]:
    """Each phone page picture's HTML, made from the tour's data in ``folder``."""
    return weeks(folder, SCREEN_PICTURES, "html")


def on_a_phone(html: Path) -> bytes:
    """The page's first screen on a 390×844 phone in headless Chromium, as PNG."""
    tests = str(DOCS.parent / "tests")
    if tests not in sys.path:
        sys.path.insert(0, tests)
    from browser import CHROMIUM, Browser

    if CHROMIUM is None:
        sys.exit("docs/make_pictures.py: the phone page's picture needs chromium")
    shot = html.with_suffix(".shot.png")
    with Browser() as browser:
        browser.open(html, *PHONE, mobile=True, before=TONIGHT)
        browser.run("true")  # its fonts in
        browser.screenshot(shot)
    return shot.read_bytes()


def png_mark(png: Path) -> str:
    """The words a PNG picture keeps of the PDF it was made from ("" if none)."""
    from PIL import Image

    with Image.open(png) as image:
        return image.text.get(PNG_KEY, "")


def made_from(path: Path) -> str:
    """The SHA-256 of the PNG or HTML a phone picture was made from ("" when none)."""
    note = png_mark(path)
    return note.rsplit(" ", 1)[-1] if note.startswith(PNG_MARK[:20]) else ""


def small_png(png: bytes, source: bytes | None = None, mark: str = PNG_MARK) -> bytes:
    """The picture at half its width, in 32 colours: a few tens of kilobytes; ``mark`` with
    the digest of ``source`` (the picture itself unless given) in its text chunk."""
    import io

    from PIL import Image, PngImagePlugin

    with Image.open(io.BytesIO(png)) as image:
        half = image.resize((image.width // 2, image.height // 2), Image.Resampling.LANCZOS)
    info = PngImagePlugin.PngInfo()
    info.add_text(PNG_KEY, mark.format(digest(png if source is None else source)))
    out = io.BytesIO()
    half.quantize(32).save(out, "PNG", optimize=True, pnginfo=info)
    return out.getvalue()


def digest(pdf: bytes) -> str:
    return hashlib.sha256(pdf).hexdigest()


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        for name, pdf in pdfs(Path(tmp)).items():
            if name.endswith(".png"):
                write_png(Path(tmp), name, pdf)
                continue
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
        for name, html in htmls(Path(tmp)).items():
            shot = on_a_phone(Path(tmp) / f"full-{Path(name).stem}.html")
            (DOCS / name).write_bytes(small_png(shot, html, SCREEN_MARK))
            print(f"docs/{name}")


def write_png(folder: Path, name: str, pdf: bytes) -> None:
    """The PDF's first page at 75 dpi in 16 greys (a page of text stays sharp at a tenth of
    the size), with the PDF's digest in a text chunk."""
    from PIL import Image
    from PIL.PngImagePlugin import PngInfo

    source = folder / name.replace(".png", ".pdf")
    subprocess.run(["pdftoppm", "-png", "-r", "75", "-f", "1", "-l", "1", "-singlefile",
                    str(source), str(folder / "page")], check=True)
    info = PngInfo()
    info.add_text(PNG_KEY, MARK.format(digest(pdf)))
    with Image.open(folder / "page.png") as page:
        page.convert("L").quantize(16).save(DOCS / name, pnginfo=info, optimize=True)
    print(f"docs/{name}")


if __name__ == "__main__":
    main()
