"""Arabic claimant validity, typing and resolution, on sentences written for these tests."""

from __future__ import annotations

import datetime as dt

import pytest

from claimtrack.extract import extract
from claimtrack.extract.arabic_agreement import speaker_agreement, verb_agreement
from claimtrack.extract.arabic_claimant_type import ClaimantType, classify, is_place
from claimtrack.extract.base import ActorRef

PUB = dt.date(2015, 8, 11)


def _claims(body: str) -> list[tuple[str, str, str]]:
    return [(c.claimant.canonical, c.kind, c.text) for c in extract("عنوان\n" + body, language="ar", published=PUB)]


@pytest.mark.parametrize("surface,reason", [
    ("بقوله", "verbal noun"), ("ولم", "conjunction or particle"), ("وبعد", "conjunction or particle"),
    ("في ساعة متأخرة", "preposition phrase"), ("على أهمية الحوار", "preposition phrase"), ("نتوقع", "verb"),
    ("تضيف", "verb"), ("هو", "pronoun"), ("والذي", "pronoun"), ("حسابها", "possessed noun"),
    ("لقاءه", "possessed noun"), ("الاقتصادي", "adjective cut from a longer name"),
    ("المنكر", "noun cut from a longer name"), ("هتافات", "event"), ("الليرة التركية", "thing"),
    ("كانوا", "verb"), ("ومضى", "verb"), ("مقاله", "verbal noun"), ("تصريحاتها", "verbal noun"),
    ("جانبه", "discourse marker"), ("بدءها مطلع العام", "possessed noun"), ("الرب سبحانه وتعالى", "scripture"),
    ("شركة", "head noun without its name"), ("راديو", "head noun without its name"), ("وهل", "conjunction or particle"),
    ("نشكرهم", "verb"), ("رأيك", "possessed noun"),
])
def test_no_source_is_rejected_with_its_reason(surface, reason):
    v = classify(surface, ActorRef(canonical=surface))
    assert not v.valid and v.reason == reason


@pytest.mark.parametrize("surface,kind,expected", [
    ("خالد العمري", "person", ClaimantType.PERSON), ("وزير الخارجية", "unknown", ClaimantType.ROLE),
    ("الضابط", "unknown", ClaimantType.ROLE), ("مصدر عسكري", "person", ClaimantType.DESCRIBED),
    ("المراقبون", "unknown", ClaimantType.DESCRIBED), ("وزارة الصحة", "unknown", ClaimantType.ORGANISATION),
    ("مصر", "country", ClaimantType.ORGANISATION),
])
def test_sources_are_typed(surface, kind, expected):
    v = classify(surface, ActorRef(canonical=surface, kind=kind))
    assert v.valid and v.type == expected


def test_country_names_come_from_pycountry_translations():
    assert is_place("أستراليا") and is_place("تركيا") and not is_place("الجبير")


def test_verb_and_speaker_agreement():
    assert verb_agreement("قالت", "قال") == "f" and verb_agreement("قالوا", "قال") == "p"
    assert verb_agreement("اشارتا", "اشار") == "d" and verb_agreement("يقول", "قال") == "m"
    assert verb_agreement("مؤكده", "اكد", participle=True) == "f"
    assert speaker_agreement("الوزارة", False) == {"f"} and speaker_agreement("خالد العمري", True) == {"m"}
    assert speaker_agreement("مصدر أمني", False) is None


def test_verbal_noun_is_replaced_by_the_earlier_speaker():
    assert _claims("وقال الوزير إن الخطة جاهزة. وأوضح بقوله إن التنفيذ يبدأ غدا.")[1][0] == "الوزير"


def test_feminine_verb_continues_the_ministry_not_the_man_after_it():
    cs = _claims("وقالت وزارة الصحة إن الإصابات تراجعت. وقال الطبيب خالد العمري إن المستشفى ممتلئ. "
                 "وأضافت أن اللقاح متوفر.")
    assert [c[0] for c in cs] == ["وزارة الصحة", "خالد العمري", "وزارة الصحة"]


def test_lawyer_for_the_accused_speaks_not_the_accused():
    assert _claims("وقال محام عن المتهمين إن موكليه أبرياء.")[0][0] == "محام"


def test_a_long_body_name_is_kept_whole():
    assert _claims("وأكدت هيئة الأمر بالمعروف والنهي عن المنكر أن الحملة مستمرة.")[0][0].endswith("عن المنكر")


def test_negated_particle_subject_and_things_give_no_claim():
    assert _claims("وانفجرت سيارة في السوق. ولم تعلن أي جهة مسؤوليتها عن الهجوم.") == []
    assert _claims("وتراجعت الليرة التركية أمام الدولار، وأكدت أن السوق مضطرب.") == []
    assert _claims("ولا ينكر أحد أن المدينة تغيرت.") == []


