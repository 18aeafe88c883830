"""The command groups of ``ronda`` by name, and the Indonesian words for them."""

from __future__ import annotations

# Every command group by name, as "module:object": a group's module is imported only when it
# runs (or help lists it), so start-up stays light however many commands ronda grows.
COMMANDS: dict[str, str] = {
    "init": "ronda.cli.init:init",
    "info": "ronda.cli.info:info",
    "demo": "ronda.cli.demo:demo",
    "config": "ronda.cli.config:app",
    "volunteer": "ronda.cli.volunteer:app",
    "schedule": "ronda.cli.schedule:app",
    "incident": "ronda.cli.incident:app",
    "holiday": "ronda.cli.holiday:app",
    "event": "ronda.cli.event:app",
    "export": "ronda.cli.export:app",
    "publish": "ronda.cli.publish:app",
    "roster": "ronda.cli.roster:roster",
    "kas": "ronda.cli.kas:app",
    "db": "ronda.cli.db:app",
    "area": "ronda.cli.area:app",
    "board": "ronda.cli.board:board",
}

# Indonesian words for commands, in every language, each with the path of the command it
# runs; help shows each beside its command.
ALIASES: dict[str, tuple[str, ...]] = {
    "jadwal": ("schedule",), "warga": ("volunteer",), "cetak": ("roster",),
    "kejadian": ("incident",), "libur": ("holiday",), "acara": ("event",),
    "kalender": ("export", "ics"), "papan": ("board",),
}
