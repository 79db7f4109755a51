"""Arabic claimants: what follows a speaker's name (objects, adverbs) and words that are never a speaker.

Every sentence here is written for these tests.
"""

from __future__ import annotations

import datetime as dt

import pytest

from claimtrack.extract import extract
from claimtrack.extract.arabic_claimant_type import classify
from claimtrack.extract.base import ActorRef

PUB = dt.date(2015, 8, 11)


def _speakers(body: str) -> list[str]:
    return [c.claimant_surface for c in extract("عنوان\n" + body, language="ar", published=PUB)]


@pytest.mark.parametrize("surface,reason", [
    ("أمله", "verbal noun"), ("تفهمها", "verbal noun"), ("نصاً", "adverb"), ("هكذا", "adverb"), ("رضي الله عنه", "blessing"),
])
def test_attitude_nouns_and_adverbs_are_no_source(surface, reason):
    v = classify(surface, ActorRef(canonical=surface))
    assert not v.valid and v.reason == reason


def test_attitude_noun_with_pronoun_ends_the_name():
    body = "وقدم الأمير فيصل بن خالد شكره للعاملين في المستشفى، مؤكداً أن الخدمات الصحية تحسنت كثيراً."
    assert _speakers(body) == ["فيصل بن خالد"]


def test_attitude_noun_after_a_family_name_ends_it():
    body = ("وقال وزير الزراعة سامي شتاينر إن الموسم صعب على الجميع.\n"
            "وأكد شتاينر تفهمه قلق المزارعين من الجفاف، مبيناً أن الحكومة ستعوضهم عن الخسائر.")
    assert set(_speakers(body)) == {"سامي شتاينر"}


def test_manner_adverb_after_a_name_is_not_part_of_it():
    body = "وقال سامر حداد بهدوء وهو ينظر إلى الحقول: «لقد خسرنا المحصول كله هذا العام»."
    assert _speakers(body) == ["سامر حداد"]


def test_consultant_is_a_title():
    body = ("يشارك الفريق في معسكر خارجي هذا الشهر.\n"
            "ويؤكد استشاري التغذية المهندس خالد العمري، الذي يرافق الفريق في معسكره وجود علاقة بين الغذاء والأداء.")
    assert _speakers(body) == ["خالد العمري"]


def test_conjunction_and_verb_is_no_speaker():
    body = ("وانتقد الرئيس خالد العمري الاتفاق الجديد، وأشارت صحيفة «النهار» إلى المقابلة التي أجراها مع الرئيس "
            "الأسبوع الماضي، وبثت من قناة محلية مساء الأحد حول هذا الموضوع، وقوله بأنه ينطوي على خطأ كبير.")
    assert _speakers(body) == ["خالد العمري"]


def test_two_people_with_one_family_name_stay_apart():
    body = ("وقال محمد بن علي الشهري إن الحادث مؤلم للجميع.\n"
            "بدوره أفاد عبدالرحمن بن سعد الشهري بأن التحقيقات مستمرة حتى الآن.\n"
            "وأضاف الشهري أن المتهمين سيحاكمون قريبا.")
    assert _speakers(body)[:2] == ["محمد بن علي الشهري", "عبدالرحمن بن سعد الشهري"]


def test_compound_first_name_splits_title_from_name():
    body = "ووصف عضو الغرفة التجارية عبدالكريم السالم التنظيم الجديد بأنه خطوة مهمة للتجار."
    assert _speakers(body) == ["عبدالكريم السالم"]


def test_pronoun_before_imperfect_verb_is_the_earlier_actor():
    body = ("وقال الباحث ناصر الدوسري إن الدراسة اكتملت.\n"
            "ويأمل الدوسري أن ينشر النتائج قريبا، فهو يقول إن النتائج مشجعة للغاية.")
    assert _speakers(body) == ["ناصر الدوسري", "ناصر الدوسري"]