def test_adds_without_complementizer_is_not_speech():
    cs = _claims("وقالت الوزارة إن الإنتاج ارتفع. وتضيف الحقول الجديدة مئة ألف برميل يوميا.")
    assert len(cs) == 1


def test_object_of_hath_is_not_the_speaker():
    cs = _claims("وحث المبعوث الأطراف المتحاربة على وقف القتال، مؤكدا أن الحل سياسي.")
    assert {c[0] for c in cs} == {"المبعوث"}


def test_speaker_of_the_lead_sentence_carries_its_date():
    cs = extract("عنوان\nزارت الأخصائيتان الاجتماعيتان الصحيفة أمس الاثنين وقدمتا شرحا عن القسم.\n"
                 "وأوضحتا أن القسم يعنى بالمرضى.", language="ar", published=PUB)
    assert cs and "الأخصائيتان" in cs[0].claimant.canonical and cs[0].stated_on.iso == "2015-08-10"


def _speakers(body: str) -> list[str]:
    return [c[0] for c in _claims(body)]


def test_honorific_pronoun_with_no_person_before_is_the_lead_subject():
    body = ("رفع صاحب السمو الملكي الأمير خالد بن سعد أمير المنطقة التعازي لأهالي الضحايا في المدينة أمس.\n"
            "وأعلنت وزارة الصحة أن المصابين بخير.\nوقال سموه إن البلاد متماسكة.")
    assert _speakers(body) == ["وزارة الصحة", "خالد بن سعد"]


def test_known_full_name_followed_by_the_object_is_that_person():
    body = "وقال الأمير خالد بن سعد إن البلاد متماسكة.\nودعا الأمير خالد بن سعد المواطنين إلى الحذر."
    assert set(_speakers(body)) == {"خالد بن سعد"}


def test_fronted_discourse_marker_leaves_the_subject_after_the_verb():
    body = "وقال سالم العتيبي إن المستشفى مغلق.\nومن جانبه، يقول ماجد الحربي: إن الصيدلية مغلقة ليلا."
    assert _speakers(body) == ["سالم العتيبي", "ماجد الحربي"]


@pytest.mark.parametrize("line,expected", [
    ("وأضاف الحريري حول المواجهات في المدينة أن القوات سيطرت على الجسر.", "سامي الحريري"),
    ("وقال الحريري لـ«الوطن» إن القوات سيطرت على الجسر.", "سامي الحريري"),
    ("وأكد المدير في بداية الاجتماع أن العمل سيبدأ غدا.", "المدير"),
])
def test_topic_addressee_and_occasion_are_not_part_of_the_name(line, expected):
    cs = _claims("وقال سامي الحريري إن الوضع هادئ.\n" + line)
    assert cs[-1][0] == expected


def test_family_name_ending_in_alif_is_kept_and_an_accusative_is_not():
    assert _speakers("وقال نبيل معافا إن الطريق مغلق.") == ["نبيل معافا"]
    assert _speakers("وقال نبيل السالم مجددا إن الطريق مغلق.") == ["نبيل السالم"]


def test_definite_subject_after_anna_speaks_for_a_verb_with_none():
    body = "وقال المدير خالد العمري إن العمل بدأ.\nيذكر أن المديرية العامة للجوازات أعلنت عن بدء تطبيق الخدمة."
    assert _speakers(body)[-1] == "المديرية العامة للجوازات"


def test_names_inside_a_long_quotation_do_not_continue_the_speech():
    body = ("كتب وزير الخارجية مقالا بعنوان \"جيراننا\" جاء فيه: \" أن إيران والغرب يسعون للاستفادة من الفرصة "
            "المتاحة الآن\" وأضاف: \" الحوار يبدأ الآن مع الجميع\".")
    assert _speakers(body) == ["وزير الخارجية"]


def test_bare_head_takes_the_quoted_name_after_it():
    body = "وذكرت شركة «النور للطاقة» ، أنها شغلت المحطة أمس.\nوأشارت إلى أنها ستبدأ البيع غدا."
    assert set(_speakers(body)) == {"شركة «النور للطاقة»"}


def test_noun_of_a_body_written_head_and_name_is_one_subject():
    assert _speakers("وتشير نصيحة وزارة الخارجية إلى أن السفر آمن.") == ["نصيحة وزارة الخارجية"]


def test_object_noun_after_a_family_name_ends_the_subject():
    body = "وترأس الاجتماع المهندس إبراهيم الغبان أمس.\nوأكد الغبان أهمية الحوار، مشيرا إلى أن اللجنة ستجتمع."
    assert set(_speakers(body)) == {"الغبان"}


def test_rank_qualifier_and_a_name_spelled_like_a_verb_stay_in_the_subject():
    cs = extract("عنوان\nوقال العميد ركن فضل حسن قائد اللواء إن القوات تقدمت.", language="ar", published=PUB)
    assert cs and "فضل حسن" in cs[0].claimant_surface


