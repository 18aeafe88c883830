"""``ronda init``: set up a neighbourhood and its data file."""

from __future__ import annotations

from typing import Annotated

import typer

from ronda.cli.context import State, state
from ronda.cli.options import Yes
from ronda.errors import BadInput
from ronda.i18n.labels import INIT_PROMPT
from ronda.model import Settings
from ronda.neighbourhood.config import set_value
from ronda.store.datafile import create_data

Opt = typer.Option

# (config key, prompt asked in a terminal when the option is missing)
PROMPTED = ("name", "area", "city", "timezone", "start", "end", "per-night", "rest",
            "coordinator.name", "coordinator.phone", "liaison.name", "liaison.phone", "post")


def init(
    ctx: typer.Context,
    name: Annotated[str | None, Opt("--name")] = None,
    area: Annotated[str | None, Opt("--area")] = None,
    city: Annotated[str | None, Opt("--city")] = None,
    timezone: Annotated[str | None, Opt("--timezone")] = None,
    lang: Annotated[str | None, Opt("--lang")] = None,
    start: Annotated[str | None, Opt("--start")] = None,
    end: Annotated[str | None, Opt("--end")] = None,
    per_night: Annotated[str | None, Opt("--per-night")] = None,
    slots: Annotated[str | None, Opt("--slots")] = None,
    rest: Annotated[str | None, Opt("--rest")] = None,
    coordinator: Annotated[str | None, Opt("--coordinator")] = None,
    coordinator_phone: Annotated[str | None, Opt("--coordinator-phone")] = None,
    liaison: Annotated[str | None, Opt("--liaison")] = None,
    liaison_phone: Annotated[str | None, Opt("--liaison-phone")] = None,
    post: Annotated[str | None, Opt("--post")] = None,
    post_location: Annotated[str | None, Opt("--post-location")] = None,
    rw_head: Annotated[str | None, Opt("--rw-head")] = None,
    rt_head: Annotated[str | None, Opt("--rt-head")] = None,
    fine: Annotated[str | None, Opt("--fine")] = None,
    jimpitan: Annotated[str | None, Opt("--jimpitan")] = None,
    force: Annotated[bool, Opt("--force")] = False,
    yes: Yes = False,
) -> None:
    """Set up a neighbourhood: name, area, shift hours, contacts. Asks in a terminal; takes
    options in scripts."""
    st = state(ctx)
    given = {
        "name": name, "area": area, "city": city, "timezone": timezone, "lang": lang,
        "slots": slots, "start": start, "end": end, "per-night": per_night, "rest": rest,
        "coordinator.name": coordinator, "coordinator.phone": coordinator_phone,
        "liaison.name": liaison, "liaison.phone": liaison_phone, "post": post,
        "post.location": post_location, "rw-head": rw_head, "rt-head": rt_head,
        "fine": fine, "jimpitan": jimpitan,
    }
    path = st.path
    if path.exists():  # before any question: nothing typed is lost to it
        if not force:
            raise BadInput("err.file_exists", path=str(path))
        st.confirm("confirm.replace_file", yes, path=str(path))
    settings = Settings(name="-", lang=st.lang)
    for key, value in given.items():
        if value is not None:
            settings = set_value(settings, key, value)
    if st.interactive() and name is None:
        settings = _ask(st, settings, given, bool(slots))
    if settings.name == "-":
        settings = set_value(settings, "name", "")  # refused: a neighbourhood needs a name
    with create_data(path, settings, replace=force):
        st.language.learn_setting(settings.lang)
    st.out.done("msg.initialised", name=settings.name, path=str(path))
    st.out.say("msg.next_steps")


def _ask(st: State, settings: Settings, given: dict[str, str | None], slots: bool) -> Settings:
    """Each missing setting asked in turn, each answer checked as it is typed (and asked
    again when it cannot be used)."""
    for key in PROMPTED:
        if given[key] is not None or (key in ("start", "end") and slots):
            continue
        answer = st.ask(INIT_PROMPT[key], lambda v, k=key, s=settings: set_value(s, k, v),
                        required=key == "name")
        if answer is not None:
            settings = set_value(settings, key, answer)
    return settings
