"""Where a neighbourhood is: its RT and RW as the poster names them, its area line
(kelurahan, kecamatan, city), and the time zone of an Indonesian city or province."""

from __future__ import annotations

import re

from ronda.errors import BadInput
from ronda.model import clean_text

# Provinces and the larger cities and regencies, by time zone (no daylight saving in
# Indonesia): WIB is Sumatra, Java and West/Central Kalimantan; WITA Bali, Nusa Tenggara,
# South/East/North Kalimantan and Sulawesi; WIT Maluku and Papua.
_PLACES: dict[str, str] = {
    "WIB": """aceh, banda aceh, lhokseumawe, langsa, sabang, sumatera utara, sumut, medan,
        binjai, pematangsiantar, tebing tinggi, sibolga, deli serdang, sumatera barat, sumbar,
        padang, bukittinggi, payakumbuh, riau, pekanbaru, dumai, kepulauan riau, kepri, batam,
        tanjung pinang, tanjungpinang, jambi, bengkulu, sumatera selatan, sumsel, palembang,
        lubuklinggau, prabumulih, bangka belitung, babel, pangkal pinang, pangkalpinang,
        lampung, bandar lampung, metro, banten, serang, cilegon, tangerang,
        tangerang selatan, tangsel, dki jakarta, jakarta, jakarta pusat, jakarta utara,
        jakarta barat, jakarta selatan, jakarta timur, kepulauan seribu, jawa barat, jabar,
        bandung, bandung barat, cimahi, bogor, depok, bekasi, karawang, purwakarta, subang,
        sukabumi, cianjur, garut, tasikmalaya, ciamis, cirebon, indramayu, kuningan,
        majalengka, sumedang, jawa tengah, jateng, semarang, salatiga, surakarta, solo,
        magelang, pekalongan, tegal, kudus, jepara, demak, pati, rembang, blora, grobogan,
        kendal, batang, pemalang, brebes, banyumas, purwokerto, cilacap, purbalingga,
        banjarnegara, wonosobo, temanggung, kebumen, purworejo, klaten, boyolali, sukoharjo,
        wonogiri, karanganyar, sragen, di yogyakarta, diy, yogyakarta, jogja, jogjakarta,
        yogya, sleman, bantul, kulon progo, gunungkidul, gunung kidul, jawa timur, jatim,
        surabaya, sidoarjo, gresik, malang, batu, kediri, blitar, madiun, mojokerto,
        pasuruan, probolinggo, jember, banyuwangi, bondowoso, situbondo, lumajang, tuban,
        lamongan, bojonegoro, ngawi, magetan, ponorogo, pacitan, trenggalek, tulungagung,
        nganjuk, jombang, bangkalan, sampang, pamekasan, sumenep, madura,
        kalimantan barat, kalbar, pontianak, singkawang, kalimantan tengah, kalteng,
        palangka raya, palangkaraya, sampit""",
    "WITA": """bali, denpasar, badung, gianyar, tabanan, buleleng, singaraja, klungkung,
        bangli, karangasem, jembrana, nusa tenggara barat, ntb, mataram, lombok, bima,
        sumbawa, nusa tenggara timur, ntt, kupang, ende, maumere, sikka, flores,
        labuan bajo, manggarai, sumba, kalimantan selatan, kalsel, banjarmasin, banjarbaru,
        martapura, kalimantan timur, kaltim, samarinda, balikpapan, bontang,
        kutai kartanegara, nusantara, ikn, kalimantan utara, kaltara, tarakan,
        tanjung selor, nunukan, sulawesi utara, sulut, manado, bitung, tomohon, kotamobagu,
        minahasa, gorontalo, sulawesi tengah, sulteng, palu, poso, luwuk, sulawesi barat,
        sulbar, mamuju, sulawesi selatan, sulsel, makassar, ujung pandang, parepare,
        palopo, gowa, maros, bone, sulawesi tenggara, sultra, kendari, baubau""",
    "WIT": """maluku, ambon, tual, maluku utara, malut, ternate, tidore, sofifi, papua,
        jayapura, merauke, biak, nabire, timika, mimika, wamena, papua barat, manokwari,
        papua barat daya, sorong, papua tengah, papua pegunungan, papua selatan""",
}
ZONE_OF_PLACE: dict[str, str] = {name.strip(): label for label, names in _PLACES.items()
                                 for name in names.split(",")}

