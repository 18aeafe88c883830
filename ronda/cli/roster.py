"""``ronda roster``: the printed jadwal ronda, the patrol sheet, WhatsApp text and slips."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Annotated

import typer

from ronda.cli.context import State, state
from ronda.cli.files import write_bytes_file, write_text_file
from ronda.cli.options import Week, parse_format
from ronda.dates import coming_week, format_period, parse_date, parse_week, week_of
from ronda.errors import BadInput
from ronda.i18n import t
from ronda.parsing import parse_count
from ronda.people.volunteers import find_volunteer
from ronda.phones import display_phone
from ronda.printing.slip import duties, slip_period
from ronda.schedule.timetable import Timetable

FORMATS = ("terminal", "text", "md", "html", "pdf", "png", "whatsapp", "teams")
PUBLIC = ("whatsapp", "teams", "png")  # sent to the group: never the patrol sheet
Opt = typer.Option


def roster(
    ctx: typer.Context,
    week: Week = None,
    weeks: Annotated[str, Opt("--weeks")] = "1",
    format_: Annotated[str, Opt("--format")] = "terminal",
    output: Annotated[str | None, Opt("--output", "-o")] = None,
    lang: Annotated[str | None, Opt("--lang")] = None,
    patrol_sheet: Annotated[bool, Opt("--patrol-sheet")] = False,
    volunteer: Annotated[str | None, Opt("--volunteer")] = None,
    month: Annotated[bool, Opt("--month")] = False,
    tonight: Annotated[bool, Opt("--tonight")] = False,
    changes: Annotated[bool, Opt("--changes")] = False,
    since: Annotated[str | None, Opt("--since")] = None,
    tell: Annotated[bool, Opt("--tell")] = False,
) -> None:
    """The printed jadwal ronda: poster for the pos, patrol sheet, WhatsApp text, personal
    slips."""
    from ronda.neighbourhood.holidays import holiday_map
    from ronda.printing.poster import build_sheet

    st = state(ctx)
    fmt = parse_format(format_, FORMATS)
    if patrol_sheet and fmt in PUBLIC:
        raise BadInput("err.patrol_sheet_private")
    count = parse_count(weeks, "--weeks", minimum=1, maximum=53)
    if changes or tell or since:
        _changes(st, fmt, since, tell, output, lang)
        return
    with st.data() as data:
        doc = st.document_lang(lang)  # the poster's language; messages keep the run's
        settings = data.settings()
        today, now = st.today(settings.timezone), st.now(settings.timezone)
        # at 02.00 "tonight" is the evening whose late shift is on duty now
        evening = Timetable.of(settings).current_evening(now)
        # from Sunday noon the week printed is the coming one
        shown = parse_week(week, today) if week else evening if tonight else coming_week(now)
        start = week_of(shown)[0]
        people = {v.id: v for v in data.volunteers()}
        holidays = holiday_map(data.holidays())
        if volunteer:
            who = find_volunteer(people.values(), volunteer, include_inactive=True)
            first, last = slip_period(shown if week else today, start, count, month)
            _slip(st, who, data.shifts(first, last), people, settings, first, last, fmt,
                  output, doc)
            return
        shifts = data.shifts(start, start + timedelta(weeks=count, days=-1))
    sheets = [build_sheet(settings, shifts, people, holidays, start + timedelta(weeks=k), today,
                          doc, patrol=patrol_sheet) for k in range(count)]
    if tonight:
        _tonight(st, sheets, evening, fmt, output)
        return
    _emit(st, sheets, fmt, output, start, {v.name: v.team for v in people.values()})


def _emit(st: State, sheets, fmt: str, output: str | None, start: date,  # noqa: ANN001
          teams: dict[str, str]) -> None:
    from ronda.printing import text as layout

    if fmt == "terminal" and output is None:
        for sheet in sheets:
            _terminal(st, sheet, sheet.lang)
        return
    if fmt == "png":
        from ronda.printing.picture import week_png

        _picture(st, week_png(sheets), output or f"jadwal-ronda-{start.isoformat()}.png")
        return
    if fmt in ("html", "pdf"):
        from ronda.printing.fit import adaptations, lay_out_all

        target = output or f"jadwal-ronda-{start.isoformat()}.{fmt}"
        laid = lay_out_all(sheets)
        if fmt == "html":
            from ronda.printing.html import laid_html

            write_text_file(target, laid_html(laid))
        else:
            from ronda.printing.pdf import laid_pdf

            write_bytes_file(target, laid_pdf(laid))
        st.out.done("msg.roster_written", path=target, weeks=len(sheets))
        for week in laid:  # what a dense week gave up to fit its paper
            for line in adaptations(week, st.lang):
                st.out.line(line)
        if sheets and sheets[0].patrol:
            st.out.warn("warn.patrol_sheet")
        return
    render = {"text": layout.sheet_text, "terminal": layout.sheet_text,
              "md": layout.sheet_markdown, "whatsapp": layout.sheet_whatsapp,
              "teams": lambda s: layout.teams_text(s, teams)}[fmt]
    body = layout.join_pages([render(s) for s in sheets])
    _write(st, body, output)


def _picture(st: State, png: bytes, target: str) -> None:
    write_bytes_file(target, png)
    st.out.done("msg.roster_written", path=target, weeks=1)


def _write(st: State, body: str, output: str | None) -> None:
    if output and output != "-":
        write_text_file(output, body)
        st.out.done("msg.roster_written", path=output, weeks=1)
    else:
        st.out.text(body)


def _terminal(st: State, sheet, lang: str) -> None:  # noqa: ANN001
    from ronda.printing.text import sheet_text, terminal_rows

    out = st.output_in(lang)
    out.text("\n".join(x for x in (sheet.title, sheet.neighbourhood, sheet.area, sheet.period)
                       if x))
    width = out.console.width  # the terminal's, or the COLUMNS asked for; piped 80
    styles = [("red" if w and w.short else None) for n in sheet.nights for w in n.shifts or [None]]
    out.table(["col.night", "col.hours", "col.on_duty"], terminal_rows(sheet, width),
              no_wrap=(0, 1, 2), row_styles=styles)
    width = min(width, 80)
    body = sheet_text(sheet, width)
    out.text(body[body.index("-" * width):] if "-" * width in body else "")


def _tonight(st: State, sheets, today: date, fmt: str, output: str | None) -> None:  # noqa: ANN001
    from ronda.printing.marks import whatsapp_plain
    from ronda.printing.text import tonight_whatsapp

    fmt = parse_format(fmt, ("whatsapp", "text", "terminal", "png"))
    sheet = next(s for s in sheets)
    night = next((n for n in sheet.nights if n.date == today), None)
    if night is None:
        raise BadInput("err.tonight_outside")
    if fmt == "png":
        from ronda.printing.picture import tonight_png

        _picture(st, tonight_png(sheet, night), output or f"ronda-malam-{today.isoformat()}.png")
        return
    text = tonight_whatsapp(sheet, night)
    _write(st, text if fmt == "whatsapp" else whatsapp_plain(text), output)


def _changes(st: State, fmt: str, since: str | None, tell: bool,
             output: str | None, lang_option: str | None) -> None:
    """The "schedule changed" message for the group (or, with --tell, one per person)."""
    from ronda.neighbourhood.holidays import holiday_map
    from ronda.printing.marks import whatsapp_plain
    from ronda.schedule.announce import fold_changes, group_message, personal_notes
    from ronda.schedule.replan import open_to_change

    fmt = parse_format(fmt, ("whatsapp", "text", "terminal"))
    with st.data() as data:
        settings = data.settings()
        now = st.now(settings.timezone)
        first = parse_date(since, now.date(), "past") if since else now.date()
        timetable = Timetable.of(settings, holiday_map(data.holidays()))
        still_open = {s.key for s in data.shifts(now.date() - timedelta(days=1))
                      if open_to_change(s, timetable, now)}
        folded = fold_changes(data.plan_changes(first.isoformat()), still_open)
        people = {v.id: v for v in data.volunteers()}
        lang = st.document_lang(lang_option)
    if not folded:
        st.out.say("msg.no_changes", since=first)
        return
    if not tell:
        text = group_message(folded, timetable, people, settings.name, lang)
        _write(st, text if fmt == "whatsapp" else whatsapp_plain(text), output)
        return
    notes = personal_notes(folded, timetable, people, settings.name, lang)
    blocks = [f"{n.name} ({display_phone(n.phone) or t('label.no_phone', lang)})\n"
              f"{n.link or n.text}" for n in notes]
    _write(st, "\n\n".join(blocks) + "\n", output)


def _slip(st: State, who, shifts, people, settings, first: date, last: date,  # noqa: ANN001
          fmt: str, output: str | None, lang: str) -> None:
    from ronda.printing.marks import escaper

    fmt = parse_format(fmt, ("terminal", "text", "md", "whatsapp"))
    out = st.output_in(lang)
    bold = "*" if fmt == "whatsapp" else "**" if fmt == "md" else ""
    esc = escaper(fmt)
    lines = [f"{bold}{out.t('slip.title', name=esc(who.name))}{bold}", esc(settings.name),
             format_period(first, last, lang), ""]
    mine = duties(who.id, shifts, people)
    timetable = Timetable.of(settings)
    for d in mine:
        role = out.t("poster.leader") if d.leads else \
            out.t("slip.with", names=", ".join(esc(name) for name in d.mates))
        lines.append(f"- {timetable.name_of(d.shift, lang, hours=True, with_zone=True)} · "
                     f"{role}")
    if not mine:
        lines.append(out.t("slip.none", period=format_period(first, last, lang)))
    _write(st, "\n".join(lines) + "\n", output)
