"""Arabic denials (noun, headline and negated forms), sentence splitting and claimant parsing, on sentences written
for these tests (not taken from any evaluation article)."""

import datetime as dt

from claimtrack.extract import extract
from claimtrack.text import split_sentences

PUB = dt.date(2023, 8, 31)


def _claims(body, headline="عنوان"):
    return extract(f"{headline}\n{body}", language="ar", published=PUB)


def _by(cs, needle):
    hits = [c for c in cs if needle in c.quote]
    assert hits, [(c.quote, c.claimant.canonical) for c in cs]
    return hits[0]


def test_arabic_initialism_does_not_end_the_sentence():
    text = "ونقلت وكالة أ.ف.ب عن المتحدث نفيه الخبر."
    assert len(split_sentences(text)) == 1
    cs = _claims("ونقلت قناة دي.إم.سي المحلية عن المتحدث باسم الشرطة قوله إن الحريق لم يسفر عن إصابات.")
    assert "المتحدث" in _by(cs, "الحريق لم يسفر عن إصابات").claimant.canonical


def test_missing_space_after_full_stop_still_splits():
    assert len(split_sentences("انتهى الاجتماع ذلك.وأضاف المدير أن العمل مستمر")) == 2


def test_accused_after_ittaham_is_not_the_claimant():
    cs = _claims("وقال قائد الشرطة فهد العتيبي إن الوضع تحت السيطرة. واتهم العصابة بسرقة المستودع.")
    c = _by(cs, "بسرقة المستودع")
    assert "العتيبي" in c.claimant.canonical


def test_object_of_wasafa_is_not_the_speaker():
    cs = _claims("وقال المتحدث باسم الدفاع المدني ماجد القرني إن الحريق أخمد. "
                 "ووصف قصف المستودعات بأنه الأخطر منذ سنوات.")
    c = _by(cs, "الأخطر منذ سنوات")
    assert "القرني" in c.claimant.canonical


def test_coordinated_honorific_gives_the_name():
    c = _by(_claims("وقال المستشار الإداري والمهندس ناصر الزهراني إن المشروع اكتمل."), "المشروع اكتمل")
    assert c.claimant.canonical == "ناصر الزهراني"


def test_expected_act_is_no_claim():
    assert _claims("ويتوقع أن يعلن المجلس البلدي موعد الافتتاح الأسبوع المقبل.") == []
    assert _claims("وينتظر أن يدعو الوزير إلى اجتماع طارئ.") == []


def test_wire_desk_prefix_in_headline_is_not_the_claimant():
    cs = _claims("وأضاف أن العمل مستمر.", headline="محلي / رئيس البلدية يطالب السكان بالتعاون مع الفرق")
    assert cs and "محلي" not in cs[0].claimant.canonical


def test_negated_accusation_is_no_claim():
    cs = _claims("وقال المتحدث باسم الشرطة إن الشاب أبلغ عن الحادث ولا يتهم أحدا بالتسبب فيه.")
    assert not any(c.cue.endswith("يتهم") for c in cs)


def test_kadhdhaba_with_wa_is_a_denial_and_lying_is_not():
    cs = _claims("وكذبت المصادر المقربة من النادي رحيل المدرب عن الفريق.")
    assert _by(cs, "رحيل المدرب").kind == "denial"
    assert _claims("وقد كذب من قال بغير ذلك.") == []
    assert _claims("وهذا كذب على الناس كلهم.") == []


def test_ankara_is_a_denial():
    cs = _claims("وقال مدير الأمن إن المتهمين أنكروا صلتهم بالحادث.")
    assert any(c.kind == "denial" and "صلتهم بالحادث" in c.quote for c in cs)


def test_la_sihha_then_wa_anna_gives_a_denial_and_a_statement():
    cs = _claims("وأشارت مصادر مطلعة إلى أنه لا صحة لإقالة المدرب، وأن الإدارة تدعمه بالكامل.")
    assert _by(cs, "لإقالة المدرب").kind == "denial"
    assert _by(cs, "الإدارة تدعمه").kind == "statement"


def test_ala_after_shaddada_before_a_quote_is_no_subject():
    cs = _claims("وقال الوزير خالد العمري إن الخطة جاهزة. وشدد على ضرورة التنفيذ «فورا ودون أي تأخير في المشاريع».")
    c = _by(cs, "دون أي تأخير")
    assert "العمري" in c.claimant.canonical


