"""Choices as coordinators type them: incident categories, severities and statuses, absence and
away reasons, guest roles, event kinds and weekdays, in either language, any case, with
hyphens, underscores or spaces. A refusal lists what is accepted in the reader's language."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from ronda.cli.output import Output
from ronda.dates import parse_days
from ronda.errors import BadInput
from ronda.i18n import labels as words
from ronda.i18n import languages, t
from ronda.incidents.book import parse_category, parse_severity, parse_status
from ronda.neighbourhood.events import new_event
from ronda.parsing import canonical
from ronda.people.volunteers import parse_reason
from ronda.schedule.shifts import parse_absence_reason, parse_guest_role


def event_kind(text: str) -> str:
    from datetime import datetime
    from zoneinfo import ZoneInfo

    return new_event("Rapat", datetime(2026, 12, 12, 19, 30, tzinfo=ZoneInfo("Asia/Jakarta")),
                     None, "", text).kind


PARSERS: dict[str, Callable[[str], str]] = {
    "category": parse_category, "severity": parse_severity,
    "status": lambda text: parse_status(text, void=True),  # a list may ask for voided entries
    "absence": parse_absence_reason, "role": parse_guest_role, "away": parse_reason,
    "event": event_kind,
}

ACCEPTED = [
    # incident categories: the key, the Indonesian name, the words people use
    ("category", "theft", "theft"), ("category", "Pencurian", "theft"),
    ("category", "maling", "theft"), ("category", "kemalingan", "theft"),
    ("category", "curat", "burglary"), ("category", "rumah dibobol", "burglary"),
    ("category", "break-in", "burglary"), ("category", "curas", "robbery"),
    ("category", "begal", "robbery"), ("category", "jambret", "robbery"),
    ("category", "mugging", "robbery"), ("category", "curanmor", "vehicle-theft"),
    ("category", "CURANMOR", "vehicle-theft"), ("category", "vehicle theft", "vehicle-theft"),
    ("category", "Vehicle_Theft", "vehicle-theft"), ("category", "motor hilang", "vehicle-theft"),
    ("category", "motorbike theft", "vehicle-theft"),
    ("category", "pencurian ternak", "livestock-theft"),
    ("category", "livestock theft", "livestock-theft"),
    ("category", "mencurigakan", "suspicious"), ("category", "orang asing", "suspicious"),
    ("category", "mondar-mandir", "suspicious"), ("category", "prowler", "suspicious"),
    ("category", "perusakan", "vandalism"), ("category", "corat coret", "vandalism"),
    ("category", "graffiti", "vandalism"), ("category", "kebakaran", "fire"),
    ("category", "banjir", "flood"), ("category", "tanah longsor", "flood"),
    ("category", "pohon tumbang", "flood"), ("category", "tawuran", "fight"),
    ("category", "keributan", "fight"), ("category", "perkelahian", "fight"),
    ("category", "brawl", "fight"), ("category", "balap liar", "street-racing"),
    ("category", "balap-liar", "street-racing"), ("category", "Balap_Liar", "street-racing"),
    ("category", "BALAP LIAR", "street-racing"), ("category", "trek-trekan", "street-racing"),
    ("category", "kebut kebutan", "street-racing"), ("category", "street racing", "street-racing"),
    ("category", "drag racing", "street-racing"), ("category", "narkoba", "drugs"),
    ("category", "sabu-sabu", "drugs"), ("category", "miras", "alcohol"),
    ("category", "mabuk-mabukan", "alcohol"), ("category", "drunk", "alcohol"),
    ("category", "judi", "gambling"), ("category", "togel", "gambling"),
    ("category", "sabung ayam", "gambling"), ("category", "pemalakan", "extortion"),
    ("category", "pungli", "extortion"), ("category", "Pungutan Liar", "extortion"),
    ("category", "palak", "extortion"), ("category", "illegal levy", "extortion"),
    ("category", "kecelakaan", "accident"), ("category", "lakalantas", "accident"),
    ("category", "laka lantas", "accident"), ("category", "Laka-Lantas", "accident"),
    ("category", "tabrakan", "accident"), ("category", "traffic accident", "accident"),
    ("category", "berisik", "disturbance"), ("category", "kebisingan", "disturbance"),
    ("category", "Berisik", "disturbance"), ("category", "knalpot brong", "disturbance"),
    ("category", "gangguan ketertiban", "disturbance"), ("category", "noise", "disturbance"),
    ("category", "lampu jalan mati", "infrastructure"), ("category", "PJU mati", "infrastructure"),
    ("category", "street light out", "infrastructure"), ("category", "lainnya", "other"),
    ("category", "lain-lain", "other"), ("category", "other", "other"),
    # severity and status
    ("severity", "rendah", "low"), ("severity", "ringan", "low"), ("severity", "minor", "low"),
    ("severity", "sedang", "medium"), ("severity", "tinggi", "high"),
    ("severity", "gawat", "high"), ("severity", "serious", "high"), ("status", "baru", "new"),
    ("status", "diproses", "in-progress"), ("status", "in progress", "in-progress"),
    ("status", "In_Progress", "in-progress"), ("status", "inprogress", "in-progress"),
    ("status", "diteruskan", "forwarded"), ("status", "lapor polisi", "forwarded"),
    ("status", "selesai", "resolved"), ("status", "beres", "resolved"),
    ("status", "ditutup", "closed"), ("status", "batal", "void"), ("status", "voided", "void"),
    # why someone did not come
    ("absence", "izin", "izin"), ("absence", "ijin", "izin"), ("absence", "I", "izin"),
    ("absence", "excused", "izin"), ("absence", "sakit", "sakit"), ("absence", "sick", "sakit"),
    ("absence", "opname", "sakit"), ("absence", "dinas", "dinas"), ("absence", "kerja", "dinas"),
    ("absence", "work trip", "dinas"), ("absence", "work-trip", "dinas"),
    ("absence", "tanpa keterangan", "tanpa-keterangan"),
    ("absence", "Tanpa-Keterangan", "tanpa-keterangan"), ("absence", "TK", "tanpa-keterangan"),
    ("absence", "alpa", "tanpa-keterangan"), ("absence", "alfa", "tanpa-keterangan"),
    ("absence", "mangkir", "tanpa-keterangan"), ("absence", "no show", "tanpa-keterangan"),
    # away, and a short text of one's own
    ("away", "mudik", "mudik"), ("away", "pulang kampung", "mudik"), ("away", "Travel", "mudik"),
    ("away", "sick", "sakit"), ("away", "dinas luar kota", "dinas"),
    ("away", "work trip", "dinas"), ("away", "lain-lain", "lainnya"),
    ("away", "umroh", "umroh"),
    # guests on the patrol, events
    ("role", "bhabinkamtibmas", "bhabinkamtibmas"), ("role", "Pak Bhabin", "bhabinkamtibmas"),
    ("role", "polisi", "bhabinkamtibmas"), ("role", "police", "bhabinkamtibmas"),
    ("role", "babinsa", "babinsa"), ("role", "TNI", "babinsa"), ("role", "hansip", "linmas"),
    ("role", "linmas", "linmas"), ("role", "tamu", "other"), ("role", "guest", "other"),
    ("event", "penyuluhan", "outreach"), ("event", "sosialisasi", "outreach"),
    ("event", "rapat", "meeting"), ("event", "patroli bersama", "joint-patrol"),
    ("event", "ronda bersama", "joint-patrol"), ("event", "joint patrol", "joint-patrol"),
    ("event", "lainnya", "other"),
]


@pytest.mark.parametrize("field, typed, value", ACCEPTED)
def test_choices_in_either_language(field: str, typed: str, value: str) -> None:
    assert PARSERS[field](typed) == value


def test_a_status_change_never_voids() -> None:
    with pytest.raises(BadInput):
        parse_status("batal")


@pytest.mark.parametrize("field, typed, lang, line", [
    ("category", "ufo", "id", "--category: 'ufo' bukan salah satu dari pencurian, curat, curas, "
     "curanmor, pencurian ternak, mencurigakan, perusakan, kebakaran, banjir, tawuran, balap "
     "liar, narkoba, miras, judi, pemalakan, kecelakaan, gangguan ketertiban, fasilitas rusak, "
     "lainnya."),
    ("category", "ufo", "en", "--category: 'ufo' is not one of theft, burglary, robbery, "
     "vehicle-theft, livestock-theft, suspicious, vandalism, fire, flood, fight, street-racing, "
     "drugs, alcohol, gambling, extortion, accident, disturbance, infrastructure, other."),
    ("severity", "huge", "id", "--severity: 'huge' bukan salah satu dari rendah, sedang, tinggi."),
    ("status", "x", "id", "--status: 'x' bukan salah satu dari baru, diproses, diteruskan, "
     "selesai, ditutup, batal."),
    ("absence", "bolos", "id", "--reason: 'bolos' bukan salah satu dari izin, sakit, dinas, "
     "tanpa keterangan."),
    ("absence", "bolos", "en", "--reason: 'bolos' is not one of excused, sick, duty, absent."),
    ("role", "lurah", "id", "--role: 'lurah' bukan salah satu dari bhabinkamtibmas, babinsa, "
     "linmas, tamu."),
    ("event", "party", "id", "--kind: 'party' bukan salah satu dari penyuluhan, rapat, patroli "
     "bersama, lainnya."),
])
def test_a_refusal_lists_the_choices_in_the_readers_language(field: str, typed: str,
                                                             lang: str, line: str) -> None:
    with pytest.raises(BadInput) as refused:
        PARSERS[field](typed)
    assert Output(lang).t(refused.value.key, **refused.value.args_) == line


TABLES = {"category": words.CATEGORY_WORDS, "severity": words.SEVERITY_WORDS,
          "status": words.STATUS_WORDS, "absence": words.ABSENCE_WORDS,
          "away": words.AWAY_REASON_WORDS, "role": words.GUEST_ROLE_WORDS,
          "event": words.EVENT_KIND_WORDS}


@pytest.mark.parametrize("name", TABLES)
def test_no_word_means_two_things_and_every_word_is_read_back(name: str) -> None:
    table, seen = TABLES[name], {}
    for lang in languages():
        for value, key in table.items():
            for word in t(key, lang).split(","):
                assert word.strip(), (lang, key)
                assert seen.setdefault(canonical(word), value) == value, (lang, word)
                assert PARSERS[name](word) == value, (lang, word)


DAYS = [
    ("sen,sel,rab", "mon tue wed"), ("Senin, Jumat", "mon fri"), ("mon tue", "mon tue"),
    ("sen-jum", "mon tue wed thu fri"), ("sen - jum", "mon tue wed thu fri"),
    ("senin - jumat", "mon tue wed thu fri"), ("Sen–Jum", "mon tue wed thu fri"),
    ("Senin sampai Jumat", "mon tue wed thu fri"), ("sen s.d. jum", "mon tue wed thu fri"),
    ("senin hingga jumat", "mon tue wed thu fri"), ("mon to fri", "mon tue wed thu fri"),
    ("Monday through Friday", "mon tue wed thu fri"), ("hari kerja", "mon tue wed thu fri"),
    ("weekdays", "mon tue wed thu fri"), ("sab-sen", "mon sat sun"),
    ("Sab–Sen", "mon sat sun"), ("semua", "mon tue wed thu fri sat sun"),
    ("setiap hari", "mon tue wed thu fri sat sun"), ("tiap hari", "mon tue wed thu fri sat sun"),
    ("every day", "mon tue wed thu fri sat sun"), ("all", "mon tue wed thu fri sat sun"),
    ("senin dan kamis", "mon thu"), ("mon and thu", "mon thu"), ("sen, rab & jum", "mon wed fri"),
    ("sen + kam", "mon thu"), ("Jum'at", "fri"), ("jumat", "fri"), ("Ahad", "sun"),
    ("sen., rab.", "mon wed"), ("malam Minggu", "sat"), ("Sabtu malam", "sat"),
    ("malam Sabtu, malam Minggu", "fri sat"), ("sen-jum, sab", "mon tue wed thu fri sat"),
    ("weekend", "sat sun"), ("akhir pekan", "sat sun"), ("Hari Minggu", "sun"),
]


@pytest.mark.parametrize("typed, days", DAYS)
def test_days_in_both_languages(typed: str, days: str) -> None:
    assert parse_days(typed) == days.split()


BAD_DAYS = ["funday", "sen,funday", "", "sen-", "malam", "hari"]


@pytest.mark.parametrize("typed", BAD_DAYS)
def test_days_refused(typed: str) -> None:
    with pytest.raises(BadInput) as refused:
        parse_days(typed)
    assert refused.value.key == "err.bad_day"