def test_blessing_after_a_name_is_not_part_of_it():
    body = "وقال الشيخ محمد بن إبراهيم رحمه الله: (الحكومة تعمل بالشريعة في كل المحاكم)."
    assert _speakers(body) == ["محمد بن إبراهيم"]


def test_a_name_that_ends_a_longer_one_is_the_same_person():
    body = ("وقال المحلل سامي أبو زيد إن المنطقة الآمنة بعيدة المنال.\n"
            "وأوضح أبو زيد أن تركيا لن تعلن شيئا قبل الانتهاء منها.")
    assert _speakers(body) == ["سامي أبو زيد", "سامي أبو زيد"]


def test_issuer_of_a_document_in_a_relative_clause_is_the_source():
    body = ("وأوضحت الدراسة التي أعدها مركز الخليج للأبحاث أن الإنفاق على الغذاء ارتفع.\n"
            "وأضافت الدراسة أن الأسر تنفق نصف دخلها على الطعام.")
    assert _speakers(body)[0] == "مركز الخليج للأبحاث"


def test_honorific_pronoun_after_a_participle_is_the_styled_dignitary():
    body = ("وقال المواطنون إن الخدمات تحسنت كثيرا في الحي.\n"
            "وبعد أن صلى سمو الأمير سعد بن فهد بن عبدالله ركعتين في المسجد، تفقد الأضرار، مؤكداً سموه أن "
            "الإصلاح سيبدأ غدا.")
    assert _speakers(body) == ["المواطنون", "سعد بن فهد بن عبدالله"]


def test_quoted_name_of_a_radio_is_its_name_not_the_content():
    claims = extract("عنوان\nوذكرت إذاعة «صوت المدينة» أن الطريق أغلق بسبب الأمطار.", language="ar", published=PUB)
    assert [c.quote for c in claims] == ["الطريق أغلق بسبب الأمطار."]
    assert claims[0].claimant_surface.startswith("إذاعة «صوت المدينة")


@pytest.mark.parametrize("body,speaker", [
    ("فبعض رجال الأعمال يعتقدون أن الهجمات لم تؤثر على السياحة بعد.", "رجال الأعمال"),
    ("وقال الوزير إن الخطة جاهزة. لكن نشطاء المعارضة يقولون إن الاستياء يزداد في المدينة.", "نشطاء المعارضة"),
])
def test_head_noun_of_a_genitive_before_an_imperfect_verb_is_in_the_subject(body, speaker):
    assert _speakers(body)[-1] == speaker


def test_abbreviated_title_does_not_end_the_subject():
    body = ("قام الأمين العام د. عبداللطيف السالم أمس بزيارة للمستشفى.\n"
            "واطلع د. السالم على الأقسام، مؤكداً أهمية تنسيق الجهود بين المستشفى والوزارة.")
    assert _speakers(body) == ["د. السالم"]


def test_institution_named_after_a_person_is_no_actor_of_the_sentence():
    body = ("وقال المتحدث باسم الجمعية إن الزيارة ناجحة.\n"
            "وعبر الضيف عن سعادته بزيارة مركز الملك سلمان، وقال \"اطلعت على أعمال المركز الكبيرة\".")
    assert "الملك سلمان" not in " ".join(_speakers(body))


def test_a_title_with_another_nationality_is_not_the_earlier_minister():
    body = ("وقال وزير الخارجية عادل الجبير إن المملكة تدعم الحل السياسي.\n"
            "وتحدث الوزير الألماني عن الأزمة، وأعرب عن أمله في المرونة، بأن لا مستقبل للأسد في سوريا.")
    assert _speakers(body) == ["عادل الجبير", "الوزير الألماني"]


def test_a_first_name_equal_to_a_fathers_name_is_another_person():
    body = ("وقال الأمير فيصل بن خالد إن المنطقة تشهد نهضة كبيرة.\n"
            "وقال المدير خالد العمري إن المستشفى جاهز لاستقبال المرضى.")
    assert _speakers(body) == ["فيصل بن خالد", "خالد العمري"]