def test_imperfect_verb_is_no_name_unless_written_after_a_first_name():
    assert _speakers("بدأ المستثمر يدرك، كما يقول، أن السوق تغير.") != ["يدرك"]
    assert _speakers("وقال يوسف إن السوق تغير.") == ["يوسف"]


def test_a_woman_named_with_a_feminine_verb_is_continued_by_a_feminine_verb():
    body = "وقالت جانيت يلين إن الدين مرتفع. وقال الوزير خالد العمري إن الخطة جاهزة. وأضافت أن الحل ممكن."
    assert _speakers(body) == ["جانيت يلين", "خالد العمري", "جانيت يلين"]


def test_plural_subject_in_un_and_its_plural_participle():
    body = ("وقال المدير خالد العمري إن السوق مزدحم.\n"
            "وأكد متعاملون في سوق الخضار تراجع الأسعار، مشيرين إلى أن الطلب ضعيف.")
    assert _speakers(body)[1:] == ["متعاملون في سوق الخضار"] * 2


def test_vowelled_verse_and_adjective_headline_label_are_no_source():
    assert classify("الْمُنَافِقُونَ", ActorRef(canonical="x")).reason == "scripture"
    assert extract("«الكويتية»: تسلم أكثر من ألف قطعة سلاح\nنص الخبر.", language="ar", published=PUB) == []


def test_background_aside_with_a_pronoun_has_no_source():
    assert _speakers("وقال المدير خالد العمري إن العمل بدأ.\nيذكر أنه افتتح فرع جديد للشركة العام الماضي.") == [
        "خالد العمري"]
    assert _speakers("ويذكر الباحث خالد العمري أن الفرع افتتح العام الماضي.") == ["خالد العمري"]


@pytest.mark.parametrize("surface,reason", [
    ("ولذلك نرى", "the writer's connective"), ("ولاشك", "the writer's connective"),
    ("صاحب السمو", "style without its name"), ("معالي", "style without its name"),
    ("النبي صلى الله عليه وسلم", "scripture"), ("الشاعر", "unnamed poet"), ("تحسين الخدمات", "verbal noun"),
    ("لكنهم", "pronoun"), ("لي صديقي", "preposition phrase"), ("وقفت على", "preposition phrase"), ("به مصادر محلية", "preposition phrase"),
    ("وشرقه", "common word, no name"), ("انتقلت", "verb"),
    ("مشاركة", "common word, no name"),
])
def test_words_that_name_no_one_are_rejected(surface, reason):
    v = classify(surface, ActorRef(canonical=surface))
    assert not v.valid and v.reason == reason


@pytest.mark.parametrize("surface", ["امرأة", "مواطنة", "حمزة", "تقرير المركز", "لي كه تشيانغ", "فقيه", "دراسة", "يوروستات"])
def test_person_nouns_names_and_reports_stay_sources(surface):
    assert classify(surface, ActorRef(canonical=surface)).valid


def test_a_family_name_in_ta_marbuta_written_after_a_first_name_stays_a_source():
    text = "عنوان\nوقال خالد جمعة إن الطريق مفتوح. وأضاف جمعة أن العمل مستمر في الموقع."
    assert [c.claimant_surface for c in extract(text, language="ar", published=PUB)] == ["خالد جمعة"] * 2


def test_a_portfolio_word_before_a_headline_colon_is_its_ministry():
    claims = extract("الصحة: تسجيل خمس إصابات جديدة\nنص الخبر.", language="ar", published=PUB)
    assert [(c.claimant_surface, c.claimant.canonical) for c in claims] == [("الصحة", "وزارة الصحة")]


def test_a_headline_source_ends_before_its_own_verb():
    claims = extract("خالد النجمي يهاجم إعلاميا مصريا: قطر لن ترد على مستواكم\nنص الخبر.", language="ar", published=PUB)
    assert [c.claimant_surface for c in claims] == ["خالد النجمي"]


def test_a_story_label_before_two_dots_is_not_the_headline_subject():
    text = "العراق.. الجبوري يطالب الحكومة بإقالة وزراء\nوقال سليم الجبوري إن الوزراء فاسدون."
    assert [c.claimant_surface for c in extract(text, language="ar", published=PUB)][0] == "الجبوري"
    assert extract("القاهرة.. مظاهرات تطالب بإسقاط القانون\nنص الخبر.", language="ar", published=PUB) == []


def test_an_anonymity_aside_is_neither_speaker_nor_cue():
    body = ("أفاد مصدر أمني أن الطريق أغلق.\nوقال المصدر، الذي طلب عدم كشف اسمه، “تم تأجيل الاجتماع إلى موعد لاحق”.\n"
            "وأكد مسؤولون فضلوا عدم ذكر أسمائهم أن المفاوضات متعثرة.")
    got = _claims(body)
    assert [who for who, _, _ in got] == ["مصدر أمني", "مصدر أمني", "مسؤولون"]
    assert all("عدم" not in text for _, _, text in got)
