"""The board's pictures in the guide and the panduan: Textual's own SVG screenshots of
``ronda board`` at 80×24 on the tour's demo (``ronda demo`` on Tuesday 24/11/2026, 20.00).

    PYTHONPATH=. python docs/make_board_pictures.py     # writes docs/board-*.svg

A short recording in three frames: the week as it opens, the list ``s`` shows (who may take
the place, and the rule each of the others would bend), and the status line after the swap;
then the week as it opens in Bahasa Indonesia.
"""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
import tempfile
from datetime import datetime
from pathlib import Path

DOCS = Path(__file__).resolve().parent
TODAY, NOW = "2026-11-24", "2026-11-24T20:00:00+07:00"


def demo(folder: Path, lang: str) -> Path:
    path = folder / f"demo-{lang}.json"
    subprocess.run([sys.executable, "-m", "ronda", "--db", str(path), "--lang", lang, "demo"],
                   env={**os.environ, "RONDA_TODAY": TODAY,
                        "PYTHONPATH": str(DOCS.parent)}, check=True, capture_output=True)
    return path


async def frames(path: Path, lang: str, keys: list[list[str]]) -> list[str]:
    """The SVG of the screen as the board opens, then after each group of ``keys``."""
    from ronda.board.app import BoardApp
    from ronda.board.model import Board

    moment = datetime.fromisoformat(NOW)
    app = BoardApp(Board(path, lambda tz: moment), lang)
    shots = []
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        shots.append(app.export_screenshot(title="ronda board"))
        for group in keys:
            await pilot.press(*group)
            await pilot.pause()
            shots.append(app.export_screenshot(title="ronda board"))
    return shots


def pictures() -> dict[str, str]:
    """Each picture's name and SVG, made now."""
    sys.path.insert(0, str(DOCS.parent))
    with tempfile.TemporaryDirectory() as tmp:
        english = asyncio.run(frames(demo(Path(tmp), "en"), "en",
                                     [["down", "s"], ["enter"]]))
        indonesian = asyncio.run(frames(demo(Path(tmp), "id"), "id", []))
    return dict(zip(("board-1-week.svg", "board-2-swap.svg", "board-3-swapped.svg",
                     "papan.svg"), [*english, *indonesian], strict=True))


def main() -> None:
    for name, svg in pictures().items():
        (DOCS / name).write_text(svg, "utf-8")
        print(f"docs/{name}")


if __name__ == "__main__":
    main()
