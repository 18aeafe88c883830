"""The message key for each value ronda shows by name (a category, a status, a rule, …).

Keys are written out here, never built from a value, so the test that checks every key exists
(and every text is used) can find them; another test checks each table covers its values.
"""

from __future__ import annotations

from ronda.i18n import t
from ronda.i18n.words import Words


def label(table: dict[str, str], value: str, lang: str) -> str:
    """The name of ``value`` in ``lang``; a value with no entry (an edited data file, a rule
    of a newer ronda) is shown as it is stored."""
    key = table.get(value)
    return t(key, lang) if key else value


# ronda.incidents.book.CATEGORIES
CATEGORY: dict[str, str] = {
    "theft": "category.theft",
    "burglary": "category.burglary",
    "robbery": "category.robbery",
    "vehicle-theft": "category.vehicle_theft",
    "livestock-theft": "category.livestock_theft",
    "suspicious": "category.suspicious",
    "vandalism": "category.vandalism",
    "fire": "category.fire",
    "flood": "category.flood",
    "fight": "category.fight",
    "street-racing": "category.street_racing",
    "drugs": "category.drugs",
    "alcohol": "category.alcohol",
    "gambling": "category.gambling",
    "extortion": "category.extortion",
    "accident": "category.accident",
    "disturbance": "category.disturbance",
    "infrastructure": "category.infrastructure",
    "other": "category.other",
}

# ronda.incidents.book.SEVERITIES
SEVERITY: dict[str, str] = {
    "low": "severity.low",
    "medium": "severity.medium",
    "high": "severity.high",
}

# ronda.incidents.book.STATUSES
INCIDENT_STATUS: dict[str, str] = {
    "new": "status.incident.new",
    "in-progress": "status.incident.in_progress",
    "forwarded": "status.incident.forwarded",
    "resolved": "status.incident.resolved",
    "closed": "status.incident.closed",
    "void": "status.incident.void",
}

# ronda.incidents.book.SP2HP_CODES: what each police progress letter says
SP2HP: dict[str, str] = {
    "A1": "status.sp2hp.a1",
    "A2": "status.sp2hp.a2",
    "A3": "status.sp2hp.a3",
    "A4": "status.sp2hp.a4",
    "A5": "status.sp2hp.a5",
}

# the kinds of night in ronda.incidents.report's patrol table
PATROL: dict[str, str] = {
    "full": "nights.full",
    "short": "nights.short",
    "none": "nights.none",
}

# ronda.neighbourhood.events.EVENT_KINDS
EVENT_KIND: dict[str, str] = {
    "outreach": "event.kind.outreach",
    "meeting": "event.kind.meeting",
    "joint-patrol": "event.kind.joint_patrol",
    "other": "event.kind.other",
}

# ronda.schedule.shifts.GUEST_ROLES
GUEST_ROLE: dict[str, str] = {
    "bhabinkamtibmas": "role.bhabinkamtibmas",
    "babinsa": "role.babinsa",
    "linmas": "role.linmas",
    "other": "role.other",
}

# ronda.schedule.shifts.ATTENDANCE, the reasons for not coming
ABSENCE: dict[str, str] = {
    "izin": "absence.izin",
    "sakit": "absence.sakit",
    "dinas": "absence.dinas",
    "tanpa-keterangan": "absence.tanpa_keterangan",
}

# ronda.people.volunteers.AWAY_REASONS
AWAY_REASON: dict[str, str] = {
    "mudik": "reason.mudik",
    "sakit": "reason.sakit",
    "dinas": "reason.dinas",
    "lainnya": "reason.lainnya",
}

# the rules of ronda.schedule.rules that keep someone off a night and need no detail
# ronda.schedule.wishes.Unmet: the wish and why it was not kept
WISH_UNMET: dict[str, str] = {
    "avoid": "wish.avoid",
    "avoid_date": "wish.avoid_date",
    "prefer": "wish.prefer",
}
WISH_WHY: dict[str, str] = {
    "days": "wish.why.days",
    "few": "wish.why.few",
    "fair": "wish.why.fair",
}

