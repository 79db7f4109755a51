"""Arabic quotations, fronted topics, outlets, impersonal cues and dated weekdays (sentences written here, not taken
from the corpus)."""

import datetime as dt

from claimtrack.extract import extract
from claimtrack.extract.segment import quote_spans

PUB = dt.date(2023, 8, 29)  # a Tuesday


def _claims(body, headline="عنوان"):
    return extract(f"{headline}\n{body}", language="ar", published=PUB)


def test_unclosed_straight_quote_reopens_after_participle():
    t = 'وقال "أبلغت الوزير بكل التفاصيل، مشددا "القرار لم يصدر عن النادي بل عن اللجنة". وأضاف خالد الحربي أن الفريق جاهز.'
    spans = quote_spans(t)
    assert [t[a:b] for a, b in spans] == ['"القرار لم يصدر عن النادي بل عن اللجنة"']


def test_other_speaker_after_broken_quote_keeps_own_name():
    body = ('وأكد سالم العتيبي أن الموعد لم يحسم. وقال "شرحت الأمر للجميع في الاجتماع، مشددا "التأجيل لم يأت مني". '
            'في المقابل، أكد فهد القحطاني عضو اللجنة أن الميزانية متوفرة بالكامل.')
    c = _claims(body)
    last = [x for x in c if "الميزانية متوفرة" in x.quote]
    assert last and last[0].claimant.canonical == "فهد القحطاني"


def test_paragraph_initial_talaba_is_the_verb():
    c = _claims("طالب رئيس جمعية المزارعين ماجد السالم، الحكومة بدعم أسعار الأعلاف.\nوقال إن الموسم تضرر كثيرا بسبب الجفاف.")
    assert any(x.kind == "call" for x in c)
    said = [x for x in c if "الموسم تضرر" in x.quote]
    assert said and ("السالم" in said[0].claimant.canonical or "جمعية المزارعين" in said[0].claimant.canonical)


def test_fronted_topic_before_imperfect_verb_is_not_the_speaker():
    c = _claims("وعن سوق الخضار يقول ناصر الدوسري: الأسعار تضاعفت خلال شهر واحد.")
    assert len(c) == 1 and c[0].claimant.canonical == "ناصر الدوسري"


def test_outlet_addressed_right_after_the_verb():
    c = _claims('نفى لـ"المدينة" مدير التعليم سعد الشهري الأنباء التي تحدثت عن تأجيل الدراسة، وأوضح أن الموعد ثابت.')
    assert c[0].kind == "denial" and "الشهري" in c[0].claimant.canonical
    assert "الأنباء التي تحدثت عن تأجيل" in c[0].quote
    assert c[1].claimant.canonical == c[0].claimant.canonical


def test_impersonal_yudhkar_and_whoever_said_are_not_claims():
    assert _claims("ويذكر أن المهرجان انطلق قبل عشرة أعوام في المدينة.") == []
    assert _claims("وقد أخطأ من قال بغير ذلك في المقال السابق.") == []


def test_named_weekday_beats_today_in_next_days_paper():
    c = _claims("وقال أحمد الزهراني إن الوزارة سجلت 40 بلاغا اليوم الاثنين.")
    assert c and c[0].event_date is not None and c[0].event_date.iso == "2023-08-28"


def test_event_nouns_are_never_sources():
    c = _claims("وقال أحمد الزهراني إن البلدية تأخرت. كما تشير الهجمات إلى أن الأمن متدهور.")
    assert len(c) == 1 and c[0].claimant.canonical == "أحمد الزهراني"
