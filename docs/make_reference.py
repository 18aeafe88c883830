"""The command reference, written from the commands' own help so it cannot drift from them.

    python docs/make_reference.py            # writes docs/reference.md and docs/referensi.md
    python docs/make_reference.py --check    # changes nothing; exits 1 if either is stale

Every command and group, in the order ``ronda --help`` lists them, with what ``ronda COMMAND
--help`` prints at 100 columns without colour: English in ``reference.md``, Bahasa Indonesia
in ``referensi.md``.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

FILES = {"en": ROOT / "docs" / "reference.md", "id": ROOT / "docs" / "referensi.md"}
TITLE = {"en": ("# Command reference", "Every command of ronda as `--help` shows it (written by "
                "`docs/make_reference.py`; the guide shows them at work: [guide.md](guide.md))."),
         "id": ("# Referensi perintah", "Setiap perintah ronda seperti yang ditampilkan `--help` "
                "(ditulis oleh `docs/make_reference.py`; contoh pemakaian: "
                "[panduan.md](panduan.md)).")}
ENV = {"COLUMNS": "100", "NO_COLOR": "1", "RONDA_LANG": None, "RONDA_DB": None,
       "LANG": "C.UTF-8", "LC_ALL": None, "LC_MESSAGES": None, "RONDA_TODAY": "2026-11-24"}


def _paths(command, prefix: tuple[str, ...] = ()) -> Iterator[tuple[str, ...]]:  # noqa: ANN001
    # in the order the groups declare their commands, not the order they happened to be built
    for name in command.list_commands(None) if hasattr(command, "commands") else ():
        yield (*prefix, name)
        yield from _paths(command.commands[name], (*prefix, name))


def commands() -> list[tuple[str, ...]]:
    """Every command path, as the root lists them (each once, aliases left out)."""
    import typer

    from ronda.cli.app import app
    from ronda.cli.help import translate_help

    root = typer.main.get_command(app)
    translate_help(root, "en")
    root.load_all()
    seen: set[int] = set()
    out = []
    for path in _paths(root):
        command = root
        for name in path:
            command = command.commands[name]
        if id(command) not in seen:  # an alias is the same command under another name
            seen.add(id(command))
            out.append(path)
    return out


def reference(lang: str) -> str:
    """The reference in ``lang``, as Markdown."""
    from typer.testing import CliRunner

    from ronda.cli.app import app

    runner = CliRunner()
    title, intro = TITLE[lang]
    parts = [title, "", intro, ""]
    for path in [(), *commands()]:
        shown = runner.invoke(app, ["--lang", lang, *path, "--help"], env=ENV, prog_name="ronda")
        assert shown.exit_code == 0, (path, shown.output)
        text = "\n".join(line.rstrip() for line in shown.stdout.strip("\n").split("\n"))
        parts += [f"## ronda {' '.join(path)}".rstrip(), "", "```text", text, "```", ""]
    return "\n".join(parts)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args()
    stale = []
    for lang, path in FILES.items():
        text = reference(lang)
        if path.exists() and path.read_text("utf-8") == text:
            continue
        stale.append(path.name)
        if not args.check:
            path.write_text(text, "utf-8")
    if stale:
        print(("stale: " if args.check else "written: ") + ", ".join(stale))
    return 1 if args.check and stale else 0


if __name__ == "__main__":
    sys.exit(main())
