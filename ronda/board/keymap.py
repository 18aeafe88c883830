"""The board's keys: one table, from which the bindings, the footer and the help are made.

Each entry names the keys (Textual's names, comma-separated), the action they run, and the
text that says what it does (a key of the catalogue, also the binding's id, by which
``App.set_keymap`` can move the action to other keys). A key given twice is refused when the
table is read, so no key can hide another.
"""

from __future__ import annotations

from typing import NamedTuple


class Key(NamedTuple):
    """Keys that run one action, what it does; ``footer``: shown in the footer line too."""

    keys: str
    action: str
    help: str
    footer: bool = False


BOARD: tuple[Key, ...] = (
    Key("up,k", "up", "board.key.up"),
    Key("down,j", "down", "board.key.down"),
    Key("left,h,left_square_bracket", "previous_week", "board.key.previous_week"),
    Key("right,l,right_square_bracket", "next_week", "board.key.next_week"),
    Key("tab", "next_shift", "board.key.next_shift"),
    Key("shift+tab", "previous_shift", "board.key.previous_shift"),
    Key("home", "first_night", "board.key.first_night"),
    Key("end", "last_night", "board.key.last_night"),
    Key("t", "today", "board.key.today"),
    Key("s", "swap", "board.key.swap", footer=True),
    Key("x", "exchange", "board.key.exchange", footer=True),
    Key("g", "guest", "board.key.guest", footer=True),
    Key("a", "attend", "board.key.attend", footer=True),
    Key("u", "undo", "board.key.undo", footer=True),
    Key("U", "redo", "board.key.redo"),
    Key("n", "phone", "board.key.phone"),
    Key("p", "print", "board.key.print", footer=True),
    Key("w", "whatsapp", "board.key.whatsapp"),
    Key("c", "changes", "board.key.changes"),
    Key("r", "reload", "board.key.reload"),
    Key("escape", "cancel", "board.key.cancel"),
    Key("question_mark", "help", "board.key.help", footer=True),
    Key("q", "quit", "board.key.quit", footer=True),
)

# the attendance form: a person's status, who stood in, saving
ATTENDANCE: tuple[Key, ...] = (
    Key("up,k", "cursor_up", "board.key.cursor_up"),
    Key("down,j", "cursor_down", "board.key.cursor_down"),
    Key("space", "next_status", "board.key.next_status", footer=True),
    Key("1", "status('hadir')", "board.key.status_hadir"),
    Key("2", "status('izin')", "board.key.status_izin"),
    Key("3", "status('sakit')", "board.key.status_sakit"),
    Key("4", "status('tanpa-keterangan')", "board.key.status_tanpa_keterangan"),
    Key("s", "stand_in", "board.key.stand_in", footer=True),
    Key("enter", "save", "board.key.save", footer=True),
    Key("escape", "cancel", "board.key.cancel", footer=True),
)

SHOWN = {"up": "↑", "down": "↓", "left": "←", "right": "→", "tab": "Tab",
         "shift+tab": "Shift+Tab", "home": "Home", "end": "End", "escape": "Esc",
         "enter": "Enter", "space": "Space", "question_mark": "?",
         "left_square_bracket": "[", "right_square_bracket": "]"}


def shown(key: str) -> str:
    """A key as help writes it: ``←``, ``Shift+Tab``, ``[``, ``s``."""
    return SHOWN.get(key, key)


def check_unique(table: tuple[Key, ...]) -> tuple[Key, ...]:
    """The table, once no key in it runs two actions (``ValueError`` naming the key)."""
    seen: dict[str, str] = {}
    for entry in table:
        for key in entry.keys.split(","):
            if key in seen:
                raise ValueError(f"key {key!r} runs both {seen[key]} and {entry.action}")
            seen[key] = entry.action
    return table


def bindings(table: tuple[Key, ...], lang: str) -> list:
    """Textual's bindings for ``table``, each described in ``lang``."""
    from textual.binding import Binding

    from ronda.i18n import t

    return [Binding(entry.keys, entry.action, t(entry.help, lang), show=entry.footer,
                    key_display=shown(entry.keys.split(",")[0]), id=entry.help)
            for entry in check_unique(table)]