def test_hasbama_postposed_source():
    c = _by(_claims("وتعاقد النادي مع مدرب جديد حسبما ذكرت صحيفة الملاعب في عددها الأخير."), "مدرب جديد")
    assert "الملاعب" in c.claimant.canonical


def test_nationality_adjective_before_the_name():
    c = _by(_claims("واعتبر المصري الدكتور أحمد فؤاد أن القرار صائب."), "القرار صائب")
    assert c.claimant.canonical.startswith("أحمد فؤاد")


def test_new_reply_verbs():
    cs = _claims("وعن الميزانية أجاب المدير: «الإيرادات ارتفعت هذا العام».\nوكرر: «لن نرفع الرسوم على الطلاب».")
    assert _by(cs, "الإيرادات ارتفعت")
    assert _by(cs, "لن نرفع الرسوم")


def test_wahuwa_ends_the_name():
    cs = _claims("وقال فيصل الشمري وهو أحد سكان الحي إن المياه انقطعت.")
    assert _by(cs, "المياه انقطعت").claimant.canonical == "فيصل الشمري"


def test_construct_plural_heads_the_source():
    cs = _claims("أعلن مسلحو جماعة الأحرار مسؤوليتهم عن التفجير، موضحين أن العملية استهدفت مقرا أمنيا.")
    assert cs and all(c.claimant.canonical.startswith("مسلحو جماعة الأحرار") for c in cs)


def test_post_written_then_qala_fiha():
    c = _by(_claims("كتب الوزير سلمان الدوسري تغريدة قال فيها إن الرسوم لن ترتفع."), "الرسوم لن ترتفع")
    assert "الدوسري" in c.claimant.canonical


def test_baada_an_is_no_complementizer():
    cs = _claims("وتحدثت صحيفة الملاعب عن رغبة النادي في ضم المدافع بعد أن فشل في ضم لاعب آخر.")
    assert not any("فشل في ضم" in c.quote and "رغبة" not in c.quote for c in cs)


def test_date_after_event_noun_is_the_event_date():
    c = _by(_claims("وقالت الشرطة إن المسلحين تبنوا هجوم أمس على نقطة التفتيش."), "نقطة التفتيش")
    assert c.event_date is not None and c.event_date.iso == "2023-08-30"


def test_denial_headline_makes_the_negated_restatement_a_denial():
    cs = _claims("وقال المتحدث باسم البلدية عادل القحطاني إن البلدية لم تغلق السوق الشعبي.\n"
                 "وأضاف أن الصيانة مستمرة.", headline="البلدية تنفي إغلاق السوق الشعبي")
    assert _by(cs, "لم تغلق السوق").kind == "denial"
    assert _by(cs, "الصيانة مستمرة").kind != "denial"


def test_no_denial_headline_keeps_the_statement():
    cs = _claims("وقال المتحدث باسم البلدية عادل القحطاني إن البلدية لم تغلق السوق الشعبي.",
                 headline="البلدية توضح أسباب إغلاق السوق الشعبي")
    assert _by(cs, "لم تغلق السوق").kind == "statement"


def test_zada_reports_speech_only_before_a_complementizer():
    cs = _claims("وزاد المدير أن الشركة توسعت. وزادت الأسعار بنسبة كبيرة، وأكد الوزير أن السوق مستقر. "
                 "وزاد عدد الزوار إلى مليون، مما يعني أن الموسم ناجح.")
    assert [c.cue for c in cs] == ["زاد", "اكد"] or [c.quote.strip(" .") for c in cs] == [
        "الشركة توسعت", "السوق مستقر"]


def test_rai_akhar_is_the_noun_opinion():
    cs = _claims("وكان للمدرب رأي آخر، إذ شرح للاعبين أنه يعتمد على الدفاع.")
    assert not any(c.claimant.canonical.startswith(("آخر", "إذ")) for c in cs)


def test_nafy_x_li_is_a_denial_by_x():
    c = _by(_claims("وجاء نفي وزارة النقل لتأجيل المشروع بعد تقارير صحفية."), "لتأجيل المشروع")
    assert c.kind == "denial" and "وزارة النقل" in c.claimant.canonical
