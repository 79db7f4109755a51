"""Arabic participle continuations (مشيراً، مؤكداً …) after a verb that reports nothing: whose claim they are,
on sentences written for these tests."""

from __future__ import annotations

import datetime as dt

from claimtrack.extract import extract
from claimtrack.extract.arabic_patterns import switched_off

PUB = dt.date(2015, 8, 11)


def _claims(body: str) -> list[tuple[str, str]]:
    return [(c.claimant.canonical, c.text) for c in extract("عنوان\n" + body, language="ar", published=PUB)]


def test_participle_after_a_visit_continues_the_visitor():
    body = ("قال المدير إن الطلب ارتفع.\nزار قائد المنطقة اللواء ماجد الشهري المرضى في المستشفى، متمنيا لهم "
            "الشفاء، مشيرا إلى أن الزيارة واجب على الجميع.")
    assert ("ماجد الشهري", "الزيارة واجب على الجميع") in _claims(body)


def test_side_marker_before_the_verb_opens_the_clause():
    body = "قال الوزير إن الخطة جاهزة.\nمن جهته شكر المدير العام الرعاة على دعمهم، مؤكدا أن المهرجان سيتكرر."
    assert _claims(body)[-1][0] == "المدير العام"


def test_feminine_participle_takes_a_feminine_body():
    body = "قال المدير إن الطلب ارتفع.\nوحددت العمادة موعد التسجيل، مشيرة إلى أنه سيتم إرسال رسائل للمقبولين."
    assert _claims(body)[-1][0] == "العمادة"


def test_a_styled_dignitary_is_named_without_the_style():
    body = ("قال المدير إن الطلب ارتفع.\nوأثنى صاحب السمو الملكي الأمير سلطان بن فهد على التقرير، مؤكدا أن "
            "المعرض ناجح.")
    assert _claims(body)[-1][0] == "سلطان بن فهد"


def test_a_title_after_a_mid_clause_noun_is_no_subject():
    body = ("قال المدير إن الطلب ارتفع.\nانتقد الجمهور الإدارة التي تأخرت في تعيين مدرب الفريق هذا الموسم، "
            "متهمين إياها بالتقصير.")
    assert all(who != "الفريق" for who, _ in _claims(body))


def test_without_the_rule_the_visitor_is_lost():
    body = "قال المدير إن الطلب ارتفع.\nوفي ختام الحفل سلم الوكيل سعد العتيبي الجوائز، مشيرا إلى أن المسابقة ستقام كل عام."
    assert _claims(body)[-1][0] == "سعد العتيبي"
    with switched_off("clause_verb_subject"):
        assert _claims(body)[-1][0] != "سعد العتيبي"


def test_honorific_pronoun_after_a_royal_style_names_the_prince():
    body = ("قال المدير إن الطلب ارتفع.\nأثنى صاحب السمو الملكي الأمير سلطان بن فهد على تقرير النادي، ودعم النادي "
            "للمصورين، مؤكداً سموه أهمية الصورة في السياحة.")
    assert _claims(body)[-1][0] == "سلطان بن فهد"


def test_a_bare_surname_stands_for_the_full_name_given_earlier():
    body = ("قال المدير إن الطلب ارتفع. واستمع الوزير لشرح من مدير الجمعية أحمد الغامدي عن المعرض.\n"
            "من جهته قدم الغامدي شكره للوزير على دعمه، مؤكدا أن دعم الوزير للشباب ليس بمستغرب.")
    assert _claims(body)[-1][0] == "أحمد الغامدي"
