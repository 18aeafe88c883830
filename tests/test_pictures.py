"""README's pictures of the printed jadwal are what ronda prints today."""

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
    for name, pdf in make_pictures.pdfs(tmp_path).items():
        assert f"](docs/{name})" in readme, name
        svg = (DOCS / name).read_text("utf-8")
        made_from = re.search(r"from a PDF with sha256 ([0-9a-f]{64})", svg)
        assert made_from, f"docs/{name} was not made by docs/make_pictures.py"
        assert made_from[1] == make_pictures.digest(pdf), \
            f"docs/{name} is stale: run PYTHONPATH=. python docs/make_pictures.py"
