"""Arabic imperfect speech verbs that open a clause after a comma (VSO), on sentences written for these tests."""

from __future__ import annotations

import datetime as dt

from claimtrack.extract import extract
from claimtrack.extract.arabic_patterns import switched_off

PUB = dt.date(2015, 8, 11)


def _claims(body: str) -> list[tuple[str, str]]:
    return [(c.claimant.canonical, c.text) for c in extract("عنوان\n" + body, language="ar", published=PUB)]


def test_imperfect_after_a_fronted_clause_takes_the_subject_after_it():
    body = "قال المدير إن الطلب ارتفع.\nومع اقتراب موسم الحج، تؤكد الوزارة أن الاستعدادات اكتملت."
    assert _claims(body)[-1][0] == "الوزارة"


def test_an_editor_speaks_after_a_comma():
    body = ("قال المدير إن الطلب ارتفع.\nويضم الكتاب عشرة فصول، يقول محرره الدكتور سامي العلي: "
            "\"اللغة جسر بين الثقافات\".")
    assert _claims(body)[-1][0] == "سامي العلي"


def test_the_rule_decides_the_speaker():
    body = "وقال الوزير خالد العمري إن السوق مستقر.\nوفي ظل تراجع الطلب على النفط، يتوقع خبراء الطاقة أن تنخفض الأسعار."
    assert _claims(body)[-1][0] == "خبراء الطاقة"
    with switched_off("imperfect_after_comma"):
        assert _claims(body)[-1][0] != "خبراء الطاقة"

