import datetime as dt

import pytest

from claimtrack.extract import extract
from claimtrack.extract.dates import find_dates

PUB = dt.date(2023, 8, 31)


@pytest.mark.parametrize("text,iso,precision", [
    ("في مارس الماضي", "2023-03", "month"),
    ("في آذار الماضي", "2023-03", "month"),
    ("في مارس (آذار) الماضي", "2023-03", "month"),
    ("في كانون الثاني 2021", "2021-01", "month"),
    ("يوم 5 تشرين الأول 2020", "2020-10-05", "day"),
    ("في الثامن من يوليو", "2023-07-08", "day"),
    ("في ١٢ أيار ٢٠٢٢", "2022-05-12", "day"),
    ("أمس", "2023-08-30", "day"),
    ("أول من أمس", "2023-08-29", "day"),
    ("العام الماضي", "2022", "year"),
    ("خلال السنة الماضية", "2022", "year"),
    ("في السنة المقبلة", "2024", "year"),
    ("السنة الحالية", "2023", "year"),
    ("الشهر الماضي", "2023-07", "month"),
    ("في ديسمبر المقبل", "2023-12", "month"),
    ("في عام 2013", "2013", "year"),
    ("yesterday", "2023-08-30", "day"),
    ("last year", "2022", "year"),
    ("last March", "2023-03", "month"),
    ("on March 5, 2021", "2021-03-05", "day"),
    ("الليلة الماضية", "2023-08-30", "day"),
    ("قبل يومين", "2023-08-29", "day"),
    ("منذ ثلاثة أيام", "2023-08-28", "day"),
    ("بعد غد", "2023-09-02", "day"),
    ("خلال الشهر الجاري", "2023-08", "month"),
    ("this year", "2023", "year"),
    ("three days ago", "2023-08-28", "day"),
    ("بتاريخ 10/8/2023", "2023-08-10", "day"),
    ("بتاريخ 2023/8/10م", "2023-08-10", "day"),
    ("في عام 2021م", "2021", "year"),
])

def test_find_dates(text, iso, precision):
    d = find_dates(text, PUB)
    assert d and d[0][2].iso == iso and d[0][2].precision == precision


def test_a_weekday_after_a_relative_day_is_one_date_near_it():
    assert [d.iso for *_, d in find_dates("وقال إن الاجتماع سيعقد غداً الجمعة", PUB)] == ["2023-09-01"]
    assert [d.iso for *_, d in find_dates("وقال اليوم الأربعاء", PUB)] == ["2023-08-30"]


def test_relative_dates_need_publication():
    assert find_dates("أمس والعام الماضي", None) == []


def test_stated_on_and_event_date():
    text = "عنوان\nوكان سامر خليل قد أعلن في مارس الماضي، أن الشركة سلّمت العام الماضي ألف سيارة."
    c = extract(text, language="ar", published=PUB)[0]
    assert c.stated_on.iso == "2023-03"
    assert c.event_date.iso == "2022"
    assert c.claimant.canonical == "سامر خليل"


def test_english_speech_date_and_event_date_are_separate():
    text = ("Ministry blames faulty wiring\n\nIn a statement on Sunday, the ministry said the fire started last Friday."
            " It added that repairs were under way.")
    cs = extract(text, language="en", published=dt.date(2015, 8, 11))
    body = [c for c in cs if "fire" in c.quote or "repairs" in c.quote]
    assert [(c.stated_on.iso, c.event_date and c.event_date.iso) for c in body] == \
        [("2015-08-09", "2015-08-07"), ("2015-08-09", None)], [(c.quote, c.stated_on, c.event_date) for c in cs]


AUG11 = dt.date(2015, 8, 11)


def test_a_dateline_sets_what_today_means():
    text = ("محادثات الموانئ\n\nالقاهرة 24 شوال 1436 هـ الموافق 9 أغسطس 2015 م واس\n"
            " صرح مسؤول في وزارة النقل اليوم بأن حركة الشحن في الموانئ تراجعت بنسبة عشرة في المئة.")
    c = extract(text, language="ar", published=AUG11)[0]
    assert c.stated_on.iso == "2015-08-09"


