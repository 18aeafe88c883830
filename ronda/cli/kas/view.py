"""The kas and the fines on the screen."""

from __future__ import annotations

from collections.abc import Sequence

from ronda.cash.book import Fine, MonthReport, unpaid
from ronda.cli.output import Output
from ronda.dates import format_date, format_period
from ronda.i18n.labels import ABSENCE, CASH_KIND, label
from ronda.model import Volunteer
from ronda.money import format_money
from ronda.people.volunteers import person_name


def render_month(out: Output, report: MonthReport, name: str) -> None:
    """Every entry of the month with the running balance, then what came in and went out."""
    lang = out.lang
    rows = [[format_date(e.day, lang, weekday=False), label(CASH_KIND, e.kind, lang), e.note,
             format_money(e.amount) if e.amount > 0 else "",
             format_money(-e.amount) if e.amount < 0 else "", format_money(balance)]
            for e, balance in report.running()]
    out.table(["col.date", "col.kind", "col.note", "col.money_in", "col.money_out",
               "col.balance"], rows, title=f"{name} · "
               f"{format_period(report.first, report.last, lang)}", no_wrap=[0])
    out.say("msg.cash_month", opening=format_money(report.opening),
            money_in=format_money(report.money_in), money_out=format_money(report.money_out),
            closing=format_money(report.closing))


def render_fines(out: Output, shown: Sequence[Fine], people: dict[int, Volunteer]) -> None:
    lang = out.lang
    out.table(["col.night", "col.name", "col.reason", "col.fines", "col.paid"],
              [[format_date(f.evening, lang, weekday=False), person_name(people, f.volunteer, lang),
                label(ABSENCE, f.reason, lang), format_money(f.amount),
                format_date(f.paid, lang, weekday=False) if f.paid else ""] for f in shown],
              no_wrap=[0, 4])
    owed = unpaid(shown)
    out.say("msg.fines_owed", count=len(owed), total=format_money(sum(f.amount for f in owed)))
