"""Arabic cues and claimant rules, one test per cue form, on sentences written for these tests."""

import datetime as dt

import pytest

from claimtrack.extract import extract
from claimtrack.extract.dates import find_dates

PUB = dt.date(2023, 8, 31)
CONTENT = "المصنع أنتج عشرة آلاف قطعة"


def _claims(body, headline="عنوان"):
    return extract(f"{headline}\n{body}", language="ar", published=PUB)


def _only(body, **kw):
    cs = _claims(body, **kw)
    assert len(cs) == 1, [(c.quote, c.claimant.canonical) for c in cs]
    return cs[0]


@pytest.mark.parametrize("verb,kind", [
    ("قال", "statement"), ("قالت", "statement"), ("قالوا", "statement"), ("يقول", "statement"),
    ("أكد", "statement"), ("أكدت", "statement"), ("يؤكد", "statement"),
    ("نفى", "denial"), ("نفت", "denial"), ("ينفي", "denial"),
])
@pytest.mark.parametrize("prefix", ["و", "ف", ""])
def test_verb_forms_and_prefixes(verb, kind, prefix):
    c = _only(f"{prefix}{verb} سامر خليل إن {CONTENT}.")
    assert CONTENT in c.quote and c.claimant.canonical == "سامر خليل" and c.kind == kind


@pytest.mark.parametrize("cue,kind", [
    ("مؤكداً", "statement"), ("مشيراً إلى", "statement"), ("معتبراً", "assessment"), ("داعياً إلى", "call"),
    ("محذراً من", "statement"),
])
def test_participial_adverbials(cue, kind):
    cs = _claims(f"وقال سامر خليل إن {CONTENT}، {cue} أن الطلب تراجع.")
    assert len(cs) == 2 and cs[1].claimant.canonical == "سامر خليل" and cs[1].kind == kind
    assert "الطلب تراجع" in cs[1].quote and "الطلب" not in cs[0].quote


def test_participle_after_a_non_reporting_verb_takes_the_sentence_subject():
    cs = _claims("وأصدر الوزير خالد سامر بياناً أمس، موضحاً أن المصنع سيغلق.")
    assert cs and cs[-1].claimant.canonical == "خالد سامر" and "المصنع سيغلق" in cs[-1].quote


def test_feminine_participle_used_as_adjective_is_no_cue():
    assert _claims("ووصل الوفد إلى المدينة وسط إجراءات مشددة في الشوارع.") == []


@pytest.mark.parametrize("verb,kind", [("اتهم", "statement"), ("طالب", "call"), ("دعا", "call"),
                                       ("أبدى", "statement"), ("أصر", "statement")])
def test_more_reporting_verbs(verb, kind):
    obj = {"اتهم": "الشركة المنافسة بسرقة التصاميم", "طالب": "بزيادة الأجور فوراً",
           "دعا": "إلى زيادة الأجور فوراً", "أبدى": "قلقه من تراجع الصادرات",
           "أصر": "على أن الصادرات لم تتراجع"}[verb]
    c = _only(f"و{verb} سامر خليل، مدير شركة الأمل، {obj}.")
    assert obj.split()[-1] in c.quote and c.claimant.canonical == "سامر خليل" and c.kind == kind


@pytest.mark.parametrize("sentence,source", [
    ("وبحسب وكالة رويترز، ارتفع إنتاج المصنع إلى عشرة آلاف قطعة.", "Reuters"),
    ("ارتفع إنتاج المصنع إلى عشرة آلاف قطعة، وفقاً لـ وزارة الصناعة.", "وزارة الصناعة"),
    ("ارتفع إنتاج المصنع إلى عشرة آلاف قطعة، وفقاً لوزارة الصناعة.", "وزارة الصناعة"),
    ("ارتفع إنتاج المصنع إلى عشرة آلاف قطعة، بحسب صحيفة «الأفق».", "الأفق"),
    ("وذكرت صحيفة الأفق نقلاً عن مصدر حكومي أن إنتاج المصنع ارتفع.", "مصدر حكومي"),
])
def test_source_prepositions(sentence, source):
    c = _only(sentence)
    assert source in c.claimant.canonical and "إنتاج المصنع" in c.quote


