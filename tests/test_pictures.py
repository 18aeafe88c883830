"""The pictures of the printed jadwal (README, the guide) are what ronda prints today, and the
guide's tour is what the commands print."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

DOCS = Path(__file__).resolve().parents[1] / "docs"
sys.path.insert(0, str(DOCS))
import make_pictures  # noqa: E402


@pytest.mark.slow  # it runs ronda six times
def test_readme_s_pictures_are_current(tmp_path: Path) -> None:
    readme = (DOCS.parent / "README.md").read_text("utf-8")
    guide = (DOCS / "guide.md").read_text("utf-8")
    for name, pdf in make_pictures.pdfs(tmp_path).items():
        assert f"](docs/{name})" in readme or f"]({name})" in guide, name
        kept = make_pictures.png_mark(DOCS / name) if name.endswith(".png") else \
            (DOCS / name).read_text("utf-8")
        made_from = re.search(r"from a PDF with sha256 ([0-9a-f]{64})", kept)
        assert made_from, f"docs/{name} was not made by docs/make_pictures.py"
        assert made_from[1] == make_pictures.digest(pdf), \
            f"docs/{name} is stale: run PYTHONPATH=. python docs/make_pictures.py"


def test_the_letter_s_picture_is_a_small_png_made_by_the_script() -> None:
    for name in make_pictures.LETTERS:
        picture = DOCS / name
        assert picture.read_bytes().startswith(b"\x89PNG") and picture.stat().st_size < 150_000
        assert re.search(r"from a PDF with sha256 [0-9a-f]{64}", make_pictures.png_mark(picture))


@pytest.mark.slow  # it runs ronda twice
def test_the_phone_picture_in_the_docs_is_current_and_small(tmp_path: Path) -> None:
    readme = (DOCS.parent / "README.md").read_text("utf-8")
    guide = (DOCS / "guide.md").read_text("utf-8")
    for name, png in make_pictures.pngs(tmp_path).items():
        assert f"](docs/{name})" in readme and f"]({name})" in guide, name
        assert make_pictures.made_from(DOCS / name) == make_pictures.digest(png), \
            f"docs/{name} is stale: run PYTHONPATH=. python docs/make_pictures.py"
        assert (DOCS / name).stat().st_size < 150_000


@pytest.mark.slow
def test_the_readme_tour_shows_what_the_commands_print_today() -> None:
    """The guide's tour is real output: ``docs/tour.py --check`` runs every command again."""
    import subprocess
    import sys

    done = subprocess.run([sys.executable, str(DOCS / "tour.py"), "--check"],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]


@pytest.mark.slow  # it runs ronda twice
def test_the_phone_page_s_picture_is_current_and_small(tmp_path: Path) -> None:
    """docs/phone-page.png is the first screen of the week's HTML on a 390×844 phone (three
    device pixels a CSS pixel, at half size), made from the HTML ronda writes today."""
    from PIL import Image

    readme = (DOCS.parent / "README.md").read_text("utf-8")
    guide = (DOCS / "guide.md").read_text("utf-8")
    panduan = (DOCS / "panduan.md").read_text("utf-8")
    for name, html in make_pictures.htmls(tmp_path).items():
        assert f"](docs/{name})" in readme and f"]({name})" in guide and f"]({name})" in panduan
        assert make_pictures.png_mark(DOCS / name).startswith("made by docs/make_pictures.py "
                                                              "from an HTML page")
        assert make_pictures.made_from(DOCS / name) == make_pictures.digest(html), \
            f"docs/{name} is stale: run PYTHONPATH=. python docs/make_pictures.py"
        with Image.open(DOCS / name) as picture:
            width, height = make_pictures.PHONE
            assert picture.size == (width * 3 // 2, height * 3 // 2)
        assert (DOCS / name).stat().st_size < 150_000
