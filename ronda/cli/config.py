"""``ronda config``: read and change the neighbourhood's settings."""

from __future__ import annotations

from typing import Annotated

import typer

from ronda.cli._options import Json
from ronda.cli._state import state
from ronda.config import config_items, set_value

app = typer.Typer(no_args_is_help=True, add_completion=False)



@app.command("show")
def show(ctx: typer.Context, json: Json = False) -> None:
    """Show every setting."""
    st = state(ctx)
    with st.data() as data:
        settings = data.settings()
    if json:
        st.out.json(settings.to_dict())
        return
    out = st.out
    rows = []
    for key, value in config_items(settings, out.lang):
        if key.startswith("kentongan.") and not value:
            value = out.t(f"kentongan.{key.split('.', 1)[1]}")
        rows.append([key, value])
    out.table(["col.key", "col.value"], rows, title=settings.name)


@app.command("set")
def set_(
    ctx: typer.Context,
    key: Annotated[str, typer.Argument(metavar="KEY")],
    value: Annotated[str, typer.Argument(metavar="VALUE")],
) -> None:
    """Change one setting."""
    st = state(ctx)
    with st.data(write=True) as data:
        settings = set_value(data.settings(), key, value)
        data.save_settings(settings)
    shown = dict(config_items(settings, st.out.lang)).get(key.strip().lower(), value)
    st.out.done("msg.config_set", key=key.strip().lower(), value=shown)