def test_preposition_without_a_source_is_no_claim():
    assert _claims("وتعمل المصانع وفقاً للقانون الجديد منذ عامين.") == []
    assert _claims("ووزعت الحصص حسب الخطة المعتمدة.") == []


def test_same_source_and_a_different_agency():
    cs = _claims("وأصيب ثلاثة عمال في الحريق، بحسب مكتب المحافظ. وتوفي أحدهم لاحقاً، وفق المصدر نفسه.\n"
                 "وقالت وكالة الأناضول إن الحريق بدأ في المخزن.\n"
                 "وانهار جزء من السقف، بحسب وكالة دوغان.")
    assert [c.claimant.canonical for c in cs] == ["مكتب المحافظ", "مكتب المحافظ", "Anadolu Agency", "وكالة دوغان"]


@pytest.mark.parametrize("headline,source", [
    ("سامر خليل: المصنع سيغلق قريباً", "سامر خليل"),
    ("سامر خليل لـ«الأفق»: المصنع سيغلق قريباً", "سامر خليل"),
])
def test_headline_source_colon(headline, source):
    c = extract(f"{headline}\nنص المقال.", language="ar", published=PUB)[0]
    assert "المصنع سيغلق قريباً" in c.quote and "الأفق" not in c.quote and c.claimant.canonical == source


@pytest.mark.parametrize("cont", ["وأضاف", "وتابع"])
def test_continuation_goes_to_last_named_speaker(cont):
    cs = _claims(f"وقال سامر خليل إن {CONTENT}.\nوقال مازن فؤاد إن العمال راضون.\n{cont} أن الطلب يرتفع.")
    assert cs[-1].claimant.canonical == "مازن فؤاد"


def test_described_speaker_is_the_introduced_person():
    cs = _claims("وقال سامر خليل، المتحدث باسم وزارة الصناعة، إن المصنع أنتج عشرة آلاف قطعة.\n"
                 "وقال محمد سعيد إن العمال راضون.\n"
                 "وأكد المتحدث باسم وزارة الصناعة أن الصادرات تضاعفت.")
    assert cs[-1].claimant.canonical == "سامر خليل"


def test_subject_after_an_adverbial_phrase():
    c = _only("وقال سامر خليل، في مؤتمر صحافي مع منى فؤاد، عقب اجتماع جمع بين الوفدين في المدينة، "
              f"إن {CONTENT}.")
    assert c.claimant.canonical == "سامر خليل" and CONTENT in c.quote


def test_relative_clause_speaker_is_the_antecedent():
    cs = _claims("واتصل الوزير بالدكتور سامر خليل مدير مستشفى الأمل الذي أكد أن المستشفى لن يغلق.")
    assert cs[-1].claimant.canonical == "سامر خليل"


def test_anonymous_official():
    c = _only("وأكد مسؤول حكومي رفض الكشف عن اسمه لوكالة رويترز أن المصنع سيغلق.")
    assert c.claimant.canonical == "مسؤول حكومي"


def test_imperfect_after_verb_subject_clause():
    cs = _claims("وقال سامر خليل إن الشركة ناجحة.\nوكتب سامر خليل على موقع «تويتر» يقول: «الصادرات تضاعفت».")
    assert cs[-1].claimant.canonical == "سامر خليل" and "الصادرات تضاعفت" in cs[-1].quote


def test_verbal_noun_object_falls_back_to_the_speaker():
    cs = _claims(f"وقال سامر خليل إن {CONTENT}.\nواستبعد إغلاق المصنع في الوقت الحالي.")
    assert cs[-1].claimant.canonical == "سامر خليل" and "إغلاق المصنع" in cs[-1].quote


def test_quoted_group_name_is_the_subject():
    c = _only("وأعلنت «جبهة الشمال» الاثنين مسؤوليتها عن الهجوم على المخزن.")
    assert "جبهة الشمال" in c.claimant.canonical and "مسؤوليتها عن الهجوم" in c.quote
    assert c.stated_on.iso == "2023-08-28" and c.event_date is None


