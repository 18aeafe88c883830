"""The pictures of the printed jadwal in README and the guide, made from the tour's data.

    PYTHONPATH=. python docs/make_pictures.py        # writes docs/*.svg (needs pdftocairo)

Each picture is the PDF page ``ronda roster`` prints for the tour's week (``ronda demo`` on
Tuesday 24/11/2026, and the tour's two-shift demo), turned into SVG by poppler's pdftocairo.
The SVG keeps the SHA-256 of the PDF it was made from, so a test can tell a stale picture
without poppler: it prints the same PDFs and compares.
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


if __name__ == "__main__":
    main()
