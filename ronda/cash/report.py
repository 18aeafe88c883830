"""The kas's month as a document for the RT meeting (Markdown or PDF)."""

from __future__ import annotations

from datetime import date

from ronda.cash.book import MonthReport
from ronda.dates import format_date, format_period
from ronda.i18n import t
from ronda.i18n.labels import CASH_KIND, label
from ronda.model import Settings
from ronda.money import format_money
from ronda.printing.document import Document, Grid, Heading, Pairs
from ronda.printing.letter import kop_of, signatures_of


def month_document(report: MonthReport, settings: Settings, lang: str, today: date) -> Document:
    """Balance brought forward, money in and out, balance carried forward; totals by kind;
    every entry with the running balance; under the RT's kop, signed as of ``today``."""
    def money(amount: int) -> str:
        return format_money(amount) if amount else ""

    rows = [(format_date(e.day, lang, weekday=False), label(CASH_KIND, e.kind, lang), e.note,
             money(max(e.amount, 0)), money(max(-e.amount, 0)), format_money(balance))
            for e, balance in report.running()]
    rows.append(("", t("cash.total", lang), "", format_money(report.money_in),
                 format_money(report.money_out), format_money(report.closing)))
    return Document(
        t("cash.title", lang),
        f"{settings.name} — {format_period(report.first, report.last, lang)}",
        (Pairs(((t("cash.opening", lang), format_money(report.opening)),
                (t("cash.money_in", lang), format_money(report.money_in)),
                (t("cash.money_out", lang), format_money(report.money_out)),
                (t("cash.closing", lang), format_money(report.closing)))),
         Heading(t("cash.by_kind", lang)),
         Grid((t("col.kind", lang), t("cash.amount", lang)),
              tuple((label(CASH_KIND, k, lang), format_money(v))
                    for k, v in report.by_kind.items()), right=(1,)),
         Heading(t("cash.entries", lang)),
         Grid((t("col.date", lang), t("col.kind", lang), t("col.note", lang),
               t("cash.money_in", lang), t("cash.money_out", lang), t("cash.balance", lang)),
              tuple(rows), right=(3, 4, 5), bold_last=True),
         signatures_of(settings, today, lang)),
        t("cash.footer", lang), kop=kop_of(settings, lang), page_of=t("letter.page", lang))
