"""Dates in Arabic and English text: absolute (with python-dateutil) and relative to publication.

`find_dates(text, published)` returns (start, end, PartialDate) in text order; precision is the
finest unit the text states ("2023" year, "2023-03" month, "2023-03-05" day).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

from dateutil import parser as du_parser
from dateutil.relativedelta import relativedelta

from claimtrack.extract.arabic_lexicon import trie_regex
from claimtrack.extract.arabic_patterns import rule
from claimtrack.extract.base import PartialDate
from claimtrack.extract.segment import fold_chars

# month names: (English, Arabic transliterated, Levantine/Iraqi) in folded Arabic spelling
_AR_MONTHS = [
    ("يناير", "كانون الثاني"), ("فبراير", "شباط"), ("مارس", "اذار"), ("ابريل", "نيسان"), ("مايو", "ايار"),
    ("يونيو", "حزيران"), ("يوليو", "تموز"), ("اغسطس", "اب"), ("سبتمبر", "ايلول"), ("اكتوبر", "تشرين الاول"),
    ("نوفمبر", "تشرين الثاني"), ("ديسمبر", "كانون الاول"),
]
_AR_VARIANTS = {"ابريل": ["افريل", "أبريل", "إبريل"], "يوليو": ["يوليوز", "جويلية"], "يونيو": ["يونيه", "جوان"],
                "مايو": ["ماي"], "اغسطس": ["أغسطس", "غشت", "أوت"], "فبراير": ["فبرير"], "يناير": ["جانفي"],
                "ديسمبر": ["دجنبر"], "نوفمبر": ["نونبر"], "سبتمبر": ["شتنبر"]}


def _fold(s: str) -> str:
    return re.sub("[أإآ]", "ا", s).replace("ى", "ي").replace("ة", "ه")


class ArabicParserInfo(du_parser.parserinfo):
    """dateutil parserinfo that also knows Arabic month names (single-token keys; see `_MONTH_TOKEN`)."""

    MONTHS = [
        (en[:3], en, *(_fold(a) for a in (ar, lev.replace(" ", "_"), *_AR_VARIANTS.get(ar, []))))
        for (en, (ar, lev)) in zip(
            ["January", "February", "March", "April", "May", "June", "July", "August", "September",
             "October", "November", "December"], _AR_MONTHS, strict=True)
    ]
    MONTHS[8] = ("Sep", "Sept", "September", *MONTHS[8][2:])


_PINFO = ArabicParserInfo()
_MONTH_NUM: dict[str, int] = {}
for _i, _names in enumerate(ArabicParserInfo.MONTHS, 1):
    for _n in _names:
        _MONTH_NUM[_n.lower().replace("_", " ")] = _i

_MONTH_ALT = trie_regex([k for k in _MONTH_NUM if len(k) > 2 or k == "اب"])
_ORD_DAYS = {
    "الاول": 1, "الثاني": 2, "الثالث": 3, "الرابع": 4, "الخامس": 5, "السادس": 6, "السابع": 7, "الثامن": 8,
    "التاسع": 9, "العاشر": 10, "الحادي عشر": 11, "الثاني عشر": 12, "الثالث عشر": 13, "الرابع عشر": 14,
    "الخامس عشر": 15, "السادس عشر": 16, "السابع عشر": 17, "الثامن عشر": 18, "التاسع عشر": 19, "العشرين": 20,
    "الحادي والعشرين": 21, "الثاني والعشرين": 22, "الثالث والعشرين": 23, "الرابع والعشرين": 24,
    "الخامس والعشرين": 25, "السادس والعشرين": 26, "السابع والعشرين": 27, "الثامن والعشرين": 28,
    "التاسع والعشرين": 29, "الثلاثين": 30, "الحادي والثلاثين": 31,
}
_ORD_ALT = trie_regex(list(_ORD_DAYS))
_W = r"[\u0621-\u064Aa-zA-Z0-9]"
_PAST = r"(?:الماضي|الماضيه|المنصرم|المنصرمه|السابق|last|past)"
_NEXT = r"(?:المقبل|المقبله|القادم|القادمه|next|coming)"
# every word a date expression can start with: a look-ahead on them lets `re` drop most word starts at once
_FIRST_WORDS = trie_regex(sorted({
    *_MONTH_NUM, *_ORD_DAYS, "في", "شهر", "in", "last", "next", "the", "عام", "العام", "سنه", "السنه", "هذه السنه", "year", "امس",
    "البارحه", "yesterday", "اول", "اليوم", "today", "غدا", "tomorrow", "هذا", "خلال", "من", "الاسبوع", "الشهر",
    "يوم", "الاثنين", "الليله", "ليله", "بعد غد", "بعد يومين", *(f"بعد {n}" for n in ("ثلاثه", "اربعه", "خمسه", "سته", "3", "4", "5", "6")), "this", "two", "three", "four", "five", "six",
    *(f"{w} {n}" for w in ("قبل", "منذ") for n in ("يومين", "ثلاثه", "اربعه", "خمسه", "سته", "3", "4", "5", "6")), "الثلاثاء", "الاربعاء", "الخميس", "الجمعه", "السبت", "الاحد", "monday", "tuesday",
    "wednesday", "thursday", "friday", "saturday", "sunday"}))
_DATE_RE = re.compile(  # the leading class eats the character before the date: lets `re` skip fast to it
    rf"[^\u0621-\u064Aa-zA-Z0-9](?=\d|{_FIRST_WORDS})(?:"
    rf"(?P<day>\d{{1,2}}|{_ORD_ALT})(?:\s+من)?\s+(?:شهر\s+)?(?P<m1>{_MONTH_ALT})\.?(?:\s*\((?:{_MONTH_ALT})\))?(?:,?\s+(?:عام\s+|العام\s+|سنه\s+)?(?P<y1>\d{{4}}))?"
    rf"|(?P<m2>{_MONTH_ALT})\.?\s+(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(?P<y2>\d{{4}}))?"
    rf"|(?:(?:في\s+)?(?:شهر\s+)?|(?:in\s+|last\s+|next\s+)?)(?P<m3>{_MONTH_ALT})\.?(?:\s*\((?:{_MONTH_ALT})\))?(?:\s+(?P<cur3>(?:من\s+)?(?:هذا\s+العام|(?:العام|السنه)\s+(?:الحالي|الجاري)))|\s+(?P<rel3>{_PAST}|{_NEXT}|(?:عام\s+|العام\s+)?(?P<y3>\d{{4}}))|(?P<rel3b>)|)"
    rf"|(?P<num>\d{{1,2}}\s*(?P<sep>[/.-])\s*\d{{1,2}}\s*(?P=sep)\s*(?:19|20)\d{{2}}"
    rf"|(?:19|20)\d{{2}}\s*(?P<sep2>[/.-])\s*\d{{1,2}}\s*(?P=sep2)\s*\d{{1,2}})م?"
    rf"|(?:عام|العام|سنه|year|in)\s+(?P<y4>\d{{4}})م?|(?P<y5>(?:19|20)\d{{2}})م?"
    rf"|(?P<lastnight>(?:الليله|ليله)\s+(?:الماضيه|البارحه)|last\s+night)"
    rf"|(?P<ago>(?:قبل|منذ)\s+(?:يومين|(?P<ago_n>ثلاثه|اربعه|خمسه|سته|[3-6])\s+ايام)(?!\s+من(?!{_W}))|(?P<ago_en>two|three|four|five|six|[2-6])\s+days\s+ago)"
    rf"|(?P<dat>بعد\s+غد|the\s+day\s+after\s+tomorrow)"
    rf"|(?P<after>بعد\s+(?:يومين|(?P<after_n>ثلاثه|اربعه|خمسه|سته|[3-6])\s+ايام)(?!\s+(?:فقط\s+)?(?:من|علي|على)(?!{_W}))"
    rf"|in\s+(?P<after_en>two|three|four|five|six|[2-6])\s+days)"
    rf"|(?P<tm>(?:الشهر|هذا\s+الشهر)\s+(?:الجاري|الحالي)|هذا\s+الشهر|this\s+month)"
    rf"|(?P<ty_en>this\s+year)|(?P<lw_en>last|next)\s+week"
    rf"|(?P<yest>امس|البارحه|yesterday)(?!\s+الاول)|(?P<yest2>اول\s+(?:من\s+)?امس|امس\s+الاول|البارحه\s+الاولي|the\s+day\s+before\s+yesterday)"
    rf"|(?P<today>اليوم|today)|(?P<tomorrow>غدا|tomorrow)"
    rf"|(?:العام\s+(?P<ly>الماضي|المنصرم|السابق|الفائت|المقبل|القادم)|السنه\s+(?P<lyf>الماضيه|المنصرمه|السابقه"
    rf"|الفائته|المقبله|القادمه)|(?P<ly_en>last|next)\s+year)"
    rf"|(?P<ty>(?:هذا|خلال)\s+العام|هذه\s+السنه|العام\s+(?:الحالي|الجاري)|السنه\s+(?:الحاليه|الجاريه)|(?<!الوقت\s)من\s+العام(?!\s+(?:الماضي|المنصرم|السابق|الفائت|المقبل|القادم|\d)))"
    rf"|(?:الاسبوع\s+(?P<lw>الماضي|المنصرم|الفائت|المقبل|القادم))"
    rf"|(?:(?:الشهر)\s+(?P<lm>الماضي|المنصرم|السابق|الفائت|المقبل|القادم)|(?P<lm_en>last|next)\s+month)"
    rf"|(?:يوم\s+|(?P<wd_last>last)\s+)?(?P<wd>الاثنين|الثلاثاء|الاربعاء|الخميس|الجمعه|السبت|الاحد|monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
    rf"(?:\s+(?P<wd_next>المقبل|القادم)|\s+(?P<wd_past>الماضي|المنصرم|الفائت))?"
    rf")(?!{_W})"
)  # matched against lower-cased text: IGNORECASE makes `re` several times slower on Arabic
_DATE_RE_I = re.compile(_DATE_RE.pattern, re.IGNORECASE)
_WEEKDAYS = {"الاثنين": 0, "الثلاثاء": 1, "الاربعاء": 2, "الخميس": 3, "الجمعه": 4, "السبت": 5, "الاحد": 6,
             "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6}


def month_number(word: str) -> int | None:
    """1–12 for a month name (folded, lower case: "اغسطس", "اب", "august"), else None."""
    return _MONTH_NUM.get(word)


def weekday_number(word: str) -> int | None:
    """0 (Monday) – 6 for a weekday name (folded, lower case: "الاحد", "sunday"), else None."""
    return _WEEKDAYS.get(word)


def _pd(d: dt.date, precision: str) -> PartialDate:
    iso = {"year": f"{d.year:04d}", "month": f"{d.year:04d}-{d.month:02d}"}.get(precision, d.isoformat())
    return PartialDate(iso, precision)


def _month_date(month: int, year: int | None, rel: str, pub: dt.date | None) -> dt.date | None:
    if year is not None:
        return dt.date(year, month, 1)
    if pub is None:
        return None
    past = bool(re.fullmatch(_PAST, rel or "", re.IGNORECASE))
    nxt = bool(re.fullmatch(_NEXT, rel or "", re.IGNORECASE))
    if nxt:
        y = pub.year if month > pub.month else pub.year + 1
    elif past:
        y = pub.year if month < pub.month else pub.year - 1
    else:  # a bare month: the nearest one not after publication
        y = pub.year if month <= pub.month else pub.year - 1
    return dt.date(y, month, 1)


def _parse_with_dateutil(s: str, default: dt.datetime) -> dt.datetime | None:
    try:
        return du_parser.parse(s, parserinfo=_PINFO, default=default)
    except (ValueError, OverflowError):
        return None


def _merge(spans: list[tuple[int, int]], n: int, pad: int = 24) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for a, b in sorted((max(0, a - pad), min(n, b + pad)) for a, b in spans):
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out


def _matches(text: str, spans: list[tuple[int, int]] | None) -> Iterator[tuple[int, int, re.Match[str]]]:
    """(start, end, match) of date expressions in `text` (or in its `spans`)."""
    src = "\n" + fold_chars(text)  # shifted by one: every date has a character before it
    low = src.lower()
    rx = _DATE_RE
    if len(low) == len(src):
        src = low
    else:  # a rare letter whose lower case is longer: keep offsets, match case-insensitively
        rx = _DATE_RE_I
    n = len(text)
    for a, b in _merge(spans, n) if spans is not None else [(0, n)]:
        for m in rx.finditer(src, a, b + 1):
            yield m.start(), m.end() - 1, m


def find_dates(text: str, published: dt.date | None,
               spans: list[tuple[int, int]] | None = None) -> list[tuple[int, int, PartialDate]]:
    """Dates stated in `text` (any language; Arabic raw or folded), resolved against `published`.

    With `spans`, only those regions of the text (padded a little) are read.
    """
    out: list[tuple[int, int, PartialDate]] = []
    for start, end, m in _matches(text, spans):
        g = m.groupdict()
        d: PartialDate | None = None
        if g["num"]:
            d = _numeric_date(g["num"])
        elif g["m1"] or g["m2"] or g["m3"]:
            d = _month_match(g, published)
        elif g["y4"] or g["y5"]:
            y = int(g["y4"] or g["y5"])
            if 1900 <= y <= 2100:
                d = PartialDate(str(y), "year")
        elif published is not None:
            d = _relative_match(g, published)
        if d is not None:
            if out and _adjacent(text, out[-1][1], start) and d.precision == "day" and out[-1][2].precision == "day":
                if g["wd"] and d != out[-1][2]:  # "اليوم الاثنين" in Tuesday's paper: the named day wins
                    out[-1] = (out[-1][0], end, _pd(_nearest_weekday(out[-1][2], g["wd"]), "day"))
                continue  # "أمس الاثنين": one date
            out.append((start, end, d))
    return out


def _adjacent(text: str, prev_end: int, start: int) -> bool:
    """Only spaces, harakat or a comma between two dates ("غداً الأربعاء", "أمس، الاثنين"), never a line break."""
    return start - prev_end <= 4 and not re.search(r"[^ \t\u00a0\u064B-\u0652،,]", text[prev_end:start])


def _nearest_weekday(day: PartialDate, weekday: str) -> dt.date:
    """The date named `weekday` nearest to `day` ("اليوم الاثنين" in Tuesday's paper: the day before; "غداً
    الأربعاء": the same day)."""
    base = dt.date.fromisoformat(day.iso)
    back = (base.weekday() - _WEEKDAYS[weekday.lower()]) % 7
    return base - dt.timedelta(days=back) if back <= 3 else base + dt.timedelta(days=7 - back)


def _numeric_date(s: str) -> PartialDate | None:
    """ "10/8/2015", "2015/8/10", "10-08-2015م": day first (the Arabic and European order), through dateutil."""
    try:
        year_first = s.strip()[:4].isdigit()
        d = du_parser.parse(re.sub(r"\s+", "", s), dayfirst=not year_first, yearfirst=year_first)
    except (ValueError, OverflowError):
        return None
    return _pd(d.date(), "day")


def _month_match(g: dict[str, str | None], published: dt.date | None) -> PartialDate | None:
    """ "5 مارس 2023", "March 5", "في مارس الماضي", "سبتمبر من العام الحالي": a month, with a day if stated."""
    month = _MONTH_NUM.get((g["m1"] or g["m2"] or g["m3"] or "").lower())
    if month is None:
        return None
    day = g["day"] or g["day2"]
    year = g["y1"] or g["y2"] or g["y3"]
    if day and not day.isdigit():
        day = str(_ORD_DAYS[day])
    if not year and g.get("cur3") and published is not None:
        year = str(published.year)  # "سبتمبر من العام الحالي": this year, even if still ahead
    base = _month_date(month, int(year) if year else None, g.get("rel3") or "", published)
    if base is None:
        return None
    if not day:
        return _pd(base, "month")
    token = f"{int(day)} {ArabicParserInfo.MONTHS[month - 1][2]} {base.year}"
    parsed = _parse_with_dateutil(token, dt.datetime(base.year, month, 1))
    return _pd(parsed.date(), "day") if parsed is not None else None


_BACK = ("الماضي", "المنصرم", "السابق", "الفائت", "last")


_AGO = {"ثلاثه": 3, "اربعه": 4, "خمسه": 5, "سته": 6, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}


def _span_match(g: dict[str, str | None], published: dt.date) -> PartialDate | None:
    """الليلة الماضية، قبل يومين، منذ ثلاثة أيام، بعد غد، الشهر الجاري، this year, last week … against `published`
    (dateutil's relativedelta for the steps)."""
    if g["lastnight"]:
        return _pd(published - relativedelta(days=1), "day")
    if g["ago"]:
        n = g["ago_n"] or g["ago_en"]
        days = 2 if n is None else int(n) if n.isdigit() else _AGO[n.lower()]
        return _pd(published - relativedelta(days=days), "day")
    if g["dat"]:
        return _pd(published + relativedelta(days=2), "day")
    if g["after"]:  # "بعد يومين", "in three days": that many days after publication ("بعد أربعة أيام على فوزه": not)
        n = g["after_n"] or g["after_en"]
        return _pd(published + relativedelta(days=2 if n is None else int(n) if n.isdigit() else _AGO[n.lower()]),
                   "day")
    if g["tm"]:
        return _pd(published, "month")
    if g["ty_en"]:
        return PartialDate(str(published.year), "year")
    if g["lw_en"]:
        return _pd(published + relativedelta(days=-7 if g["lw_en"].lower() == "last" else 7), "month")
    return None


def _relative_match(g: dict[str, str | None], published: dt.date) -> PartialDate | None:
    """أمس، اليوم، غداً، العام الماضي، الشهر المقبل، الأسبوع الماضي، يوم الاثنين … against `published`."""
    span = _span_match(g, published)
    if span is not None:
        return span
    if g["yest"]:
        return _pd(published - dt.timedelta(days=1), "day")
    if g["yest2"]:
        return _pd(published - dt.timedelta(days=2), "day")
    if g["today"]:
        return _pd(published, "day")
    if g["tomorrow"]:
        return _pd(published + dt.timedelta(days=1), "day")
    if g["ly"] or g["lyf"] or g["ly_en"]:  # "السنة الماضية": the feminine agrees with سنة
        step = -1 if (g["ly"] or (g["lyf"] or "").removesuffix("ه") or g["ly_en"] or "").lower() in _BACK else 1
        return PartialDate(str(published.year + step), "year")
    if g["ty"]:
        return PartialDate(str(published.year), "year")
    if g["lw"]:
        return _pd(published + dt.timedelta(days=-7 if g["lw"] in _BACK else 7), "month")
    if g["lm"] or g["lm_en"]:
        step = -1 if (g["lm"] or g["lm_en"] or "").lower() in _BACK else 1
        return _pd(published + relativedelta(months=step), "month")
    if g["wd"]:
        day = _WEEKDAYS[g["wd"].lower()]
        if g["wd_next"]:  # "الأحد المقبل": the next one after publication, through dateutil's weekday step
            return _pd(published + relativedelta(days=1, weekday=day), "day")
        back = (published.weekday() - day) % 7
        if back == 0 and (g["wd_past"] or g["wd_last"]):  # "الأحد الماضي" in Sunday's paper: a week ago
            back = 7
        return _pd(published - dt.timedelta(days=back), "day")
    return None


# "في كلمة ألقاها أمس", "خلال مؤتمر صحفي مساء الأحد", "in a statement on Monday", a postposed source ("…، حسبما أفادت
# صحيفة X اليوم"): a date that dates a speech event
_SPEECH_EVENT = re.compile(
    r"(?:(?:في|خلال|اثناء)\s+(?:ال)?(?:كلمه|مؤتمر|تصريح|تصريحات|مقابله|لقاء|حديث|بيان|اتصال|خطاب|جلسه|اجتماع|ندوه)"
    r"|(?:حسبما|حسب\s+ما|بحسب\s+ما|وفق\s+ما|وفقا\s+لما|كما)\s+(?:افاد|افادت|ذكر|ذكرت|اورد|اوردت|نقل|نقلت|اعلن|اعلنت"
    r"|قال|قالت|نشر|نشرت)"
    r"|(?:in|during)\s+(?:a|an|the|his|her|their)\s+(?:statement|speech|interview|briefing|press\s+conference))"
    r"(?:\s+\S+){0,4}\s*$", re.IGNORECASE)


def speech_event_date(text: str, start: int) -> bool:
    """True when the date at `start` follows a speech-event phrase ("…، وذلك في كلمة ألقاها أمس"): it dates
    the speech act (stated_on), not the event the claim is about."""
    return bool(_SPEECH_EVENT.search(fold_chars(text[max(0, start - 60) : start])))


# A wire dateline: «روما 25 شوال 1436 هـ الموافق 10 أغسطس 2015 م واس» on a line of its own near the top, or
# "ROME, Aug. 10 (Reuters) - …" opening a paragraph. Its date is the day the dispatch's «اليوم»/"today" means.
_DATELINE_AR = re.compile(
    r"^[ \t\u00a0]*[^\d\n]{2,40}?[ \t\u00a0]+(?:\d{1,2}[ \t\u00a0]+\S+[ \t\u00a0]+1[34]\d\d[ \t\u00a0]*هـ?[ \t\u00a0]*"
    r"(?:الموافق)?[ \t\u00a0]*)?(?P<date>\d{1,2}[ \t\u00a0]+\S+[ \t\u00a0]+(?:19|20)\d\d)[ \t\u00a0]*م?"
    r"(?:[ \t\u00a0]*[-–—(]?[ \t\u00a0]*\S{2,12}\)?)?[ \t\u00a0\u200e\u200f]*$")
_DATELINE_EN = re.compile(
    r"^[ \t\u00a0]*[A-Z][A-Z .'-]{1,30},[ \t\u00a0]+(?P<date>[A-Z][a-z]{2,8}\.?[ \t\u00a0]+\d{1,2})"
    r"(?:,?[ \t\u00a0]+(?:19|20)\d\d)?[ \t\u00a0]*(?:\([^)\n]{2,20}\))?[ \t\u00a0]*[-–—]")
_DATELINE_REACH, _DATELINE_LINES = 400, 4  # a dateline heads the dispatch: only its first lines are read
_DATELINE_AR_LEN = 120  # an Arabic dateline is a short line of its own
_DATELINE_DAYS = 7  # a dispatch printed more than a week after its dateline is not read against it


@rule("محادثات الموانئ\nالقاهرة 24 شوال 1436 هـ الموافق 9 أغسطس 2015 م واس\n"
      " صرح مسؤول في وزارة النقل اليوم بأن حركة الشحن في الموانئ تراجعت بنسبة عشرة في المئة.")
def dateline(text: str, published: dt.date | None) -> dt.date | None:
    """The day of the dispatch's dateline, when it is stated to the day and lies in the week up to publication
    (or publication is unknown): relative dates («اليوم»، «أمس»، "today") are read against it, so «روما 25 شوال
    1436 هـ الموافق 10 أغسطس 2015 م واس» before «أفادت مصادر … اليوم بأن» in a paper of 11 August makes «اليوم»
    10 August, and no statement is dated after 10 August."""
    for line in text[:_DATELINE_REACH].split("\n", _DATELINE_LINES)[:_DATELINE_LINES]:
        m = _DATELINE_AR.match(line) if len(line) <= _DATELINE_AR_LEN else None
        m = m or _DATELINE_EN.match(line)
        if m is None:
            continue
        found = find_dates(" " + m.group("date"), published)
        if not found or found[0][2].precision != "day":
            continue
        day = dt.date.fromisoformat(found[0][2].iso)
        if published is None or dt.timedelta(0) <= published - day <= dt.timedelta(days=_DATELINE_DAYS):
            return day
    return None