def test_a_dateline_of_the_publication_day_or_long_before_it_changes_nothing():
    body = " صرح مسؤول في وزارة النقل أمس بأن حركة الشحن في الموانئ تراجعت بنسبة عشرة في المئة."
    same_day = "الموانئ\n\nجدة 26 شوال 1436 هـ الموافق 11 أغسطس 2015 م واس\n" + body
    month_old = "الموانئ\n\nجدة 10 يوليو 2015 م\n" + body
    assert [extract(t, language="ar", published=AUG11)[0].stated_on.iso for t in (same_day, month_old)] == \
        ["2015-08-10", "2015-08-10"]


def test_an_english_wire_dateline():
    from claimtrack.extract.dates import dateline

    assert dateline("Port strike\n\nLISBON, Aug. 9 (Reuters) - Dockers said today that", AUG11) == \
        dt.date(2015, 8, 9)
    assert dateline("On Aug. 9, 2015 the dockers said that the strike would go on", AUG11) is None


def test_a_past_weekday_named_on_that_weekday_is_a_week_back():
    sunday = dt.date(2015, 8, 9)
    assert [d.iso for *_, d in find_dates("وقال الأحد الماضي إن", sunday)] == ["2015-08-02"]
    assert [d.iso for *_, d in find_dates("said last Sunday that", sunday)] == ["2015-08-02"]
    assert [d.iso for *_, d in find_dates("وقال يوم الأحد إن", sunday)] == ["2015-08-09"]
    assert [d.iso for *_, d in find_dates("وقال الخميس الماضي إن", sunday)] == ["2015-08-06"]


def _dated(body: str, language: str = "ar") -> list[tuple]:
    cs = extract("عنوان\n" + body if language == "ar" else "Title\n\n" + body, language=language, published=AUG11)
    return [(c.stated_on and c.stated_on.iso, c.event_date and c.event_date.iso) for c in cs]


def test_a_date_of_an_earlier_clause_does_not_date_the_speech():
    assert _dated("وبدأت المفاوضات بين الطرفين في 20 يوليو، ورأى دبلوماسي غربي أن الاتفاق بات قريبا.") == [(None, None)]
    # a participle continues the dated clause: the date stays
    assert _dated("وأصدر الوزير أمس بيانا عن الأزمة، موضحا أن الحل السياسي ممكن.") == [("2015-08-10", None)]


def test_a_date_after_a_comparison_is_not_the_claimed_event():
    assert _dated("وقال المدير إن المبيعات تراجعت، وهي أقل من الرقم الذي سجلته الشركة في 2009.") == [(None, None)]
    assert _dated("وقال المدير إن المبيعات تراجعت في 2014.") == [(None, "2014")]


def test_a_bare_weekday_or_month_in_a_future_claim_is_the_next_one():
    assert _dated("وقال المدرب إن الفريق سيواجه منافسه يوم الأحد في العاصمة.") == [(None, "2015-08-16")]
    assert _dated("وقال المدير إن وصول الشحنة سيكون في يونيو.") == [(None, "2016-06")]
    assert _dated("وقال المدرب إن الفريق واجه منافسه يوم الأحد في العاصمة.") == [(None, "2015-08-09")]


def test_days_after_publication_and_a_time_of_year():
    assert [d.iso for *_, d in find_dates("وتعلن النتائج بعد يومين", AUG11)] == ["2015-08-13"]
    assert find_dates("توفي بعد أربعة أيام على الحادث", AUG11) == []
    assert find_dates("أعلى من المعدل لهذا الوقت من العام", AUG11) == []


def test_a_postposed_source_dates_the_report_not_the_event():
    assert _dated("وأشار الموقع إلى أن قيمة اللاعبين بلغت 20 مليونا، حسبما أفادت صحيفة محلية أمس.") == \
        [("2015-08-10", None)]
