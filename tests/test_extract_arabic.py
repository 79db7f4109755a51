"""Arabic attribution, claimants and kinds, on sentences written for these tests."""

import datetime as dt

import pytest

from claimtrack.extract import extract

PUB = dt.date(2023, 8, 31)


def _one(text, **kw):
    claims = extract("عنوان\n" + text, language="ar", published=kw.get("published", PUB))
    assert claims, text
    return claims


@pytest.mark.parametrize("verb", [
    "قال", "قالت", "قالوا", "يقول", "أكد", "أكدت", "يؤكد", "أشار إلى", "أضاف", "أوضح", "اعتبر", "رأى",
    "أعلن", "ذكر", "صرح", "كشف", "زعم", "حذر", "شدد على", "لفت إلى", "نفى", "نفت", "ينفي",
])
def test_reporting_verb_forms(verb):
    v, _, prep = verb.partition(" ")
    text = f"و{v} سامر خليل، مدير شركة الأمل، {prep + ' ' if prep else ''}أن المصنع أنتج عشرة آلاف قطعة."
    c = _one(text)[0]
    assert "المصنع أنتج عشرة آلاف قطعة" in c.quote
    assert c.claimant.canonical == "سامر خليل"
    assert c.claimant.title and "مدير شركة الأمل" in c.claimant.title
    full = "عنوان\n" + text
    assert full[c.start:c.end] == c.quote


@pytest.mark.parametrize("cue", ["مؤكداً", "مشيراً إلى", "معتبراً", "محذراً من"])
def test_participial_adverbial_is_second_claim(cue):
    cs = _one(f"وقال سامر خليل إن المصنع أنتج عشرة آلاف قطعة، {cue} أن الطلب سيرتفع العام المقبل.")
    assert len(cs) == 2
    assert cs[1].claimant.canonical == "سامر خليل"
    assert "الطلب سيرتفع" in cs[1].quote


def test_source_prepositions():
    cs = _one("وبحسب وكالة رويترز، ارتفع إنتاج المصنع إلى عشرة آلاف قطعة.")
    assert cs[0].claimant.canonical == "Reuters"
    cs = _one("ارتفع إنتاج المصنع إلى عشرة آلاف قطعة، وفقاً لـ وزارة الصناعة.")
    assert "وزارة الصناعة" in cs[0].claimant.canonical
    assert "ارتفع إنتاج المصنع" in cs[0].quote
    cs = _one("وذكرت صحيفة الأفق نقلاً عن مصدر حكومي أن المصنع سيغلق أبوابه.")
    assert cs[0].claimant.canonical == "مصدر حكومي"


def test_headline_source_colon():
    claims = extract("الوزير خليل: المصنع سيغلق قريباً\nنص المقال.", language="ar", published=PUB)
    assert claims and "المصنع سيغلق قريباً" in claims[0].quote


def test_continuation_and_described_speaker():
    text = ("وقال سامر خليل، المتحدث باسم وزارة الصناعة، إن المصنع أنتج عشرة آلاف قطعة.\n"
            "وأضاف: «سنفتح مصنعاً جديداً في الشمال».\n"
            "وتابع أن العمال حصلوا على زيادة في الأجور.\n"
            "وأكد المتحدث باسم الوزارة أن الصادرات تضاعفت.")
    cs = _one(text)
    assert len(cs) == 4
    assert {c.claimant.canonical for c in cs} == {"سامر خليل"}
    assert cs[1].direct_quote and cs[1].kind == "prediction"


def test_multi_sentence_quote_gives_one_claim_per_sentence():
    cs = _one("وقال سامر خليل: «المصنع أنتج عشرة آلاف قطعة. والعمال حصلوا على زيادة كبيرة». ")
    assert len(cs) == 2
    assert cs[0].text.startswith("المصنع") and cs[1].text.startswith("والعمال")


def test_gazetteer_metonym_and_affiliation():
    cs = _one("وقال الكرملين إن المحادثات مع الجانب الآخر مستمرة.")
    assert cs[0].claimant.canonical == "Kremlin"
    assert cs[0].claimant.affiliation.canonical == "Russia"
    cs = _one("وقال منى فؤاد، المستشارة في البيت الأبيض، إن الاجتماع ناجح جداً.")
    assert cs[0].claimant.affiliation and cs[0].claimant.affiliation.canonical == "White House"


def test_denial_kinds():
    assert _one("ونفت وزارة الصناعة أن يكون المصنع قد أغلق أبوابه.")[0].kind == "denial"
    assert _one("وأكد سامر خليل أن إغلاق المصنع ليس صحيحاً كما يزعم المنافسون.")[0].kind == "denial"
    assert _one("وقال سامر خليل إن الخبر غير صحيح على الإطلاق.")[0].kind == "denial"
    assert _one("وقال سامر خليل إن المصنع أغلق أبوابه.")[0].kind == "statement"


def test_svo_imperfect_subject():
    cs = _one("لكن الشركة تنفي أي علاقة بالحادث وتقول إنها ملتزمة بالقانون.")
    assert len(cs) == 2 and cs[0].kind == "denial"
    assert "الشركة" in cs[0].claimant.canonical and cs[1].claimant is cs[0].claimant


def test_shared_denial_by_two_parties_and_links():
    text = ("وقال سامر خليل، المسؤول في البيت الأبيض، إن إيران باعت طائرات مسيرة إلى روسيا.\n"
            "ونفى كل من إيران وروسيا المزاعم الأميركية بشأن بيع الطائرات.")
    cs = _one(text)
    denials = [c for c in cs if c.kind == "denial"]
    assert [d.claimant.canonical for d in denials] == ["Iran", "Russia"]
    assert denials[0].denies == [0]
    assert denials[0].link_evidence[0]["party_match"] is True


def test_unattributed_narration_is_not_a_claim():
    assert extract("عنوان\nوصل الوفد إلى المدينة صباحاً وتجول في الأسواق.", language="ar") == []