_PREFIX = re.compile(r"^(?:kota\s+administrasi|kota|kab\.?|kabupaten|provinsi|prov\.?)\s+",
                     re.IGNORECASE)


def place_name(text: str) -> str:
    """A city or regency without its kind: ``Kota Semarang`` → ``Semarang``, ``Kab. Bantul``
    → ``Bantul`` (the place of the signature line)."""
    return _PREFIX.sub("", text.strip()).strip()


def zone_of_place(text: str) -> str | None:
    """``WIB``, ``WITA`` or ``WIT`` for an Indonesian city, regency or province as typed
    (``Kota Makassar``, ``kab. sleman``, ``Papua``), or None when it is not in the table."""
    name = " ".join(place_name(text).lower().replace(".", " ").split())
    return ZONE_OF_PLACE.get(name)


_RT_RW = re.compile(r"(?:rt\.?\s*)?0*(\d{1,3})\s*(?:[/,.\-]|\s)?\s*(?:(?:rw\.?\s*)?0*(\d{1,3}))?",
                    re.IGNORECASE)


def parse_rt_rw(text: str) -> str:
    """An RT and RW as typed (``5/2``, ``005 / 002``, ``RT 5 RW 2``, ``RT05``) as the poster
    names them: ``RT 005 / RW 002``. Any other name (``Perumahan Griya Asri``) is kept as
    typed; figures that make no RT and RW (``5/2/3``) are refused."""
    value = clean_text(text, field_name="RT/RW", required=True, limit=80)
    m = _RT_RW.fullmatch(value)
    if m:
        return f"RT {int(m[1]):03d}" + (f" / RW {int(m[2]):03d}" if m[2] else "")
    if re.fullmatch(r"[\d\s/,.\-]+", value):
        raise BadInput("err.bad_rt_rw", value=value)
    return value


def area_line(kelurahan: str, kecamatan: str, city: str) -> str:
    """``Kel. Tembalang, Kec. Tembalang, Kota Semarang``: each part with its kind unless it
    names one already (``Desa Sukamaju``, ``Kecamatan Tembalang``, ``Distrik Abepura``)."""
    parts = []
    for value, kind, kinds in ((kelurahan, "Kel.", r"kel\.?|kelurahan|desa|ds\.?|nagari|gampong"),
                               (kecamatan, "Kec.", r"kec\.?|kecamatan|distrik"),
                               (city, "", "")):
        value = value.strip()
        if value:
            named = kinds and re.match(rf"(?:{kinds})\s", value, re.IGNORECASE)
            parts.append(value if named or not kind else f"{kind} {value}")
    return ", ".join(parts)


def rt_rw_numbers(name: str) -> tuple[str, str]:
    """The RT's and the RW's numbers as the name writes them: ``RT 005 / RW 002`` →
    ``("005", "002")``; a name without one gives ``""`` for it."""
    found = [re.search(rf"\b{kind}\s*\.?\s*(\d+)", name, re.IGNORECASE) for kind in ("RT", "RW")]
    return found[0][1] if found[0] else "", found[1][1] if found[1] else ""


_KINDS = ((r"kel\.?|kelurahan", "Kelurahan"), (r"kec\.?|kecamatan", "Kecamatan"),
          (r"kab\.?|kabupaten", "Kabupaten"), (r"ds\.?|desa", "Desa"))


def area_in_full(area: str, city: str = "") -> tuple[str, str]:
    """The area line as a letterhead writes it, the kinds in full, in two lines: the
    kelurahan and kecamatan, then the city or regency (``Kel. Tembalang, Kec. Tembalang, Kota
    Semarang`` → ``("Kelurahan Tembalang Kecamatan Tembalang", "Kota Semarang")``); the
    ``city`` setting (``Semarang``, its kind unknown) when the area names none."""
    parts = []
    for part in (p.strip() for p in area.split(",")):
        for short, full in _KINDS:
            part = re.sub(rf"^(?:{short})\s+", f"{full} ", part, flags=re.IGNORECASE)
        if part:
            parts.append(part)
    last = [p for p in parts if re.match(r"(?:kota|kabupaten)\s", p, re.IGNORECASE)]
    return " ".join(p for p in parts if p not in last), last[-1] if last else city
