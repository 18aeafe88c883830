"""``ronda incident``: the incident book, police follow-up, stats, exports and the notice."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Annotated

import typer

from ronda.cli.context import State, state
from ronda.cli.files import write_text_file
from ronda.cli.incident.view import render_book, render_incident, render_stats
from ronda.cli.options import Json, parse_format
from ronda.dates import (
    format_date,
    format_moment,
    format_period,
    month_of,
    parse_moment,
    resolve_period,
)
from ronda.errors import BadInput
from ronda.i18n import Term
from ronda.i18n.labels import CATEGORY, CATEGORY_WORDS, INCIDENT_PROMPT
from ronda.incidents.book import (
    EARLIEST,
    Incident,
    new_incident,
    numbered_incidents,
    opening_evening,
    parse_category,
    parse_severity,
    parse_sp2hp,
    parse_status,
    reporter_of,
    select_incidents,
    update_incident,
    void_incident,
)
from ronda.incidents.export import FORMATS, incident_file
from ronda.incidents.privacy import incident_record, people_shown
from ronda.incidents.report import board_lines, incident_stats
from ronda.parsing import find_choice, parse_count
from ronda.schedule.timetable import Timetable

app = typer.Typer(no_args_is_help=True, add_completion=False)
Opt = typer.Option
Since = Annotated[str | None, Opt("--since", help="help.opt.since")]
Until = Annotated[str | None, Opt("--until", help="help.opt.until")]
WithReporters = Annotated[bool, Opt("--with-reporters", help="help.opt.with_reporters")]
Text = Annotated[str | None, Opt()]


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
    """Record an incident; asks in a terminal, takes options in scripts."""
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
        source = reporter_of(data.volunteers(), reporter, public_reporter)
        stored = data.add_incident(incident, source)
    st.out.done("msg.incident_logged", id=stored.id,
                when=format_moment(moment, settings.timezone, st.out.lang),
                category=st.out.t(CATEGORY[kind]))
    if shift is None:
        st.out.say("msg.incident_no_shift")
    if source and not source.public:
        st.out.say("msg.reporter_confidential")
    st.out.emit(json, lambda: incident_record(stored, source, now, with_reporters=False),
                lambda: None)  # the new record, for scripts


def _ask(st: State, **given: str | None) -> dict[str, str | None]:
    """In a terminal, ask for what a script would have given as options, each answer checked
    as it is typed (a time that cannot be read, an unknown category: said, and asked again)."""
    if not st.interactive():
        return given
    with st.data() as data:  # the neighbourhood's time zone, to read the time typed
        now = st.now(data.settings().timezone)
    checks = {"at": lambda v: parse_moment(v, now), "category": parse_category,
              "location": None, "description": None}
    for key, check in checks.items():
        if given[key] is None:
            given[key] = st.ask(INCIDENT_PROMPT[key], check, required=key == "description")
    if given["category"] and find_choice(given["category"], CATEGORY_WORDS) == "suspicious":
        for key in ("behaviour", "clothing"):
            if given[key] is None:
                given[key] = st.ask(INCIDENT_PROMPT[key], required=key == "behaviour")
    return given


def _find(data, number: str) -> Incident:  # noqa: ANN001
    n = parse_count(number.lstrip("#"), Term("metavar.id"), minimum=1, maximum=10**9)
    found = data.incident(n)
    if found is None:
        raise BadInput("err.incident_not_found", id=n)
    return found


@app.command("update")
def update(ctx: typer.Context, number: Annotated[str, typer.Argument(metavar="ID")],
           status: Text = None, police_station: Text = None, lp: Text = None,
           sttlp: Text = None, sp2hp: Text = None, note: Text = None) -> None:
    """Follow up: status, station, LP, STTLP, SP2HP, a note."""
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


@app.command("void")
def void(ctx: typer.Context, number: Annotated[str, typer.Argument(metavar="ID")],
         reason: Annotated[str, Opt("--reason")]) -> None:
    """Void an entry logged by mistake, with the reason (kept in its timeline)."""
    st = state(ctx)
    with st.data(write=True) as data:
        incident = _find(data, number)
        data.save_incident(void_incident(incident, st.now(data.settings().timezone), reason))
    st.out.done("msg.incident_voided", id=incident.id)


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
        evening, slot = incident.shift or (None, None)
        linked = next((s for s in data.shifts(evening, evening) if s.slot == slot),
                      None) if evening else None
    _warn_reporters(st, with_reporters)
    st.out.emit(json, lambda: incident_record(incident, reporter, now, with_reporters),
                lambda: render_incident(st.out, incident, people_shown(
                    incident, reporter, with_reporters), linked, settings, people, now))


def _select(data, st: State, since, until, category, status, search,  # noqa: ANN001, ANN202
            month: str | None = None):
    settings = data.settings()
    today = st.today(settings.timezone)
    if month is not None:
        if since or until:
            raise BadInput("err.month_or_period")
        first, last = month_of(month, today)
    else:
        first, last = resolve_period(today, start=since, end=until, toward="past",
                                     default_start=EARLIEST,
                                     default_end=lambda _: today)
    found = select_incidents(data.incidents(first, last), category=category, status=status,
                             search=search)
    if not since and month is None:
        first = opening_evening(found, Timetable.of(settings)) or first
    return settings, first, last, found


def _chosen(data, st: State, since, until, month, numbers):  # noqa: ANN001, ANN202
    """The incidents an export is about: those numbered (``--incident``, any date, in the
    order they happened), else those of the period or month."""
    if not numbers:
        return _select(data, st, since, until, None, None, None, month)
    if since or until or month:
        raise BadInput("err.incident_or_period")
    found = numbered_incidents(_find(data, n) for n in numbers)
    settings = data.settings()
    timetable = Timetable.of(settings)
    return settings, timetable.evening_of(found[0].occurred_at), \
        timetable.evening_of(found[-1].occurred_at), found


@app.command("list")
def list_(ctx: typer.Context, since: Since = None, until: Until = None, category: Text = None,
          status: Text = None, search: Text = None, with_reporters: WithReporters = False,
          json: Json = False) -> None:
    """The incident book (--since, --until, --category, --status, --search)."""
    st = state(ctx)
    with st.data() as data:
        settings, first, last, found = _select(data, st, since, until, category, status,
                                               search)
        reporters = data.reporters() if (json or with_reporters) else {}
        now = st.now(settings.timezone)
    _warn_reporters(st, with_reporters)
    st.out.emit(json, lambda: [incident_record(i, reporters.get(i.id), now, with_reporters)
                               for i in found],
                lambda: render_book(st.out, found, reporters if with_reporters else None,
                                    settings.timezone, now))


@app.command("stats")
def stats(ctx: typer.Context, since: Since = None, until: Until = None,
          json: Json = False) -> None:
    """Counts, crime clock, trend, patrols against incidents, follow-up."""
    st = state(ctx)
    with st.data() as data:
        settings, first, last, found = _select(data, st, since, until, None, None, None)
        timetable = Timetable.of(settings)
        shifts = data.shifts(first - timedelta(days=1), last)
        now = st.now(settings.timezone)
    result = incident_stats(found, shifts, first, last, timetable, now)
    st.out.emit(json, result, lambda: render_stats(st.out, result, format_period(
        first, last, st.out.lang)))


@app.command("export")
def export(ctx: typer.Context, format_: Annotated[str, Opt("--format")] = "csv",
           since: Since = None, until: Until = None,
           month: Annotated[str | None, Opt("--month", help="help.opt.month")] = None,
           incident: Annotated[list[str] | None, Opt("--incident")] = None,
           output: Annotated[str, Opt("--output", "-o")] = "-",
           with_reporters: WithReporters = False) -> None:
    """The monthly report, redacted by default: csv, json, md, or pdf for the Polsek."""
    st = state(ctx)
    fmt = parse_format(format_, FORMATS)
    if fmt == "pdf":
        return write_letter(st, since=since, until=until, month=month, numbers=incident,
                            output=output, with_reporters=with_reporters)
    with st.data() as data:
        settings, first, last, found = _chosen(data, st, since, until, month, incident)
        reporters = data.reporters()
        now = st.now(settings.timezone)
    _warn_reporters(st, with_reporters)
    rows = [incident_record(i, reporters.get(i.id), now, with_reporters) for i in found]
    write_text_file(output, incident_file(fmt, rows, settings.name, first, last, st.out.lang,
                                        with_reporters, timezone=settings.timezone))
    if output != "-":
        st.out.done("msg.exported_incidents", count=len(rows), path=output)


def write_letter(st: State, *, since: str | None = None, until: str | None = None,
                 month: str | None = None, numbers: list[str] | None = None,
                 output: str = "-", with_reporters: bool = False,
                 folder: Path | None = None) -> None:
    """The letter to the Polsek: numbered in the register (the same incidents again keep
    their letter's number and date), written while the data file is held, so a letter that
    cannot be written takes no number; by default named by its number, in ``folder`` (the
    current one)."""
    from ronda.cli.documents import write_document
    from ronda.incidents.handover import Handed, handover_letter, on_duty
    from ronda.neighbourhood.letters import issue_letter, letter_number
    from ronda.neighbourhood.places import rt_rw_numbers

    lang = st.out.lang
    with st.data(write=True) as data:
        settings, first, last, found = _chosen(data, st, since, until, month, numbers)
        reporters = data.reporters()
        names = {v.id: v.name for v in data.volunteers() if v.name}
        evenings = [i.shift[0] for i in found if i.shift]
        shifts = {s.key: s for s in data.shifts(min(evenings), max(evenings))} \
            if evenings else {}
        letter, new = issue_letter(data.letters(), "polsek", [i.id for i in found],
                                   st.today(settings.timezone))
        if new:
            letter = data.add_letter(letter)
        timetable = Timetable.of(settings)
        handed = [Handed(i, people_shown(i, reporters.get(i.id), with_reporters),
                         on_duty(i, shifts.get(i.shift) if i.shift else None, timetable,
                                 names, lang)) for i in found]
        _warn_reporters(st, with_reporters)
        write_document(st, handover_letter(handed, settings, letter, first, last, lang,
                                           with_reporters=with_reporters), "pdf",
                       None if output == "-" else output,
                       str((folder or Path()) / f"surat-polsek-{letter.issued.year}-"
                                                f"{letter.number:03d}"))
    st.out.say("msg.letter_new" if new else "msg.letter_again",
               number=letter_number(letter, rt_rw_numbers(settings.name)[0]),
               date=format_date(letter.issued, lang, weekday=False, long=True))


@app.command("board")
def board(ctx: typer.Context, weeks: Annotated[str, Opt("--weeks")] = "4",
          output: Annotated[str, Opt("--output", "-o")] = "-",
          format_: Annotated[str, Opt("--format")] = "text") -> None:
    """A notice for the pos with no names: what was reported and what became of it."""
    st = state(ctx)
    count = parse_count(weeks, "--weeks", minimum=1, maximum=52)
    with st.data() as data:
        settings = data.settings()
        today = st.today(settings.timezone)
        first = today - timedelta(weeks=count) + timedelta(days=1)
        found = select_incidents(data.incidents(first, today))
    period = format_period(first, today, st.out.lang)
    if parse_format(format_, ("text", "pdf")) == "pdf":
        from ronda.cli.documents import write_document
        from ronda.incidents.report import board_document

        write_document(st, board_document(found, st.out.lang, settings, period, today), "pdf",
                       None if output == "-" else output, f"papan-kejadian-{today.isoformat()}")
        return
    lines = board_lines(found, first, today, st.out.lang, settings.name, period)
    write_text_file(output, "\n".join(lines) + "\n")
    if output != "-":
        st.out.done("msg.roster_written", path=output, weeks=count)
