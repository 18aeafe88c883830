"""What an output may carry about the people behind an incident, decided once.

Reporters and witnesses are confidential by default: residents fear retaliation, and UU PDP
27/2022 treats criminal records as sensitive personal data. Every surface that shows an
incident (list, show, exports, ``--json``) takes its record from ``incident_record``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from ronda.incidents.book import Incident, Reporter


def incident_record(i: Incident, reporter: Reporter | None, now: datetime,
                    with_reporters: bool) -> dict[str, Any]:
    """The stable JSON object of an incident: the reporter only when public or asked for,
    witnesses only when asked for."""
    data = i.to_dict()
    show = reporter is not None and (reporter.public or with_reporters)
    data["reporter"] = ({"name": reporter.name, "volunteer": reporter.volunteer,
                         "public": reporter.public} if show else None)
    if not with_reporters:
        data["witness"] = ""
    data["overdue"] = i.overdue(now)
    return data


@dataclass(frozen=True)
class PeopleShown:
    """Who a screen may name for an incident: a name, or that one is kept confidential."""

    reporter: str = ""
    reporter_hidden: bool = False
    witness: str = ""
    witness_hidden: bool = False


def people_shown(i: Incident, reporter: Reporter | None, with_reporters: bool) -> PeopleShown:
    """The reporter when public or asked for, the witness only when asked for; otherwise
    only the fact that there is one."""
    show = reporter is not None and (reporter.public or with_reporters)
    return PeopleShown(reporter.name if show and reporter else "",
                       reporter is not None and not show,
                       i.witness if with_reporters else "",
                       bool(i.witness) and not with_reporters)
