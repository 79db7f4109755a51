"""Arabic cue words, postposed sources and span boundaries, on sentences written for these tests."""

from __future__ import annotations

import datetime as dt

from claimtrack.extract import extract

PUB = dt.date(2015, 8, 11)


def _claims(body: str):
    return extract("عنوان\n" + body, language="ar", published=PUB)


def test_abana_reports_with_a_complementizer_only():
    (c,) = _claims("وأبان المدير العام أن المستشفى استقبل مئة حالة خلال الأسبوع.")
    assert c.claimant.canonical == "المدير العام" and c.quote.startswith("المستشفى استقبل")
    assert _claims("وأبان اللاعب عن مهارة كبيرة في المباراة.") == []


def test_azaa_attributes_an_explanation():
    (c,) = _claims("وعزا البنك المركزي تراجع الأسهم إلى ارتفاع أسعار الفائدة.")
    assert c.kind == "assessment" and "ارتفاع أسعار الفائدة" in c.quote
    assert "البنك المركزي" in c.claimant_surface


def test_source_in_a_relative_ma_clause():
    (c,) = _claims("وارتفع عدد الزوار إلى مليون زائر، بحسب ما أوردته هيئة السياحة على موقعها.")
    assert "هيئة السياحة" in c.claimant.canonical and c.quote.startswith("وارتفع عدد الزوار")
    (c,) = _claims("ووفقا لما نقلته وكالة الأنباء الرسمية فإن الطريق أغلق بالكامل.")
    assert "وكالة الأنباء" in c.claimant.canonical and c.quote.startswith("الطريق أغلق")


def test_span_never_ends_inside_a_quotation_it_opened():
    (c,) = _claims("وقال المدير إن الإدارة «ستراجع الخطة الشهر المقبل. وستعلن النتائج» بعد ذلك.")
    assert c.quote.count("«") == c.quote.count("»") == 1


def test_long_content_is_cut_to_a_clause():
    body = "وأوضح الناطق أن " + "الدورية رصدت المركبة عند المدخل الشمالي للمدينة، " * 14 + "وتم توقيف السائق."
    (c,) = _claims(body)
    assert c.quote.startswith("الدورية رصدت") and len(c.quote) <= 560


def test_pronoun_on_the_complementizer_is_the_subject():
    (c,) = _claims("وذكرت المصادر أنهما من القارة الآسيوية.")
    assert c.quote.startswith("أنهما")
    (c,) = _claims("وأشار المدير إلى أنه تم افتتاح الفرع الجديد.")
    assert c.quote.startswith("تم افتتاح")


def test_courtesy_is_no_claim():
    assert _claims("وأعرب المدير عن شكره للعاملين على تنظيم المعرض الذي قدم أنشطة كثيرة.") == []
    assert _claims("وأبدى أعضاء المجلس ملاحظات على التقرير السنوي للبلدية.") == []
    (c,) = _claims("وأعرب المدير عن شكره للعاملين، مؤكدا أن المعرض حقق أهدافه.")
    assert c.quote.startswith("المعرض حقق")


def test_named_and_formula_quotations_are_not_content():
    (c,) = _claims("وأكد الباحث، في ندوة «الخط العربي في ميزان التاريخ»، أن المخطوط قديم جدا.")
    assert c.quote.startswith("المخطوط قديم")
    (c,) = _claims("وأكد المتحدث حرص الحكومة «حفظها الله» على تحقيق الأمن في كل المناطق.")
    assert "تحقيق الأمن" in c.quote


def test_qawl_only_verb_is_no_headline_speech():
    cs = extract("المنتخب يختتم معسكره بمواجهة الأهلي\nوقال المدرب إن الفريق جاهز.", language="ar", published=PUB)
    assert [c.claimant.canonical for c in cs] == ["المدرب"]


def test_title_abbreviation_does_not_end_the_sentence():
    (c,) = _claims("وأوضح د. سامي العلي أن المستشفى استقبل مئة حالة.")
    assert c.claimant.canonical == "سامي العلي" and c.quote.startswith("المستشفى استقبل")


def test_wasf_with_a_bi_description_needs_no_complementizer():
    (c,) = _claims("ووصف المتحدث الرسمي الهجوم على القرية بالعمل الإجرامي الجبان.")
    assert c.kind == "assessment" and "بالعمل الإجرامي" in c.quote
    assert _claims("ووصف المتحدث الرسمي الهجوم على القرية.") == []


def test_follow_up_verb_is_no_headline_speech():
    cs = extract("الوزارة تتابع تطبيق قرار منع العمل تحت الشمس\nوقال المدير إن الجولات مستمرة.", language="ar",
                 published=PUB)
    assert [c.claimant.canonical for c in cs] == ["المدير"]
