"""ronda kas: the cash book of jimpitan, fines paid, dues and what the ronda spends."""

from __future__ import annotations

from typing import Annotated

import typer

from ronda.cli.context import state
from ronda.cli.options import Json
from ronda.dates import format_date, month_of, parse_date
from ronda.i18n import Term
from ronda.i18n.labels import CASH_KIND, label
from ronda.money import format_money, parse_money

app = typer.Typer(no_args_is_help=True, add_completion=False)
Opt = typer.Option
Month = Annotated[str | None, Opt("--month", help="help.opt.month")]


@app.command("add")
def add(ctx: typer.Context, amount: Annotated[str, typer.Argument(metavar="AMOUNT")],
        kind: Annotated[str, Opt("--kind")], note: Annotated[str, Opt("--note")] = "",
        on: Annotated[str | None, Opt("--on")] = None, json: Json = False) -> None:
    """Write money into or out of the kas; the kind says which way."""
    from ronda.cash.book import balance, new_entry, parse_kind

    st = state(ctx)
    with st.data(write=True) as data:
        today = st.today(data.settings().timezone)
        entry = new_entry(parse_date(on, today, "past") if on else today,
                          parse_money(amount, Term("metavar.money")), parse_kind(kind), note, today)
        (stored,) = data.add_cash([entry])
        total = balance(data.cash())
    st.out.emit(json, stored.to_dict, lambda: None)
    st.out.done("msg.cash_added", id=stored.id, kind=label(CASH_KIND, stored.kind, st.lang),
                amount=format_money(abs(stored.amount)),
                day=format_date(stored.day, st.lang), balance=format_money(total))


@app.command("list")
def list_(ctx: typer.Context, month: Month = None, json: Json = False) -> None:
    """A month of the kas (this month unless --month) with the running balance."""
    from ronda.cash.book import month_report
    from ronda.cli.kas.view import render_month

    st = state(ctx)
    with st.data() as data:
        settings = data.settings()
        first, last = month_of(month, st.today(settings.timezone))
        report = month_report(data.cash(), first, last)
    st.out.emit(json, report.to_dict, lambda: render_month(st.out, report, settings.name))


@app.command("report")
def report(ctx: typer.Context, month: Month = None,
           format_: Annotated[str, Opt("--format")] = "md",
           output: Annotated[str | None, Opt("--output", "-o")] = None) -> None:
    """The month's report for the RT meeting: md (to the screen) or pdf."""
    from ronda.cash.book import month_report
    from ronda.cash.report import month_document
    from ronda.cli.documents import write_document

    st = state(ctx)
    with st.data() as data:
        settings = data.settings()
        today = st.today(settings.timezone)
        first, last = month_of(month, today)
        found = month_report(data.cash(), first, last)
    write_document(st, month_document(found, settings, st.lang, today), format_, output,
                   f"kas-{first.isoformat()[:7]}")
