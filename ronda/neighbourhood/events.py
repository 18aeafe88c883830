"""Community events: an outreach (penyuluhan, sosialisasi), an RT meeting or a joint patrol,
kept in the data file and shown in the calendars beside the shifts."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from ronda.dates import check_range
from ronda.i18n import Term
from ronda.model import clean_text

EVENT_KINDS = ("outreach", "meeting", "joint-patrol", "other")


@dataclass(frozen=True)
class CommunityEvent:
    """An outreach (penyuluhan, sosialisasi), an RT meeting or a joint patrol."""

    id: int
    title: str
    start: datetime
    end: datetime
    location: str = ""
    kind: str = "other"

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "title": self.title, "start": self.start.isoformat(),
                "end": self.end.isoformat(), "location": self.location, "kind": self.kind}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> CommunityEvent:
        from ronda.model import SchemaError, _need

        if not isinstance(d, dict):
            raise SchemaError("schema.not_an_object")
        try:
            start, end = datetime.fromisoformat(d["start"]), datetime.fromisoformat(d["end"])
        except (KeyError, TypeError, ValueError):
            raise SchemaError("schema.field_malformed", field="start/end") from None
        kind = _need(d, "kind", str)
        if start.tzinfo is None or end.tzinfo is None or end < start or kind not in EVENT_KINDS:
            raise SchemaError("schema.field_malformed", field="start/end/kind")
        return cls(_need(d, "id", int), _need(d, "title", str), start, end,
                   _need(d, "location", str), kind)


def new_event(title: str, start: datetime, end: datetime | None, location: str,
              kind: str) -> CommunityEvent:
    """A checked community event; two hours long unless an end is given."""
    from ronda.i18n.labels import EVENT_KIND_WORDS
    from ronda.parsing import parse_choice

    kind = parse_choice(kind, EVENT_KINDS, "--kind", vocabulary=EVENT_KIND_WORDS)
    finish = end or start + timedelta(hours=2)
    check_range(start, finish)
    title = clean_text(title, field_name=Term("metavar.title"), required=True, limit=120)
    return CommunityEvent(0, title,
                          start, finish, clean_text(location, field_name="--location"), kind)