def test_claimed_responsibility():
    c = _only("لكن الهجوم على المخزن تبنته جماعة صغيرة على موقعها.")
    assert "جماعة صغيرة" in c.claimant.canonical and c.quote.startswith("لكن الهجوم")
    assert _claims("وتبنت الحكومة ميزانية جديدة للعام المقبل.") == []


def test_preposition_between_is_no_verb():
    c = _only(f"وقال سامر خليل عقب اجتماع جمع بين الوفدين أمس، إن {CONTENT}.")
    assert c.claimant.canonical == "سامر خليل"


def test_denial_links_to_the_denied_report():
    cs = _claims("وذكرت امرأة في مقطع مصور أن الشاب خرج من السجن بالعفو.\n"
                 "ونفت الشرطة صدور العفو عن الشاب.")
    assert cs[-1].kind == "denial" and cs[-1].denies == [0]


@pytest.mark.parametrize("text,iso", [
    ("في مارس الماضي", "2023-03"), ("في آذار الماضي", "2023-03"), ("في كانون الثاني 2021", "2021-01"),
    ("في تشرين الأول الماضي", "2022-10"), ("في ٥ مارس ٢٠٢١", "2021-03-05"), ("أمس", "2023-08-30"),
    ("العام الماضي", "2022"), ("الشهر الماضي", "2023-07"), ("yesterday", "2023-08-30"), ("last year", "2022"),
    ("last March", "2023-03"),
])
def test_date_forms(text, iso):
    assert find_dates(f"قال إنه {text} زار المصنع", PUB)[0][2].iso == iso


def test_stated_on_inherited_from_the_reporting_event():
    cs = _claims("وقال سامر خليل، في مؤتمر صحافي مشترك مع المتحدث باسم وزارة الصناعة أمس، إن المصنع توسع.\n"
                 "وقال المتحدث باسم وزارة الصناعة إن الصادرات تضاعفت.\n"
                 "وتابع أن العمال راضون.")
    assert [c.stated_on.iso if c.stated_on else None for c in cs] == ["2023-08-30"] * 3


def test_statement_speaks_for_its_issuer():
    cs = _claims("وأصدر الوزير خالد سامر بياناً مساء أمس حول المصنع.\nوقال البيان إن المصنع سيغلق الشهر المقبل.")
    assert cs[-1].claimant.canonical == "خالد سامر" and "المصنع سيغلق" in cs[-1].quote


def test_object_pronoun_verb_continues_the_speaker():
    cs = _claims("وقالت النيابة إن المتهمين خططوا للهجوم.\nكما اتهمتهم بحيازة «أسلحة ومتفجرات مهربة من الخارج» في المخزن.")
    assert cs[-1].claimant.canonical == "النيابة" and "أسلحة ومتفجرات" in cs[-1].quote


def test_source_preposition_inside_the_subject_is_cut():
    c = _only("وقال سكان محليون وفقاً لموقع الأفق، إن الجسر انهار.")
    assert c.claimant.canonical == "سكان محليون"


def test_verb_inside_reported_content_is_no_new_claim():
    c = _only("وقال سامر خليل إن هذه الأرقام تؤكد تزايد الإنتاج في المصنع.")
    assert "تزايد الإنتاج" in c.quote and c.claimant.canonical == "سامر خليل"


def test_generic_holders_are_no_speakers_and_questions_no_claims():
    cs = _claims("وقال سامر خليل: «الإنتاج تضاعف. فمن يستطيع إنكار ذلك؟»\n"
                 "والبعض الآخر يرى أن المصنع سيغلق.")
    assert all(c.claimant.canonical == "سامر خليل" for c in cs)
    assert not any("إنكار" in c.quote for c in cs)


def test_anonymous_aside_and_colon_inna():
    cs = _claims("وقال مصدر حكومي ـ رافضاً ذكر اسمه : إنه يرجح إغلاق المصنع.")
    assert len(cs) == 1 and cs[0].claimant.canonical == "مصدر حكومي" and cs[0].quote.startswith("يرجح")
