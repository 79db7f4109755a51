"""Published dates with their precision (day, month or year), parsed by python-dateutil.

dateutil fills missing fields from its `default`; parsing twice with two different defaults shows
which fields the string really gave, so "2015-08" is (2015-08-01, "month"), not a made-up day.
"""

from __future__ import annotations

import re
from datetime import date, datetime

from dateutil import parser as _dparser

_DEFAULT_A = datetime(2000, 1, 1)
_DEFAULT_B = datetime(2004, 12, 28)  # day 28 exists in every month
_YEAR_ONLY = re.compile(r"^\s*(\d{4})\s*$")
# ISO dates and date-times (the common case) skip dateutil: same result, several times faster.
_ISO = re.compile(
    r"^(\d{4})-(\d{2})(?:-(\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:Z|[+-]\d{2}:?\d{2})?)?)?$"
)


def parse_date(value: object) -> tuple[date | None, str | None]:
    """(date, precision) from a string, date or datetime; (None, None) when nothing reliable is found.

    The date is the calendar date as written (a time zone does not shift it). A string without a
    year gives nothing.
    """
    if value is None:
        return None, None
    if isinstance(value, datetime):
        return value.date(), "day"
    if isinstance(value, date):
        return value, "day"
    if isinstance(value, int) and 1000 <= value <= 9999:
        return date(value, 1, 1), "year"
    if not isinstance(value, str):
        return None, None
    text = value.strip()
    if not text or len(text) > 100:
        return None, None
    m = _YEAR_ONLY.match(text)
    if m:
        return date(int(m.group(1)), 1, 1), "year"
    m = _ISO.match(text)
    if m:
        try:
            if m.group(3):
                return date(int(m.group(1)), int(m.group(2)), int(m.group(3))), "day"
            return date(int(m.group(1)), int(m.group(2)), 1), "month"
        except ValueError:
            return None, None
    try:
        a = _dparser.parse(text, default=_DEFAULT_A)
        b = _dparser.parse(text, default=_DEFAULT_B)
    except (ValueError, OverflowError, TypeError):
        return None, None
    if isinstance(a, tuple) or isinstance(b, tuple):  # fuzzy_with_tokens never set; be defensive
        return None, None
    if a.year != b.year:
        return None, None
    if a.month != b.month:
        return date(a.year, 1, 1), "year"
    if a.day != b.day:
        return date(a.year, a.month, 1), "month"
    return a.date(), "day"