# ronda.schedule.groups.GroupSpread.why: what widens a group's spread
SPREAD_WHY: dict[str, str] = {
    "history": "group.why.history",
    "kept": "group.why.kept",
    "away": "group.why.away",
    "joined": "group.why.joined",
    "rules": "group.why.rules",
    "rest": "group.why.rest",
    "wishes": "group.why.wishes",
}

WHY: dict[str, str] = {
    "tonight": "why.tonight",
    "rest": "why.rest",
    "household": "why.household",
    "erased": "why.erased",
    "inactive": "why.inactive",
    "leader": "why.leader",
}

# ronda.model.KENTONGAN_EVENTS: the event's name, and its default strikes
KENTONGAN_EVENT: dict[str, str] = {
    "safe": "kentongan.event.safe",
    "patrol": "kentongan.event.patrol",
    "theft": "kentongan.event.theft",
    "fire": "kentongan.event.fire",
    "murder": "kentongan.event.murder",
    "disaster": "kentongan.event.disaster",
    "accident": "kentongan.event.accident",
    "fight": "kentongan.event.fight",
}
KENTONGAN_STRIKES: dict[str, str] = {
    "safe": "kentongan.safe",
    "patrol": "kentongan.patrol",
    "theft": "kentongan.theft",
    "fire": "kentongan.fire",
    "murder": "kentongan.murder",
    "disaster": "kentongan.disaster",
    "accident": "kentongan.accident",
    "fight": "kentongan.fight",
}

# emergency numbers with a translated name (ronda.model.DEFAULT_EMERGENCY and the Polsek);
# a label the RT made up is shown as written
EMERGENCY: dict[str, str] = {
    "police": "emergency.police",
    "emergency": "emergency.emergency",
    "fire": "emergency.fire",
    "ambulance": "emergency.ambulance",
    "rescue": "emergency.rescue",
    "polsek": "emergency.polsek",
}

# ronda.calendars.caldav.describe_failure: the short reason, and the error for it
CALDAV_WHY: dict[str, str] = {
    "unreachable": "caldav.unreachable",
    "login": "caldav.login",
    "timeout": "caldav.timeout",
}
CALDAV_ERROR: dict[str, str] = {
    "unreachable": "err.caldav_unreachable",
    "login": "err.caldav_login",
    "timeout": "err.caldav_timeout",
}
# the same when a change was on its way and may have arrived
CALDAV_UNSURE: dict[str, str] = {
    "unreachable": "err.caldav_unreachable_unsure",
    "login": "err.caldav_login",
    "timeout": "err.caldav_timeout_unsure",
}

# where the data file's path came from (``ronda info``)
DB_SOURCE: dict[str, str] = {
    "--db": "info.source.db_option",
    "RONDA_DB": "info.source.env",
    "default": "info.source.default",
}

# the questions ``ronda incident log`` asks in a terminal
INCIDENT_PROMPT: dict[str, str] = {
    "at": "prompt.incident.at",
    "category": "prompt.incident.category",
    "location": "prompt.incident.location",
    "description": "prompt.incident.description",
    "behaviour": "prompt.incident.behaviour",
    "clothing": "prompt.incident.clothing",
}

# the contacts ``ronda init`` asks for in a terminal, by setting
INIT_PROMPT: dict[str, str] = {
    "coordinator.name": "prompt.init.coordinator.name",
    "coordinator.phone": "prompt.init.coordinator.phone",
    "liaison.name": "prompt.init.liaison.name",
    "liaison.phone": "prompt.init.liaison.phone",
}