def test_a_dash_ends_a_source_named_after_hasab():
    body = ("وقال قائد المقاومة إن القتال مستمر في المدينة.\n"
            "وسيطرت المقاومة –حسب المصدر – على المديريات الشرقية لمدينة إب بعد معارك عنيفة.")
    assert all("على" not in s for s in _speakers(body))


def test_reporting_verb_inside_unquoted_speech_after_a_colon_is_part_of_it():
    body = ("وقال الأمير فيصل بن خالد إن المنطقة آمنة.\n"
            "وأضاف سموه : قد وصف العلماء هؤلاء المجرمين بأنهم أعداء الدين، ولن نتوقف عن ملاحقتهم.")
    claims = extract("عنوان\n" + body, language="ar", published=PUB)
    assert claims[-1].quote.startswith("قد وصف العلماء") and claims[-1].claimant_surface == "فيصل بن خالد"


@pytest.mark.parametrize("surface", ["وفيما", "فضلا", "شهريا", "سادسا"])
def test_connectives_and_adverbs_are_no_source(surface):
    assert not classify(surface, ActorRef(canonical=surface)).valid


@pytest.mark.parametrize("body,speaker", [
    ("وأكد السفير آل صالح على المواقف الثابتة للمملكة في دعم القضية منذ عهد المؤسس.", "آل صالح"),
    ("وأكد معالي آل الشيخ أهمية تضافر الجهود بين الجهات الحكومية.", "آل الشيخ"),
    ("وأوضح المشرف على الحملة أستاذ طب الأطفال بجامعة الملك عبدالعزيز الدكتور سامي عيد الآغا أن الحملة تهدف "
     "إلى رفع مستوى التثقيف.", "سامي عيد الآغا"),
])
def test_family_names_with_al_and_institutions_named_after_a_king(body, speaker):
    assert _speakers(body) == [speaker]


def test_prayer_to_god_named_after_the_subject_is_no_claim():
    body = ("وقال الإمام خالد العمري إن الحادث مؤلم للجميع في المدينة.\n"
            "ودعا إمام المسجد المولى القدير أن يحفظ البلاد من كل سوء.")
    assert _speakers(body) == ["الإمام خالد العمري"]


def test_sound_plural_in_the_oblique_case_is_the_object():
    body = ("وأعلنت إدارة المستشفى أن بنك الدم يحتاج إلى متبرعين.\n"
            "ودعا المواطنين للتوجه إلى بنك الدم للتبرع خلال الأسبوع.")
    assert _speakers(body) == ["إدارة المستشفى", "إدارة المستشفى"]


def test_speech_after_a_sentence_about_a_titled_person_is_that_person():
    body = ("وقال المتحدث باسم الجمعية إن الزيارة ناجحة.\n"
            "من جهته، هنأ الدكتور سامي الحربي الطلاب بالنجاح. وقال: \"النجاح ثمرة جهد طويل\".")
    assert _speakers(body) == ["المتحدث باسم الجمعية", "سامي الحربي"]


def test_background_aside_with_bi_anna_is_no_claim():
    body = ("وقال مدير البلدية خالد العمري إن الجولات مستمرة.\n"
            "يذكر بأن المواطن الذي تقدم بالبلاغ لاحظ وجود مخالفات كثيرة في المطعم.")
    assert _speakers(body) == ["خالد العمري"]


def test_feminine_plural_verb_is_no_source():
    assert classify("وأكدن", ActorRef(canonical="وأكدن")).reason == "verb"


def test_fathers_name_after_bin_is_part_of_the_name_even_when_it_is_a_verb():
    assert _speakers("وأكد الدكتور سامي بن فضل الحربي أن اللجان أكملت استعداداتها.") == ["سامي بن فضل الحربي"]


