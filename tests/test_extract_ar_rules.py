"""Arabic rules for unseen news: cue look-alikes, quantified and described subjects (sentences written here)."""

import datetime as dt

from claimtrack.extract import extract

PUB = dt.date(2023, 8, 31)


def _claims(body, headline="عنوان"):
    return extract(f"{headline}\n{body}", language="ar", published=PUB)


def _pairs(body):
    return [(c.claimant.canonical, c.quote) for c in _claims(body)]


def test_new_reporting_verbs():
    c = _claims("ويعتقد سامر خليل أن المصنع سيتوسع العام المقبل.")
    assert len(c) == 1 and c[0].claimant.canonical == "سامر خليل" and c[0].kind == "assessment"
    c = _claims("وأجمع محللون على أن الطلب تراجع في الربع الأول.")
    assert len(c) == 1 and "الطلب تراجع" in c[0].quote
    c = _claims("وقال سامر خليل إن المصنع توسع. وتعهد بأن الإنتاج سيتضاعف.")
    assert len(c) == 2 and c[1].claimant.canonical == "سامر خليل" and c[1].kind == "prediction"


def test_gather_is_not_agree():
    assert _claims("وتجمع المحتجون أمام المبنى أن يصل الوزير.") == []


def test_emotion_about_what_happened_is_no_claim():
    assert _claims("وأبدى السكان استياءهم مما يحدث في الحي.") == []
    assert len(_claims("وأبدى الوزير سامي خليل قلقه من تراجع الصادرات في الربع الأول.")) == 1


def test_relative_ma_subject_is_the_journalists_inference():
    assert _claims("وباع المصنع ألف قطعة، وهو ما يشير إلى أنه سيتوسع قريباً.") == []


def test_coordinated_feminine_participle_is_an_adjective():
    cs = _claims("وقال سامر خليل إن ردود الفعل كانت إيجابية ومؤكدة على أهمية التعاون.")
    assert len(cs) == 1


def test_quoted_name_after_a_collective_head_is_the_subject():
    cs = _claims("وطالب تحالف «الأمل» المعارض بحوار وطني شامل، مؤكداً أن الأزمة تتفاقم.")
    assert cs and all(c.quote.strip() != "«الأمل»" for c in cs)
    assert any("الأمل" in c.claimant.canonical for c in cs)


def test_outlet_after_lam_is_not_the_content():
    cs = _pairs("وقال سامر خليل في تصريح لـ«الأفق» إن المصنع أنتج ألف قطعة.")
    assert cs == [("سامر خليل", "المصنع أنتج ألف قطعة.")]


def test_source_preposition_ended_by_fa_inna():
    cs = _pairs('ووفقاً لشبكة "الأفق" فإن الصفقة ستتكلف مليون دولار.')
    assert len(cs) == 1 and "الأفق" in cs[0][0] and "الصفقة ستتكلف" in cs[0][1]


def test_one_of_the_staff_is_a_described_source():
    cs = _pairs("وقال أحد العاملين في وزارة الصناعة إن المصنع أغلق أبوابه.")
    assert cs and cs[0][0].startswith("أحد العاملين في وزارة الصناعة")


def test_quantified_subjects_and_sentence_speaker():
    cs = _claims("فيما سخر كثيرون من القرار، معتبرين أن الأمر لا يستحق، إلا أنهم أكدوا خطورته على السوق.")
    assert [c.claimant.canonical for c in cs] == ["كثيرون", "كثيرون"]
    cs = _claims("وأبدى البعض استياءهم مما يحدث، مؤكدين أن القرار يخالف القانون.")
    assert len(cs) == 1 and cs[0].claimant.canonical == "البعض"


def test_expert_title_with_preposition_then_name():
    cs = _claims("ورأى الخبير في شؤون الطاقة الدكتور سامر خليل أن الأسعار ستنخفض.")
    assert cs and cs[0].claimant.canonical == "سامر خليل"


def test_bare_title_resolves_to_the_player_named_before():
    cs = _claims("ويعتقد سامر خليل لاعب وسط نادي الأمل أن الفريق جاهز.\n"
                 "وقال اللاعب البالغ من العمر 30 عاما إن المدرب أحسن الاختيار.")
    assert [c.claimant.canonical for c in cs] == ["سامر خليل", "سامر خليل"]


def test_document_of_a_body_is_not_a_person():
    cs = _claims("وكشفت تحقيقات النيابة العامة أن المتهمين نظموا الاعتصام.")
    assert cs and cs[0].claimant.canonical == "تحقيقات النيابة العامة" and cs[0].claimant.kind != "person"


def test_adjective_closes_an_indefinite_subject():
    cs = _claims("فيما أكد مستشار قانوني صحة العقد واكتمال شروطه.")
    assert cs and cs[0].claimant.canonical == "مستشار قانوني"


def test_talked_about_names_a_topic_only():
    assert _claims("وامتلأت المواقع بالتغريدات التي تحدثت عن هذا القرار.") == []
