"""``ronda init``: set up a neighbourhood and its data file."""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated

import typer

from ronda.cli.context import State, state
from ronda.cli.options import Yes
from ronda.dates import zone_label
from ronda.errors import BadInput
from ronda.i18n import t
from ronda.i18n.labels import INIT_PROMPT
from ronda.model import Settings, clean_text
from ronda.neighbourhood.config import set_value
from ronda.neighbourhood.places import area_line, parse_rt_rw, place_name, zone_of_place
from ronda.parsing import parse_count
from ronda.store.datafile import create_data

Opt = typer.Option


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
    household_rule: Annotated[str | None, Opt("--household-rule")] = None,
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
        "household-rule": household_rule,
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
        settings = Questions(st, settings, given).ask_all()
    if settings.name == "-":
        settings = set_value(settings, "name", "")  # refused: a neighbourhood needs a name
    with create_data(path, settings, replace=force):
        st.language.learn_setting(settings.lang)
    st.out.done("msg.initialised", name=settings.name, path=str(path))
    st.out.say("msg.next_steps")


Apply = Callable[[Settings, str], Settings]


class Questions:
    """What a coordinator knows, asked in turn in a terminal, each answer checked as it is
    typed (and asked again when it cannot be used); what an option gave is not asked."""

    def __init__(self, st: State, settings: Settings, given: dict[str, str | None]) -> None:
        self.st, self.settings = st, settings
        self.missing = {key for key, value in given.items() if value is None}
        if given["slots"] is None:  # Saturday night's count, unless the slots gave it
            self.missing.add("per-night.sat")

    def put(self, key: str, apply: Apply, *, default: str | None = None,
            required: bool = False) -> str | None:
        """Ask ``key`` until ``apply`` takes the answer; the answer (None when skipped)."""
        answer = self.st.ask(key, lambda v: apply(self.settings, v), required=required,
                             default=default)
        if answer is not None:
            self.settings = apply(self.settings, answer)
        return answer

    def setting(self, key: str) -> Apply:
        return lambda s, v: set_value(s, key, v)

    def ask_all(self) -> Settings:
        lang = self.st.lang
        self.put("prompt.init.rt_rw", lambda s, v: set_value(s, "name", parse_rt_rw(v)),
                 required=True)
        self.place()
        several = self.shifts()
        if "per-night" in self.missing:
            self.put("prompt.init.per_shift" if several else "prompt.init.per_night",
                     self.setting("per-night"), default=str(self.settings.slots[0].required))
        if "per-night.sat" in self.missing:
            first = self.settings.slots[0]
            self.put("prompt.init.saturday_shift" if several else "prompt.init.saturday",
                     _saturday, default=str(first.required_on("sat")))
        if "rest" in self.missing:
            self.put("prompt.init.rest", self.setting("rest"), default=str(self.settings.rest))
        if "household-rule" in self.missing:
            self.put("prompt.init.household", self.setting("household-rule"),
                     default=t("label.yes" if self.settings.household_rule else "label.no",
                               lang))
        for key in ("coordinator.name", "coordinator.phone", "liaison.name", "liaison.phone"):
            if key in self.missing:
                self.put(INIT_PROMPT[key], self.setting(key))
        if "post" in self.missing:
            self.put("prompt.init.post", self.setting("post"), default=self.settings.post)
        return self.settings

    def place(self) -> None:
        """Kelurahan, kecamatan and city make the area line; the city names the place of
        the signature and proposes the time zone."""
        text = _place_text
        kelurahan = kecamatan = None
        if "area" in self.missing:
            kelurahan = self.st.ask("prompt.init.kelurahan", text("kelurahan"))
            kecamatan = self.st.ask("prompt.init.kecamatan", text("kecamatan"))
        city = self.st.ask("prompt.init.city", text("city")) if "city" in self.missing \
            else self.settings.city
        if city and "city" in self.missing:
            self.settings = set_value(self.settings, "city", place_name(city))
        if "area" in self.missing:
            self.settings = set_value(self.settings, "area", area_line(
                kelurahan or "", kecamatan or "", city or ""))
        if "timezone" in self.missing:
            proposed = zone_of_place(city or "") or zone_label(self.settings.timezone)
            self.put("prompt.init.timezone", self.setting("timezone"), default=proposed)

    def shifts(self) -> bool:
        """The night's shifts, one or several; whether there are several. Counts typed with
        them (``22.00-01.00=3, 01.00-04.00=2 sat=4``) are not asked again."""
        if {"slots", "start", "end"} <= self.missing:
            hours = ", ".join(s.hours(self.st.lang) for s in self.settings.slots)
            answer = self.put("prompt.init.slots", self.setting("slots"), default=hours) or ""
            if "=" in answer:
                self.missing.discard("per-night")
            if any(s.by_day for s in self.settings.slots):
                self.missing.discard("per-night.sat")
        return len(self.settings.slots) > 1


def _place_text(field_name: str) -> Callable[[str], str]:
    return lambda v: clean_text(v, field_name=field_name, limit=80)


def _saturday(settings: Settings, value: str) -> Settings:
    """Saturday night's count on every shift; the same as other nights is no exception."""
    if parse_count(value, "per-night.sat", maximum=100) == settings.slots[0].required and \
            all(s.required == settings.slots[0].required for s in settings.slots):
        return set_value(settings, "per-night.sat", "-")
    return set_value(settings, "per-night.sat", value)
