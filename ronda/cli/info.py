"""``ronda info``: where the data file is and what it holds."""

from __future__ import annotations

import os

import typer

from ronda import __version__
from ronda.cli.context import state
from ronda.cli.options import Json
from ronda.cli.output import Output
from ronda.errors import DataFileError
from ronda.i18n import format_int, language_name
from ronda.i18n.labels import DB_SOURCE, record_counts
from ronda.store.datafile import ENV_DB, list_backups


def info(ctx: typer.Context, json: Json = False) -> None:
    """Show where the data file is and what it holds."""
    st = state(ctx)
    path = st.path
    source = "--db" if st.db else (ENV_DB if os.environ.get(ENV_DB) else "default")
    facts: dict[str, object] = {"version": __version__, "path": str(path), "source": source,
                                "exists": path.exists(), "neighbourhood": None, "schema": None,
                                "records": {}, "mode": None, "bytes": None, "lang": None,
                                "backups": len(list_backups(path))}
    if path.exists():
        facts["mode"] = f"{path.stat().st_mode & 0o777:o}"
        facts["bytes"] = path.stat().st_size
        try:
            with st.data() as data:
                facts["neighbourhood"] = data.settings().name
                facts["schema"] = data.schema
                facts["records"] = data.counts()
        except DataFileError as exc:
            facts["problem"] = st.out.t(exc.key, **exc.args_)
    facts["lang"] = st.lang
    st.out.emit(json, facts, lambda: _render_info(st.out, facts, source))


def _render_info(out: Output, facts: dict[str, object], source: str) -> None:
    records = facts["records"]
    pairs = [("info.version", __version__), ("info.path", str(facts["path"])),
             ("info.source", out.t(DB_SOURCE[source])),
             ("info.exists", out.t("label.yes" if facts["exists"] else "label.no"))]
    if facts["exists"]:
        pairs += [("info.neighbourhood", str(facts["neighbourhood"] or "")),
                  ("info.mode", str(facts["mode"])),
                  ("info.bytes", format_int(int(str(facts["bytes"])), out.lang)),
                  ("info.records", record_counts(records, out.lang)
                   if isinstance(records, dict) else ""),
                  ("info.backups", str(facts["backups"]))]
    if "problem" in facts:
        pairs.append(("info.problem", str(facts["problem"])))
    pairs.append(("info.lang", f"{language_name(out.lang)} ({out.lang})"))
    out.fields(pairs)
