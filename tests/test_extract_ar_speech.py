"""Arabic rules for speech frames, trailing attributions, denials and relative dates (sentences written here)."""

import datetime as dt

from claimtrack.extract import extract

PUB = dt.date(2023, 8, 31)


def _claims(body, headline="عنوان"):
    return extract(f"{headline}\n{body}", language="ar", published=PUB)


def test_straight_quote_after_outlet_opens_content():
    c = _claims('وقال سامر خليل في تصريحات إلى "الشروق" "تراجعت المبيعات بشكل كبير، لأن الطلب ضعيف".')
    assert len(c) == 1 and c[0].claimant.canonical == "سامر خليل"
    assert "تراجعت المبيعات" in c[0].quote


def test_one_word_quoted_name_stays_in_subject():
    c = _claims('قال مندوبون في منظمة "أوبك" إن المنظمة لن تعقد اجتماعا طارئا.')
    assert len(c) == 1 and "المنظمة لن تعقد" in c[0].quote


def test_bil_qawl_frames():
    c = _claims('وقال سامر خليل إن المصنع توسع. ومضى بالقول "الإنتاج سيتضاعف في الربع المقبل".')
    assert len(c) == 2 and c[1].claimant.canonical == "سامر خليل" and "الإنتاج سيتضاعف" in c[1].quote
    assert _claims("ومضى عام على افتتاح المصنع وسط توقعات بأن الإنتاج سيتضاعف.") == []


def test_trailing_attribution_ala_ma():
    c = _claims("وسيصدر الحكم في القضية خلال أيام، على ما أفاد محاميه.")
    assert len(c) == 1 and "سيصدر الحكم" in c[0].quote and "محاميه" in c[0].claimant.canonical


def test_bare_verb_without_complementizer_does_not_cut_claim():
    c = _claims("ونفى النادي تكهنات تتحدث عن إصابة اللاعب بكسر في القدم.")
    assert len(c) == 1 and c[0].kind == "denial" and "إصابة اللاعب" in c[0].quote


def test_quoted_org_subject_with_object_and_wasafa():
    c = _claims("ونفت «شركة النور» الاتهامات الموجهة إليها ووصفتها بأنها «كاذبة ومضللة».")
    assert len(c) == 2
    assert c[0].kind == "denial" and "الاتهامات الموجهة إليها" in c[0].quote
    assert c[0].claimant.canonical == "شركة النور"
    assert c[1].kind == "assessment" and "كاذبة ومضللة" in c[1].quote


def test_contrary_to_reports_is_denial():
    c = _claims('وقال النادي "على عكس بعض التقارير فإن اللاعب لم يصب بأي كسر".')
    assert len(c) == 1 and c[0].kind == "denial"


def test_negated_verb_inside_content_is_not_a_cue():
    c = _claims("وقال سامر خليل إن الشركة لن تبدي أي تراجع في خططها.")
    assert len(c) == 1 and "لن تبدي" in c[0].quote


def test_relative_years_and_weeks():
    c = _claims("وقال سامر خليل إن المصنع سيفتتح في سبتمبر من العام الحالي.")
    assert c[0].event_date is not None and c[0].event_date.iso == "2023-09"
    c = _claims("وقال سامر خليل إن الأرباح ارتفعت خلال الأشهر الستة الأولى من العام.")
    assert c[0].event_date is not None and c[0].event_date.iso == "2023"
    c = _claims("وكانت الشركة قد أعلنت الأسبوع الماضي أن الأرباح ارتفعت.")
    assert c[0].stated_on is not None and c[0].stated_on.iso.startswith("2023-08")
    c = _claims("وقال النادي إن اللاعب أصيب في مباراة أمس الأول.")
    assert c[0].event_date is not None and c[0].event_date.iso == "2023-08-29"