def test_speech_two_sentences_after_a_titled_actor_is_that_actor():
    body = ("كشف مصدر مطلع أن إدارة النادي تفكر في الاستغناء عن المحترف الأجنبي.\n"
            "من جانبه أشاد مدير الفريق الأول بالنادي سامي الدخيل بدور المجلس في نجاح المعسكر. كما قدم شكره لرئيس "
            "النادي على الاهتمام بالفريق.\nوعن صفقات الفريق الأخيرة، قال: «التعاقدات الأخيرة تمت بناء على رؤية فنية بحتة»")
    assert _speakers(body)[-1] == "مدير الفريق"


def test_fronted_concessive_clause_is_not_the_subject():
    body = ("وقال الوزير خالد العمري إن السوق مستقر.\n"
            "ورغم أن الأسعار تراجعت منذ اجتماع أوبك يستبعد مسؤولون في المنظمة خفض الإنتاج.")
    assert _speakers(body) == ["خالد العمري", "مسؤولون"]


@pytest.mark.parametrize("surface", ["بكل بساطة", "بما يشبه سيطرة فعلية"])
def test_manner_and_relative_phrases_are_no_source(surface):
    assert not classify(surface, ActorRef(canonical=surface)).valid


@pytest.mark.parametrize("body,speaker", [
    ("وقال الشيخ العثمان بنبرة غاضبة: الفريق جاهز.", "الشيخ العثمان"),
    ("وأكدت الهيئة الصحية والتي تنظر في القضية أنها رصدت المخالفات.", "الهيئة الصحية"),
    ("وقال المتحدث الرسمي بوزارة الصحة إن الوضع مطمئن.", "المتحدث الرسمي بوزارة الصحة"),
])
def test_a_manner_or_relative_phrase_after_the_name_is_not_part_of_it(body, speaker):
    claims = extract("عنوان\n" + body, language="ar", published=PUB)
    assert [c.claimant_surface for c in claims] == [speaker]


def test_a_participle_after_a_titled_subject_of_wabbara_is_that_persons():
    body = "وقال الوزير إن الخطة جاهزة.\nوعبر المدير خالد قطان عن سعادته بالإنجاز، مؤكدا أن العمل تحقق بفضل الفريق."
    claims = extract("عنوان\n" + body, language="ar", published=PUB)
    assert [c.claimant_surface for c in claims] == ["الوزير", "خالد قطان"]


def test_a_players_position_is_a_title_before_his_name():
    claims = extract("عنوان\nوأكد مهاجم الفريق خالد العمري أن الفريق قوي.", language="ar", published=PUB)
    assert [c.claimant_surface for c in claims] == ["خالد العمري"]


def test_an_addressed_plural_is_not_part_of_the_subject():
    from claimtrack.extract import extract as _extract

    def who(body: str) -> list[str]:
        return [c.claimant.canonical for c in _extract("عنوان\n" + body, language="ar")]

    assert who("وحذرت هيئة الغذاء المستهلكين من شراء المنتجات المجهولة.") == ["هيئة الغذاء"]
    assert who("وأكد المجلس أهمية تعزيز التعاون بين الدول الأعضاء.") == ["المجلس"]
    assert who("وقالت جمعية المهندسين السعوديين إن المشروع متأخر.") == ["جمعية المهندسين السعوديين"]
    assert who("وقال اتحاد المستثمرين إن السوق مستقرة.") == ["اتحاد المستثمرين"]
    assert who("وقال القادة العسكريون المشاركون في العملية إن المدينة آمنة.")[0].startswith("القادة العسكريون المشاركون")


def test_a_professor_at_a_university_named_after_a_king_is_named():
    from claimtrack.extract import extract as _extract

    def who(body: str) -> list[str]:
        return [c.claimant.canonical for c in _extract("عنوان\n" + body, language="ar")]

    assert who("وقال أستاذ علم البيئة بجامعة الملك فيصل الدكتور سامي العتيبي إن التلوث يتزايد.") == ["سامي العتيبي"]
    assert who("وقال أستاذ الجيولوجيا بجامعة الملك سعود بالرياض خالد الشمري لـ«الصحيفة»: الزلزال ضعيف.") \
        == ["خالد الشمري"]
