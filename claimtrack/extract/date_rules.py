"""Named rules that decide which dates around a claim date its speech act or its event.

`postprocess` (in `claimtrack.extract`) finds every date near a claim with `dates.find_dates`; `_date_roles`
splits them into dates of the speech act (`stated_on`) and of the claimed event (`event_date`). The rules here
refine that split. Each is registered with `arabic_patterns.rule`, so `bench/ablate.py` can switch it off, and its
example sentence (written for it) changes output when it is off (`tests/test_extract_ar_patterns.py`).
"""

from __future__ import annotations

import datetime as dt
import re

from dateutil.relativedelta import relativedelta

from claimtrack.extract.arabic_patterns import rule
from claimtrack.extract.base import PartialDate
from claimtrack.extract.dates import month_number, weekday_number
from claimtrack.text import fold


@rule("عنوان\nوبدأت المفاوضات بين الطرفين في 20 يوليو، ورأى دبلوماسي غربي أن الاتفاق بات قريبا.", off=False)
def earlier_clause_date(between: str, cue: str | None) -> bool:
    """ "وبدأت المفاوضات في 20 يوليو، ورأى دبلوماسي أن …": a date followed, before the claim, by «، و» and the
    claim's own reporting verb belongs to the earlier clause (its own verb, its own event), not to this speech act.
    `between`: the text from the date's end to the claim's start."""
    if not cue:
        return False
    return re.search(rf"[،,]\s*[وف]{re.escape(fold(cue))}(?!\S)", fold(between)) is not None


# a comparative with a number ("أكثر من 500 ألف") states a quantity, not a comparison
_COMPARISON = re.compile(r"(?<!\S)(?:[بل]?شبيه[هة]?|(?:اقل|اكثر|اعلي|ادني)\s+من(?!\s*[\d\u0660-\u0669])"
                         r"|بالمقارن[هة]|مقارن[هة]|قياسا|علي\s+غرار|similar\s+to|compared\s+(?:with|to))(?!\S)")


@rule("عنوان\nوقال المدير إن المبيعات تراجعت بنسبة كبيرة أقل من الرقم الذي سجلته الشركة في 2009.", off=False)
def comparison_date(clause_before: str) -> bool:
    """ "… أقل من الرقم القياسي الذي حققه البرنامج في 2008", "حرب شبيهة بالتي شهدتها البلاد عام 2012": a date
    after a comparison in the same clause dates what the claim is compared with, not the claimed event.
    `clause_before`: the claim's text from its last comma before the date to the date."""
    return _COMPARISON.search(fold(clause_before)) is not None


_FUTURE_NEAR = re.compile(r"(?<!\S)(?:ال)?(?:مرتقب|مرتقبه|مقرر|مقرره|مقبل|مقبله|قادم|قادمه)(?!\S)")


@rule("عنوان\nوقال المدرب إن الفريق سيواجه منافسه القوي يوم الخميس في العاصمة.", off=None)
def future_forward(text: str, a: int, b: int, d: PartialDate, prediction: bool,
                   published: dt.date | None) -> PartialDate | None:
    """ "سيواجه منافسه يوم الخميس", "وصول الدفعة سيكون في سبتمبر", "المباراة المرتقبة مساء الأربعاء": a bare
    weekday or month (no «الماضي»/«المقبل», no year) in a prediction, or right after a future word («المرتقبة»,
    «المقررة»), dates a future event,
    so it is the next one after publication, not the last one before it (dateutil's relativedelta steps)."""
    if published is None or not (prediction or _FUTURE_NEAR.search(fold(text[max(0, a - 40) : a]))):
        return None
    words = [w for w in re.findall(r"\w+", fold(text[a:b]).lower()) if w not in ("يوم", "في", "شهر", "on", "in")]
    if len(words) != 1:
        return None
    if d.precision == "day" and weekday_number(words[0]) is not None:
        day = dt.date.fromisoformat(d.iso)
        return PartialDate((day + relativedelta(weeks=1)).isoformat(), "day") if day < published else None
    if d.precision == "month" and month_number(words[0]) is not None:
        month = dt.date.fromisoformat(d.iso + "-01")
        if month < published.replace(day=1):
            return PartialDate((month + relativedelta(years=1)).isoformat()[:7], "month")
    return None