# The words a coordinator may type for each value, in every language at once (handed to
# ronda.parsing.parse_choice as data): "a, b, c" in each language file; the first of each
# language is the one an error lists.
CATEGORY_WORDS = Words({
    "theft": "words.category.theft",
    "burglary": "words.category.burglary",
    "robbery": "words.category.robbery",
    "vehicle-theft": "words.category.vehicle_theft",
    "livestock-theft": "words.category.livestock_theft",
    "suspicious": "words.category.suspicious",
    "vandalism": "words.category.vandalism",
    "fire": "words.category.fire",
    "flood": "words.category.flood",
    "fight": "words.category.fight",
    "street-racing": "words.category.street_racing",
    "drugs": "words.category.drugs",
    "alcohol": "words.category.alcohol",
    "gambling": "words.category.gambling",
    "extortion": "words.category.extortion",
    "accident": "words.category.accident",
    "disturbance": "words.category.disturbance",
    "infrastructure": "words.category.infrastructure",
    "other": "words.category.other",
})
SEVERITY_WORDS = Words({
    "low": "words.severity.low",
    "medium": "words.severity.medium",
    "high": "words.severity.high",
})
STATUS_WORDS = Words({
    "new": "words.status.new",
    "in-progress": "words.status.in_progress",
    "forwarded": "words.status.forwarded",
    "resolved": "words.status.resolved",
    "closed": "words.status.closed",
    "void": "words.status.void",  # only where voided entries are asked for
})
ABSENCE_WORDS = Words({
    "izin": "words.absence.izin",
    "sakit": "words.absence.sakit",
    "dinas": "words.absence.dinas",
    "tanpa-keterangan": "words.absence.tanpa_keterangan",
})
AWAY_REASON_WORDS = Words({
    "mudik": "words.away.mudik",
    "sakit": "words.away.sakit",
    "dinas": "words.away.dinas",
    "lainnya": "words.away.lainnya",
})
GUEST_ROLE_WORDS = Words({
    "bhabinkamtibmas": "words.role.bhabinkamtibmas",
    "babinsa": "words.role.babinsa",
    "linmas": "words.role.linmas",
    "other": "words.role.other",
})
EVENT_KIND_WORDS = Words({
    "outreach": "words.event.outreach",
    "meeting": "words.event.meeting",
    "joint-patrol": "words.event.joint_patrol",
    "other": "words.event.other",
})

# ronda.cash.book.KINDS: what money in or out of the kas was for
CASH_KIND: dict[str, str] = {
    "jimpitan": "cash.kind.jimpitan",
    "fine": "cash.kind.fine",
    "dues": "cash.kind.dues",
    "donation": "cash.kind.donation",
    "other-in": "cash.kind.other_in",
    "equipment": "cash.kind.equipment",
    "consumables": "cash.kind.consumables",
    "repair": "cash.kind.repair",
    "other-out": "cash.kind.other_out",
}

# ronda.errors.system_reason: why the system refused a file, by its errno name
SYSTEM_REASON: dict[str, str] = {
    "ENOENT": "oserr.no_such_file",
    "EACCES": "oserr.permission",
    "EPERM": "oserr.permission",
    "EISDIR": "oserr.is_folder",
    "ENOTDIR": "oserr.not_folder",
    "ENOSPC": "oserr.disk_full",
    "EDQUOT": "oserr.disk_full",
    "EROFS": "oserr.read_only",
    "ENAMETOOLONG": "oserr.name_too_long",
    "EEXIST": "oserr.exists",
    "ELOOP": "oserr.links",
    "EBUSY": "oserr.busy",
    "ETXTBSY": "oserr.busy",
    "EIO": "oserr.io",
    "not-utf8": "oserr.not_utf8",
}

# the tables of a data file (ronda.store.datafile), as db check and info count them
TABLE: dict[str, str] = {
    "settings": "table.settings",
    "volunteers": "table.volunteers",
    "shifts": "table.shifts",
    "holidays": "table.holidays",
    "incidents": "table.incidents",
    "reporters": "table.reporters",
    "events": "table.events",
    "plan_changes": "table.plan_changes",
    "cash": "table.cash",
    "calendar": "table.calendar",
    "letters": "table.letters",
}


def record_counts(records: dict[str, int], lang: str) -> str:
    """``settings 1, volunteers 4`` in the reader's words (``pengaturan 1, petugas 4``)."""
    return ", ".join(f"{label(TABLE, name, lang)} {count}" for name, count in records.items())

# the formats of --format whose name is a word of a language (ronda.cli.options.parse_format)
FORMAT_WORDS = Words({
    "text": "words.format.text",
    "png": "words.format.png",
})
