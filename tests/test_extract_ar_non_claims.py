"""Arabic spans that are no claim (hypotheticals, a speech's topic, quoted titles), on sentences written here."""

from __future__ import annotations

import datetime as dt

from claimtrack.extract import extract

PUB = dt.date(2015, 8, 11)


def _quotes(body: str) -> list[str]:
    return [c.quote for c in extract("عنوان\n" + body, language="ar", published=PUB)]


def test_a_reporting_verb_inside_a_condition_is_no_claim():
    assert _quotes("وأكد المدير أن العمل مستمر. ولو قال أحد إن المشروع توقف فهو مخطئ.") == ["العمل مستمر."]
    assert _quotes("وقال المدير إن المساجد ستبقى عامرة. وإذا كانوا يعتقدون أننا سنخاف فهم مخطئون.") \
        == ["المساجد ستبقى عامرة."]


def test_the_topic_of_a_speech_is_no_claim_but_its_content_is():
    assert _quotes("وقال المدرب إن الفريق جاهز. وبدأ المدرب الحصة بكلمة قصيرة أوضح فيها برنامج المرحلة.") \
        == ["الفريق جاهز."]
    assert _quotes("وألقى الوزير كلمة أكد فيها أن الاقتصاد قوي.") == ["الاقتصاد قوي."]
    assert len(_quotes("وألقى المدير كلمة أكد فيها أهمية التعاون بين الإدارات.")) == 1


def test_a_quoted_title_after_a_possessed_naming_noun_is_no_content():
    assert _quotes("وقدم الناقد ورقة تتحدث عن تجربة الشاعر، وسيوقع الشاعر ديوانه الجديد «ضوء على الماء».") == []


def test_a_short_quoted_name_inside_the_sentence_is_not_the_content():
    assert _quotes("وقال مدير شركة «النور للتجارة» إن المبيعات ارتفعت.") == ["المبيعات ارتفعت."]
    assert _quotes("وقال الوزير في حوار مع «الأخبار» إن الميزانية جاهزة.") == ["الميزانية جاهزة."]
    assert _quotes("وقال الوزير «لن نتراجع».") == ["«لن نتراجع»."]


def test_a_headline_verb_that_needs_a_complementizer_names_a_topic():
    assert extract("الشرطة تكشف تفاصيل الحادث\nنص الخبر.", language="ar", published=PUB) == []
    assert extract("المنتخب يختتم معسكره بمواجهة الأهلي\nنص الخبر.", language="ar", published=PUB) == []
    assert [c.quote for c in extract("الوزير يؤكد استمرار الدعم للمزارعين\nنص الخبر.", language="ar",
                                     published=PUB)] == ["يؤكد استمرار الدعم للمزارعين"]


def test_an_act_in_a_relative_clause_is_narration_but_a_relative_speaker_still_speaks():
    assert _quotes("وقال الضابط إن البلاغ وصل مساء. واستجوبت الشرطة الأسرة التي أنكرت علاقتها بالمتهم.") \
        == ["البلاغ وصل مساء."]
    assert _quotes("وحضر الاجتماع المدرب الذي أكد أن الفريق جاهز.") == ["الفريق جاهز."]


def test_a_negative_imperative_is_no_claim():
    assert _quotes('وقال المدرب: "لا تتركوا الكرة للخصم". وأضاف أن الفريق لا تزال أمامه فرصة.') \
        == ["الفريق لا تزال أمامه فرصة."]
    assert extract("اللاعب: لا تنتظروا مني الكثير\nنص الخبر.", language="ar", published=PUB) == []


def test_a_complementizer_past_a_comma_does_not_make_a_relative_act_a_claim():
    assert _quotes("وقال الضابط إن البلاغ وصل. وتبين وجود خلاف مع أسرة المبلغ التي أنكرت علاقتها به، وورد بلاغ عن"
                   " حريق واتضح أنه عاطل عن العمل.") == ["البلاغ وصل."]


def test_the_writers_own_belief_is_no_claim():
    body = "وقال المدرب إن الفريق جاهز. ولذلك أعتقد أن المباراة ستكون صعبة. ولا أعتقد أن أحدا يشكك في ذلك."
    assert _quotes(body) == ["الفريق جاهز."]
    assert len(_quotes("وقال المدرب إن الفريق جاهز. واعتقد الحارس أن المباراة ستكون صعبة.")) == 2


def test_a_short_exclaimed_headline_after_a_colon_is_a_label():
    assert extract("شباب الحي: بين الأمل والعمل!\nنص الخبر.", language="ar", published=PUB) == []
    assert len(extract("الوزير: الميزانية جاهزة\nنص الخبر.", language="ar", published=PUB)) == 1


def test_the_writers_connective_as_a_subject_is_no_source_and_no_one_elses_claim():
    assert _quotes("وقال المدير إن الفرق جاهزة.\nولاشك يؤكد أن العمل مستمر.") == ["الفرق جاهزة."]


def test_a_headline_verb_whose_subject_is_no_source_gives_no_claim():
    assert extract("40 دقيقة تنقل الزوار إلى الماضي\nنص الخبر.", language="ar", published=PUB) == []
    assert len(extract("تعليم الرياض يعلن مواعيد الدراسة\nنص الخبر.", language="ar", published=PUB)) == 1


def test_a_speech_verb_with_only_its_speaker_is_a_frame_not_a_claim():
    assert _quotes("«الطريق مفتوح أمام الجميع»، وقال شاهد عيان.\nوقال المدير إن العمل مستمر.") == ["العمل مستمر."]
    assert _quotes("وقال المصدر، الذي طلب عدم ذكر اسمه، إن الاجتماع تأجل.") == ["الاجتماع تأجل."]




def test_when_the_need_calls_is_no_call():
    quotes = _quotes("وأوضح المدير أن المبالغ صرفت، داعيا المديرين إلى مراجعة الإدارة متى ما دعت الحاجة لذلك .")
    assert quotes[-1].endswith("متى ما دعت الحاجة لذلك .")
    assert not any(q.startswith(("دعت", "الحاجة")) for q in quotes)


def test_a_verbal_noun_after_adam_is_no_cue():
    claims = extract("عنوان\nوقال الشاهد، الذي طلب عدم كشف اسمه، “سمعنا دوي انفجار قوي”.", language="ar", published=PUB)
    assert [(c.claimant.canonical, c.quote) for c in claims] == [("الشاهد", "“سمعنا دوي انفجار قوي”.")]
