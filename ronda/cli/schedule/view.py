"""How shifts read: the schedule table, its JSON objects, and shortfall reasons in words."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING, Any

from ronda.cli.context import State
from ronda.cli.output import Output
from ronda.cli.reasons import reason_text, warn_short, why_text  # noqa: F401 - views use them
from ronda.dates import (
    DAY_KEYS,
    DAY_NAMES,
    DAY_SHORT,
    format_date,
    format_period,
    format_time,
    night_name,
)
from ronda.i18n import format_count, format_decimal, t
from ronda.i18n.labels import (
    ABSENCE,
    GUEST_ROLE,
    SPREAD_WHY,
    WISH_UNMET,
    WISH_WHY,
    label,
)
from ronda.model import Settings, Volunteer
from ronda.money import format_money
from ronda.people.volunteers import person_name
from ronda.phones import display_phone
from ronda.schedule.shifts import Absence, Exclusion, Shift
from ronda.schedule.timetable import Timetable

if TYPE_CHECKING:
    from ronda.schedule.edits import Edit
    from ronda.schedule.reports import ScheduleReport



def shift_json(shift: Shift, timetable: Timetable, people: dict[int, Volunteer],
               lang: str) -> dict[str, Any]:
    """The stable JSON object of one shift on one night; ``start``/``end`` are the real
    instants (the 01.00 shift of evening D starts at 01.00 on D+1)."""
    start, end = timetable.window_of(shift)
    required = timetable.required_of(shift)
    holiday = timetable.holidays.get(shift.date)
    return {
        "date": shift.date.isoformat(), "slot": shift.slot, "slot_number": shift.slot + 1,
        "hours": timetable.hours_of(shift, "en", with_zone=False).replace("–", "-"),
        "start": start.isoformat(), "end": end.isoformat(), "required": required,
        "volunteers": [{"id": p, "name": people[p].name if p in people else None,
                        "leader": p == shift.leader} for p in shift.volunteers],
        "leader": shift.leader,
        "guests": [g.to_dict() for g in shift.guests],
        "understaffed": len(shift.volunteers) < required,
        "no_leader": bool(shift.short and shift.short.no_leader),
        "reason": reason_text(shift.short, people, lang) if shift.short else None,
        "holiday": holiday.title(lang) if holiday else None,
    }


def absence_text(a: Absence, people: dict[int, Volunteer], lang: str) -> str:
    """``Heru Purnomo: sick; Dani stood in``."""
    text = f"{person_name(people, a.volunteer, lang)}: {label(ABSENCE, a.reason, lang)}"
    helper = person_name(people, a.substitute_id, lang) if a.substitute_id is not None \
        else a.substitute
    return t("label.stood_in", lang, text=text, who=helper) if helper else text


def night_label(d: date, lang: str) -> str:
    return f"{DAY_SHORT[lang][d.weekday()]} {format_date(d, lang, weekday=False)}\n" \
           f"{night_name(d, lang)}"


def shift_name(timetable: Timetable, shift: Shift, lang: str) -> str:
    """How a message names a shift (see ``Timetable.name_of``)."""
    return timetable.name_of(shift, lang)


def render_week(out: Output, shifts: Sequence[Shift], timetable: Timetable,
                people: dict[int, Volunteer], today: date, name: str,
                period: tuple[date, date]) -> None:
    """The schedule of a period under its title, or a line saying nothing is planned."""
    title = f"{name} · {format_period(*period, out.lang)}"
    if not shifts:
        out.say("msg.schedule_empty", period=format_period(*period, out.lang))
        return
    render_schedule(out, shifts, timetable, people, today, title=title)


def render_schedule(out: Output, shifts: Sequence[Shift], timetable: Timetable,
                    people: dict[int, Volunteer], today: date, *,
                    title: str | None = None) -> None:
    """The schedule as a table: one row per shift, leader first and marked, joint-patrol
    guests after the team, tonight in bold, short shifts in red with the reason."""
    lang = out.lang
    rows, styles = [], []
    previous: date | None = None
    for s in shifts:
        duty = [("★ " if p == s.leader else "  ") + person_name(people, p, lang)
                + (f"  {display_phone(people[p].phone)}" if p in people and people[p].phone
                   else "") for p in s.volunteers]
        notes = []
        holiday = timetable.holidays.get(s.date)
        if holiday and s.date != previous:
            notes.append(holiday.title(lang))
        if s.short:
            notes.append(reason_text(s.short, people, lang))
        if s.logged:
            notes.append(t("label.logged", lang, note=s.note) if s.note else
                         t("label.logged_plain", lang))
            notes += [absence_text(a, people, lang) for a in s.absences]
        duty += [f"+ {g.name} ({label(GUEST_ROLE, g.role, lang)})" for g in s.guests]
        rows.append([night_label(s.date, lang) if s.date != previous else "",
                     timetable.hours_of(s, lang),
                     "\n".join(duty) or "-", "\n".join(notes)])
        styles.append("red" if s.short else "bold" if s.date == today else None)
        previous = s.date
    out.table(["col.night", "col.hours", "col.on_duty", "col.notes"], rows,
              title=title, row_styles=styles, no_wrap=(0, 1, 2))


def accept_bent(st: State, edit: Edit, people: dict[int, Volunteer], force: bool) -> None:
    """Say which rules a hand-made change bends, and go on only with ``--force`` or a yes."""
    if not edit.bent:
        return
    st.out.warn("warn.rules_bent", rules=bent_text(edit.bent, people, st.lang))
    if not force:
        st.confirm("confirm.swap", False, refusal="err.needs_force")


def bent_text(bent: Sequence[Exclusion], people: dict[int, Volunteer], lang: str) -> str:
    """``Teguh Santoso: resting, same household``: each person with the rules they bend."""
    by_person: dict[int, list[str]] = {}
    for e in bent:
        by_person.setdefault(e.volunteer, []).append(why_text(e.rule, e.detail, lang))
    return "; ".join(f"{person_name(people, p, lang)}: {', '.join(rules)}"
                     for p, rules in by_person.items())


# the columns of ``schedule stats`` and what each means, in words under the table
STATS_KEY = (("col.id", ""), ("col.name", ""), ("col.team", ""),
             ("col.planned", "stats.key.planned"), ("col.share", "stats.key.share"),
             ("col.served", "stats.key.served"), ("col.excused", "stats.key.excused"),
             ("col.absent", "stats.key.absent"), ("col.substituted", "stats.key.substituted"),
             ("col.stood_in", "stats.key.stood_in"), ("col.weekend", "stats.key.weekend"),
             ("col.holiday", "stats.key.holiday"), ("col.min_gap", "stats.key.min_gap"),
             ("col.fines", "stats.key.fines"))


def render_report(out: Output, report: ScheduleReport, people: dict[int, Volunteer],
                  settings: Settings) -> None:
    """The accounts table, the teams' totals, the key, each limited share in words and the
    verdict."""
    rows, judged, first, last = report.rows, report.judged, report.first, report.last
    table = [[str(r.id), r.name or out.t("status.erased"), r.team, str(r.planned),
              format_decimal(judged.shares[r.id].share, out.lang) if r.id in judged.shares else "",
              str(r.served), str(r.excused), str(r.absent), str(r.substituted), str(r.stood_in),
              str(r.weekend), str(r.holiday), "-" if r.min_gap is None else str(r.min_gap),
              format_money(r.fines) if r.fines else ""] for r in rows]
    out.table([column for column, _ in STATS_KEY], table, compact=True,
              title=f"{settings.name} · {format_period(first, last, out.lang)}")
    if set(report.teams) - {"-"}:  # a neighbourhood without regu has no teams' table
        _team_table(out, report)
    for column, meaning in STATS_KEY:  # each column in plain words, a line each
        if column == "col.fines" and not settings.fine:
            meaning = "stats.key.no_fine"
        if meaning:
            out.say("stats.key", column=out.t(column),
                    meaning=out.t(meaning, fine=format_money(settings.fine)))
    for x in report.replaced:  # who came for whom
        out.say("stats.replaced", night=format_date(x.day, out.lang),
                absent=person_name(people, x.absent, out.lang),
                by=person_name(people, x.by_id, out.lang) if x.by_id is not None else x.by)
    for r in rows:
        share = judged.shares.get(r.id)
        if share is not None:  # every share in a sentence: what binds it, or that nothing does
            out.say("msg.line", text=share_text(people[r.id], share, first, last, settings,
                                                out.lang))
    f = report.spread
    if judged.fair or judged.worst is None:
        out.say("verdict.fair", margin=format_decimal(1.5, out.lang), least=f.least, most=f.most)
    else:
        out.say("verdict.uneven", who=judged.worst.name, planned=judged.worst.planned,
                share=format_decimal(judged.share, out.lang))
    group_lines(out, report.groups, settings.slots)
    wish_lines(out, report.wishes, people)


def group_lines(out: Output, groups: list, slots: Sequence) -> None:  # noqa: ANN001
    """Each group of equals and its spread of every kind of night (``group_spreads``), with
    why the leaders carry more and what widens a spread above one."""
    lang = out.lang
    everyone = len(groups) == 1 and not groups[0].leader

    def spread(g, kind: str, unit: str = "") -> str:  # noqa: ANN001
        least, most = g.kinds[kind]
        text = str(least) if least == most else f"{least}–{most}"
        if unit:
            text = out.t(unit, range=text)
        return text + "*" if kind in g.why else text

    for g in groups:
        name = [out.t("group.everyone" if everyone else
                      "group.leaders" if g.leader else "group.others")]
        if len(g.days) < 7:
            name.append(out.t("group.days", days=", ".join(
                DAY_SHORT[lang][DAY_KEYS.index(d)] for d in DAY_KEYS if d in g.days)))
        if g.max_per_week:
            name.append(out.t("group.week", limit=g.max_per_week))
        others = [o for o in groups if not o.leader]
        carries_more = g.leader and others and g.kinds["total"][0] > max(
            o.kinds["total"][1] for o in others)
        hours = [f"{format_time(slots[int(k[4:])].start, lang)}–"
                 f"{format_time(slots[int(k[4:])].end, lang)} {spread(g, k)}"
                 for k in g.kinds if k.startswith("slot") and int(k[4:]) < len(slots)]
        out.say("msg.line", text=out.t(
            "line.group_spread", group=", ".join(name), count=g.size,
            total=spread(g, "total", "group.total"),
            because=out.t("group.because_leaders") if carries_more else "",
            weekend=spread(g, "weekend"), saturday=spread(g, "saturday"),
            holiday=spread(g, "holiday"),
            slots=out.t("group.slots", slots=", ".join(hours)) if hours else "",
            wider=out.t("group.wider", why="; ".join(dict.fromkeys(
                out.t(SPREAD_WHY[why]) for why in g.why.values()))) if g.why else ""))


def wish_lines(out: Output, report, people: dict[int, Volunteer]) -> None:  # noqa: ANN001
    """How many wishes the plan kept (``wish_report``), and each one it could not, why."""
    if not report.total:
        return
    lang = out.lang
    out.say("msg.wishes", met=report.met, total=report.total,
            percent=round(100 * report.met / report.total))
    for pid, missed in report.unmet.items():
        for u in missed:
            what = format_date(u.what, lang) if u.kind == "avoid_date" else \
                DAY_NAMES[lang][DAY_KEYS.index(u.what)]
            out.say("msg.line", text=out.t(WISH_UNMET[u.kind], who=person_name(people, pid, lang),
                                           what=what, count=u.count,
                                           why=out.t(WISH_WHY[u.why])))


def share_text(v: Volunteer, share, first: date, last: date, settings,  # noqa: ANN001
               lang: str) -> str:
    """``Joko Susilo: available Sat, Sun; at most 1 a week → can carry 4 duties``."""
    parts = []
    if "days" in share.limits:
        parts.append(t("share.days", lang, days=", ".join(
            DAY_SHORT[lang][DAY_KEYS.index(d)] for d in v.days)))
    if "away" in share.limits:
        parts.append(t("share.away", lang, periods=", ".join(
            f"{format_date(max(a.start, first), lang, weekday=False)}–"
            f"{format_date(min(a.end, last), lang, weekday=False)}"
            for a in v.away if a.start <= last and a.end >= first)))
    if "week" in share.limits:
        parts.append(t("share.week", lang, limit=v.max_per_week or settings.max_per_week))
    if "joined" in share.limits and v.joined:
        parts.append(t("share.joined", lang, date=format_date(v.joined, lang, weekday=False)))
    if "leads" in share.limits:
        parts.append(t("share.leads", lang))
    if not parts:
        parts.append(t("share.every_night", lang) if len(v.days) == 7
                     else t("share.days", lang, days=", ".join(
                         DAY_SHORT[lang][DAY_KEYS.index(d)] for d in v.days)))
    if share.before:
        parts.append(t("share.before", lang, count=round(share.before),
                       days=settings.fairness_window))
    if share.credit:
        parts.append(t("share.credit", lang, count=format_count(share.credit, lang)))
    if share.capped:
        return t("share.line", lang, who=v.name, limits="; ".join(parts), can=share.capacity)
    return t("share.line_lead", lang, who=v.name, limits="; ".join(parts),
             share=format_decimal(share.share, lang))


def _team_table(out: Output, report: ScheduleReport) -> None:
    out.table(["col.team", "col.people", "col.planned", "col.served", "col.absent", "col.fines"],
              [[team if team != "-" else out.t("label.no_team"), str(t["people"]),
                str(t["planned"]), str(t["served"]), str(t["absent"]),
                format_money(t["fines"]) if t["fines"] else ""]
               for team, t in report.teams.items()])
