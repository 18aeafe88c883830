"""``ronda incident``: the incident book, police follow-up, stats, exports and the notice."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Annotated

import typer

from ronda.cli.context import State, state
from ronda.cli.files import write_text_file
from ronda.cli.options import Json
from ronda.dates import (
    check_range,
    format_date,
    format_moment,
    format_period,
    parse_date,
    parse_moment,
)
from ronda.errors import BadInput
from ronda.i18n.labels import CATEGORY, INCIDENT_PROMPT, INCIDENT_STATUS, SEVERITY, label
from ronda.incidents.book import (
    Incident,
    Reporter,
    new_incident,
    parse_category,
    parse_severity,
    parse_sp2hp,
    parse_status,
    update_incident,
)
from ronda.incidents.privacy import incident_record
from ronda.model import Settings
from ronda.people.roster import find_volunteer, parse_count
from ronda.schedule.shifts import Shift
from ronda.schedule.timetable import Timetable

app = typer.Typer(no_args_is_help=True, add_completion=False)
Opt = typer.Option
Since = Annotated[str | None, Opt("--since", help="help.opt.since")]
Until = Annotated[str | None, Opt("--until", help="help.opt.until")]
WithReporters = Annotated[bool, Opt("--with-reporters", help="help.opt.with_reporters")]
Text = Annotated[str | None, Opt()]


def _range(since: str | None, until: str | None, today: date) -> tuple[date, date]:
    first = parse_date(since, today) if since else date(2000, 1, 1)
    last = parse_date(until, today) if until else today
    check_range(first, last)
    return first, last


def _warn_reporters(st: State, with_reporters: bool) -> None:
    if with_reporters:
        st.out.warn("warn.with_reporters")


@app.command("log")
def log(ctx: typer.Context, at: Annotated[str | None, Opt("--at")] = None,
        category: Text = None, severity: Annotated[str, Opt("--severity")] = "medium",
        location: Text = None, description: Text = None, who: Text = None,
        witness: Text = None, loss: Annotated[str, Opt("--loss")] = "0", action: Text = None,
        behaviour: Text = None, clothing: Text = None, vehicle: Text = None,
        plate: Text = None, reporter: Annotated[str | None, Opt("--reporter")] = None,
        public_reporter: Annotated[bool, Opt("--public-reporter")] = False,
        json: Json = False) -> None:
    """Record what happened; the reporter is kept apart and confidential."""
    from ronda.money import parse_money

    st = state(ctx)
    asked = _ask(st, at=at, category=category, location=location, description=description,
                 behaviour=behaviour, clothing=clothing)
    with st.data(write=True) as data:
        settings = data.settings()
        now = st.now(settings.timezone)
        moment = parse_moment(asked["at"] or "now", now)
        kind = parse_category(asked["category"] or "")
        report = Incident(
            id=0, occurred_at=moment, recorded_at=now, category=kind,
            description=asked["description"] or "", severity=parse_severity(severity),
            location=asked["location"] or "", who=who or "", witness=witness or "",
            loss=parse_money(loss, "--loss"), action=action or "",
            behaviour=asked["behaviour"] or "", clothing=asked["clothing"] or "",
            vehicle=vehicle or "", plate=plate or "")
        shift = Timetable.of(settings).shift_at(
            moment, data.shifts(moment.date() - timedelta(days=2), moment.date()))
        incident = new_incident(report, now, shift)
        source = _reporter(data.volunteers(), reporter, public_reporter)
        stored = data.add_incident(incident, source)
    st.out.done("msg.incident_logged", id=stored.id,
                when=format_moment(moment, settings.timezone, st.out.lang),
                category=st.out.t(CATEGORY[kind]))
    if shift is None:
        st.out.say("msg.incident_no_shift")
    if source and not source.public:
        st.out.say("msg.reporter_confidential")
    if json:
        st.out.json(incident_record(stored, source, now, with_reporters=False))


def _ask(st: State, **given: str | None) -> dict[str, str | None]:
    """In a terminal, ask for what a script would have given as options."""
    if not st.interactive():
        return given
    for key in ("at", "category", "location", "description"):
        if given[key] is None:
            given[key] = typer.prompt(st.out.t(INCIDENT_PROMPT[key]), default="",
                                      show_default=False, err=True) or None
    if given["category"] and given["category"].strip().lower() in ("suspicious",
                                                                     "mencurigakan"):
        for key in ("behaviour", "clothing"):
            if given[key] is None:
                given[key] = typer.prompt(st.out.t(INCIDENT_PROMPT[key]), default="",
                                          show_default=False, err=True) or None
    return given


def _reporter(people, name: str | None, public: bool) -> Reporter | None:  # noqa: ANN001
    from ronda.model import clean_text

    if name is None:
        return None
    try:
        v = find_volunteer(people, name)
        return Reporter(0, v.name, v.id, public)
    except BadInput as exc:
        if exc.key == "err.volunteer_ambiguous":  # never a guess: a purge must find them
            raise
        return Reporter(0, clean_text(name, field_name="--reporter", required=True), None,
                        public)


def _find(data, number: str) -> Incident:  # noqa: ANN001
    n = parse_count(number.lstrip("#"), "ID", minimum=1, maximum=10**9)
    found = data.incident(n)
    if found is None:
        raise BadInput("err.incident_not_found", id=n)
    return found


@app.command("update")
def update(ctx: typer.Context, number: Annotated[str, typer.Argument(metavar="ID")],
           status: Text = None, police_station: Text = None, lp: Text = None,
           sttlp: Text = None, sp2hp: Text = None, note: Text = None) -> None:
    """Follow up: status, police station, LP, STTLP, SP2HP, notes; all kept in the timeline."""
    st = state(ctx)
    with st.data(write=True) as data:
        now = st.now(data.settings().timezone)
        incident = _find(data, number)
        changed = update_incident(incident, now,
                                  status=parse_status(status) if status else None,
                                  station=police_station, lp=lp, sttlp=sttlp,
                                  sp2hp=parse_sp2hp(sp2hp) if sp2hp else None, note=note)
        data.save_incident(changed)
    st.out.done("msg.incident_updated", id=changed.id,
                count=len(changed.timeline) - len(incident.timeline))


def _on_duty_text(i: Incident, linked: Shift | None, settings: Settings,
                  people: dict, lang: str) -> str:
    """``Senin, 23/11/2026 01.00–04.00 WIB · ★ Slamet, Joko``: the team on duty then."""
    if not i.shift:
        return "-"
    when = format_date(i.shift[0], lang)
    if linked is not None:
        when += " " + Timetable.of(settings).hours_of(linked, lang)
    leader = linked.leader if linked else None
    names = ", ".join(("★ " if p == leader else "") + people[p].name
                      for p in i.on_duty if p in people and people[p].name)
    return f"{when} · {names}" if names else when


@app.command("show")
def show(ctx: typer.Context, number: Annotated[str, typer.Argument(metavar="ID")],
         with_reporters: WithReporters = False, json: Json = False) -> None:
    """The full record and its timeline."""
    st = state(ctx)
    with st.data() as data:
        settings = data.settings()
        now = st.now(settings.timezone)
        incident = _find(data, number)
        reporter = data.reporters().get(incident.id)
        people = {v.id: v for v in data.volunteers()}
        evening = incident.shift[0] if incident.shift else None
        linked = next((s for s in data.shifts(evening, evening)
                       if s.slot == incident.shift[1]), None) if incident.shift else None
    _warn_reporters(st, with_reporters)
    if json:
        st.out.json(incident_record(incident, reporter, now, with_reporters))
        return
    from ronda.incidents.report import status_text

    out, lang = st.out, st.out.lang
    i = incident
    pairs = [("col.when", format_moment(i.occurred_at, settings.timezone, lang)),
             ("col.category", out.t(CATEGORY[i.category])),
             ("col.severity", out.t(SEVERITY[i.severity])),
             ("col.location", i.location), ("col.description", i.description),
             ("col.who", i.who),
             ("col.witness", i.witness if with_reporters else
              (out.t("label.confidential") if i.witness else "")),
             ("col.loss", _money(i.loss)), ("col.action", i.action),
             ("col.behaviour", i.behaviour), ("col.clothing", i.clothing),
             ("col.vehicle", i.vehicle), ("col.plate", i.plate),
             ("col.status", status_text(i, lang)),
             ("col.police", " · ".join(_police_field(out, k, v)
                                       for k, v in i.police.to_dict().items() if v)),
             ("col.shift", _on_duty_text(i, linked, settings, people, lang))]
    if reporter and (reporter.public or with_reporters):
        pairs.append(("col.reporter", reporter.name))
    elif reporter:
        pairs.append(("col.reporter", out.t("label.confidential")))
    out.fields([(k, v) for k, v in pairs if v], title=f"#{i.id}" +
               (" · " + out.t("label.overdue") if i.overdue(now) else ""))
    out.table(["col.when", "col.change"],
              [[format_moment(c.at, settings.timezone, lang), _change_text(out, c)]
               for c in i.timeline], title=out.t("col.timeline"))


def _money(amount: int) -> str:
    from ronda.money import format_money

    return format_money(amount) if amount else ""


def _change_text(out, c) -> str:  # noqa: ANN001
    if c.field == "note":
        return f"{out.t('col.note')}: {c.new}"
    if c.field == "status":
        old = label(INCIDENT_STATUS, c.old, out.lang) if c.old else "–"
        return f"{out.t('col.status')}: {old} → {label(INCIDENT_STATUS, c.new, out.lang)}"
    return _police_field(out, c.field, f"{c.old or '–'} → {c.new}")


def _police_field(out, name: str, value: str) -> str:  # noqa: ANN001
    """``Police station: Polsek Tembalang``, ``LP: …``, ``SP2HP: A3``."""
    title = out.t("col.station") if name == "station" else name.upper()
    return f"{title}: {value}"


def _select(data, st: State, since, until, category, status, search):  # noqa: ANN001, ANN202
    settings = data.settings()
    today = st.today(settings.timezone)
    first, last = _range(since, until, today)
    found = data.incidents(first, last)
    if category:
        kind = parse_category(category)
        found = [i for i in found if i.category == kind]
    if status:
        wanted = parse_status(status)
        found = [i for i in found if i.status == wanted]
    if search:
        needle = search.casefold()
        found = [i for i in found if needle in " ".join(
            (i.description, i.location, i.who, i.action, i.behaviour, i.clothing,
             i.vehicle, i.plate, i.police.lp or "")).casefold()]  # never the witness
    return settings, first, last, found


@app.command("list")
def list_(ctx: typer.Context, since: Since = None, until: Until = None, category: Text = None,
          status: Text = None, search: Text = None, with_reporters: WithReporters = False,
          json: Json = False) -> None:
    """The incident book, newest last; overdue follow-ups are flagged."""
    from ronda.incidents.report import status_text

    st = state(ctx)
    with st.data() as data:
        settings, first, last, found = _select(data, st, since, until, category, status,
                                               search)
        reporters = data.reporters() if (json or with_reporters) else {}
        now = st.now(settings.timezone)
    _warn_reporters(st, with_reporters)
    if json:
        st.out.json([incident_record(i, reporters.get(i.id), now, with_reporters) for i in found])
        return
    out, lang = st.out, st.out.lang
    rows = []
    for i in found:
        row = [str(i.id), format_moment(i.occurred_at, settings.timezone, lang),
               out.t(CATEGORY[i.category]), i.location,
               i.description if len(i.description) <= 60 else i.description[:59] + "…",
               status_text(i, lang) + (" ⚠ " + out.t("label.overdue") if i.overdue(now) else "")]
        if with_reporters:
            r = reporters.get(i.id)
            row.append(r.name if r else "")
        rows.append(row)
    headers = ["col.id", "col.when", "col.category", "col.location", "col.description",
               "col.status"] + (["col.reporter"] if with_reporters else [])
    out.table(headers, rows)
    out.say("msg.incident_count", count=len(found), overdue=sum(i.overdue(now) for i in found))


@app.command("stats")
def stats(ctx: typer.Context, since: Since = None, until: Until = None,
          json: Json = False) -> None:
    """Counts, the crime clock, the trend by month, patrols against incidents, follow-up."""
    from ronda.incidents.report import incident_stats

    st = state(ctx)
    with st.data() as data:
        settings, first, last, found = _select(data, st, since, until, None, None, None)
        timetable = Timetable.of(settings)
        if found and not since:  # from the evening of the first incident
            first = timetable.evening_of(found[0].occurred_at)
        shifts = data.shifts(first - timedelta(days=1), last)
        now = st.now(settings.timezone)
    result = incident_stats(found, shifts, first, last, timetable, now)
    if json:
        st.out.json(result)
        return
    from ronda.cli.incident_view import render_stats

    render_stats(st.out, result, format_period(first, last, st.out.lang))


@app.command("export")
def export(ctx: typer.Context, format_: Annotated[str, Opt("--format")] = "csv",
           since: Since = None, until: Until = None,
           output: Annotated[str, Opt("--output", "-o")] = "-",
           with_reporters: WithReporters = False) -> None:
    """The report for the RW meeting and the Bhabinkamtibmas, redacted by default."""
    from ronda.cli.incident_view import export_text

    st = state(ctx)
    fmt = format_.strip().lower()
    if fmt not in ("csv", "json", "md"):
        raise BadInput("err.bad_choice", field="--format", value=format_, choices="csv, json, md")
    with st.data() as data:
        settings, first, last, found = _select(data, st, since, until, None, None, None)
        reporters = data.reporters()
        now = st.now(settings.timezone)
    _warn_reporters(st, with_reporters)
    rows = [incident_record(i, reporters.get(i.id), now, with_reporters) for i in found]
    write_text_file(output, export_text(fmt, rows, settings, first, last, st.out.lang,
                                        with_reporters))
    if output != "-":
        st.out.done("msg.exported_incidents", count=len(rows), path=output)


@app.command("board")
def board(ctx: typer.Context, weeks: Annotated[str, Opt("--weeks")] = "4",
          output: Annotated[str, Opt("--output", "-o")] = "-") -> None:
    """A notice for the pos with no names at all: what was reported and what became of it."""
    from ronda.incidents.report import board_lines

    st = state(ctx)
    count = parse_count(weeks, "--weeks", minimum=1, maximum=52)
    with st.data() as data:
        settings = data.settings()
        today = st.today(settings.timezone)
        first = today - timedelta(weeks=count) + timedelta(days=1)
        found = data.incidents(first, today)
    lines = board_lines(found, first, today, st.out.lang, settings.name,
                        format_period(first, today, st.out.lang))
    write_text_file(output, "\n".join(lines) + "\n")
    if output != "-":
        st.out.done("msg.roster_written", path=output, weeks=count)
