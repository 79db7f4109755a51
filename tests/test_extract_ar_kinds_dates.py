"""Arabic kinds, denials, display spans and statement dates, on sentences written for these tests."""

from __future__ import annotations

import datetime as dt

from claimtrack.extract import display_text, extract

PUB = dt.date(2015, 8, 11)  # a Tuesday


def _one(body: str):
    cs = extract("عنوان\n" + body, language="ar", published=PUB)
    assert len(cs) == 1, cs
    return cs[0]


def test_past_report_with_future_in_a_relative_clause_is_a_statement():
    c = _one("وكان المكتب قد أعلن أنه رصد تحركات للقوات، والتي ستؤدي إلى أزمة.")
    assert c.kind == "statement"
    assert _one("وقال الوزير إن الحكومة ستخفض الضرائب.").kind == "prediction"


def test_a_past_report_naming_a_place_or_person_that_opens_with_sin_is_a_statement():
    assert _one("وأفاد الجيش بأن مسلحين هاجموا نقطة تفتيش في مدينة سيكارو أمس.").kind == "statement"
    assert _one("وقالت الشرطة إنها أوقفت أبو سيماك بعد مطاردة قصيرة.").kind == "statement"
    assert _one("وقال الوزير إن المحادثات جرت في سياق ودي.").kind == "statement"
    assert _one("وقال الوزير إن المدينة ستشهد افتتاح مطار جديد.").kind == "prediction"
    assert _one("وقال الوزير إن أبو خالد سيغادر البلاد.").kind == "prediction"


def test_denials_reject_a_claim_or_a_report():
    assert _one("ونفت الشركة أن يكون المصنع قد أغلق.").kind == "denial"
    assert _one("وقال المتحدث إن ما تردد عن إغلاق المصنع غير صحيح.").kind == "denial"
    assert _one("وأكد المدير أن تقديم بيانات غير صحيحة يعرض صاحبها للغرامة.").kind == "statement"


def test_display_text_keeps_quotation_pairs_whole():
    assert display_text("«سياسة الهيمنة» التي ينتهجها الغرب.") == "«سياسة الهيمنة» التي ينتهجها الغرب"
    assert display_text('"الاتفاق جاهز".') == "الاتفاق جاهز"
    assert display_text("إن «الاتفاق» جاهز»") == "إن «الاتفاق» جاهز"


def test_relative_date_between_verb_and_anna_dates_the_statement_and_carries():
    cs = extract("عنوان\nوقال الوزير في مؤتمر صحفي مساء أمس إن الاتفاق جاهز. وأضاف أن التنفيذ يبدأ قريبا.",
                 language="ar", published=PUB)
    assert [c.stated_on.iso for c in cs] == ["2015-08-10", "2015-08-10"]
    assert cs[0].claimant.canonical == "الوزير"


def test_event_date_stays_separate():
    c = _one("وقال الوزير إن الاتفاق وقع أمس.")
    assert c.stated_on is None and c.event_date.iso == "2015-08-10"


def test_speech_event_date_inside_the_content_is_the_statement_date():
    c = _one("وقال الوزير إن الاتفاق جاهز، وذلك في كلمة ألقاها أمس.")
    assert c.stated_on.iso == "2015-08-10" and c.event_date is None


def test_last_weekday_resolves_against_publication():
    assert _one("وقال الوزير الأحد الماضي إن الاتفاق جاهز.").stated_on.iso == "2015-08-09"


def test_next_weekday_is_after_publication():
    c = _one("وأعلن المتحدث أن الاجتماع سيعقد الأحد المقبل في العاصمة.")
    assert c.event_date is not None and c.event_date.iso == "2015-08-16"
    c = _one("وقال المتحدث في تصريح صحفي يوم الأحد إن الاجتماع انعقد في العاصمة.")
    assert c.stated_on is not None and c.stated_on.iso == "2015-08-09"


def test_stated_on_carries_to_the_participle_and_continuation_of_the_same_speech():
    cs = extract("عنوان\nوأكد المدرب في حديث قصير قبل التمرين أمس أن الفريق جاهز للمباراة، مؤكدا أن المعسكر نجح."
                 " وأضاف أن اللاعبين بخير.", language="ar", published=PUB)
    assert [c.stated_on and c.stated_on.iso for c in cs] == ["2015-08-10"] * 3, [(c.quote, c.stated_on) for c in cs]
    assert all(c.event_date is None for c in cs)


def test_short_future_verbs_and_lan_as_a_word():
    assert _one("وقال المدير إن الوفد سيصل إلى المدينة غدا.").kind == "prediction"
    assert _one("وأشار المدير إلى أنه سيتم توزيع الجوائز على الفائزين.").kind == "prediction"
    assert _one("وأوضح المدير أن المركز خصص برنامجا لنقل المسافرين إلى لندن.").kind == "statement"
    assert _one("وقال المدير إن الأسعار ارتفعت، لا سيما أسعار الخضار.").kind == "statement"


def test_evaluation_in_the_main_clause_is_an_assessment():
    assert _one("وقال المدير إن الوضع في المستشفى كارثي.").kind == "assessment"
    assert _one("وأوضح المدير أن القرار يعكس اهتمام الوزارة بالمرضى.").kind == "assessment"
    assert _one("وأوضح المدير أن مؤشر السوق ارتفع نقطتين.").kind == "statement"
    assert _one("وأوضح المدير أن دليل الطالب صدر أمس.").kind == "statement"


def test_likely_and_siq_futures_are_predictions():
    assert _one("وقال المدير إن الشركة سيقدم عرضا جديدا الشهر المقبل.").kind == "prediction"
    assert _one("وأوضح المدير أنه من المحتمل أن يتم طرح الأسهم في السوق.").kind == "prediction"


def test_evaluative_words_make_an_assessment():
    assert _one("وقال المدرب إن أداء الحارس كان رائعا في الشوط الثاني.").kind == "assessment"
    assert _one("وأكد المحافظ أهمية التنسيق بين البلديات والمدارس.").kind == "assessment"
    assert _one("ووصف المتحدث التفجير بأنه عمل إجرامي جبان.").kind == "assessment"
    assert _one("وقال الطبيب إن المريض غادر المستشفى صباحا.").kind == "statement"
    assert _one("وقال الوزير إن اختيار الشركة للمرة الخامسة، يعكس ثقة العملاء بها.").kind == "assessment"


def test_a_fronted_adjunct_is_not_the_main_clause():
    assert _one("وقال المتحدث إنه بموجب الاتفاق الجديد، ستحصل الشركة على حصة أكبر.").kind == "prediction"
    assert _one("وقال المتحدث إن الشركة وقعت الاتفاق، الذي سيمنحها حصة أكبر.").kind == "statement"


def test_kadhdhaba_denies_a_report_but_a_lie_is_no_cue():
    c = _one("وكذّب المتحدث باسم الشركة الأنباء عن إغلاق المصنع.")
    assert c.kind == "denial"
    cs = extract("عنوان\nوقال المحلل إن الكذب لا يدوم. كذب الشاعر في قصيدته أن البحر هادئ.", language="ar",
                 published=PUB)
    assert [c.kind for c in cs] == ["statement"], cs


def test_a_rhetorical_question_with_an_exclamation_is_no_claim():
    assert extract("عنوان\nوقال الكاتب: لماذا يصر الناس على الإسراف في الأعراس؟!", language="ar", published=PUB) == []


def test_feminine_year_phrases_give_event_dates():
    c = _one("وأوضح المدير أنه خلال السنة الماضية تم تقديم خمسين دورة تدريبية.")
    assert c.event_date is not None and c.event_date.iso == "2014"


def test_names_and_nouns_that_start_like_a_future_are_no_prediction():
    assert _one("وقال المدرب إن مهاجم مانشستر سيتي أصيب في التدريب.").kind == "statement"
    assert _one("وأوضح المدير أن الفعاليات السياحية استقطبت آلاف الزوار.").kind == "statement"
    assert _one("وقال المدرب إن الفريق سيلتقي منافسه الأسبوع المقبل.").kind == "prediction"


def test_more_ways_of_rejecting_a_report_are_denials():
    assert _one("وقال المتحدث إن ما تداولته المواقع عن إغلاق المطار لا أساس له من الصحة.").kind == "denial"
    assert _one("وأوضحت الهيئة أن الأنباء المتداولة عن رفع الرسوم غير دقيقة.").kind == "denial"
    assert _one("وأكد المتحدث أن ما يتردد مجرد شائعات تهدف إلى إثارة البلبلة.").kind == "denial"
    assert _one("وفنّد المتحدث الرسمي ادعاءات المعارضة بشأن الانتخابات.").kind == "denial"
    assert _one("وقال الباحث إن قياس الحرارة غير دقيق في الصيف.").kind == "statement"


def test_a_coming_day_never_dates_the_statement():
    c = _one("وقال المدرب في مؤتمر صحفي قبل مباراة غداً الأربعاء إن الفريق جاهز.")
    assert c.stated_on is None


def test_days_before_another_event_are_not_counted_from_publication():
    c = _one("وقال الطبيب إنها دخلت المستشفى قبل ستة أيام من وفاتها.")
    assert c.event_date is None
    assert _one("وقال الطبيب إنها دخلت المستشفى قبل يومين.").event_date.iso == "2015-08-09"


def test_the_date_carries_to_a_continuation_by_the_short_name():
    cs = extract("عنوان\nوقال وزير الصحة توفيق الربيعة أمس إن الحالات تراجعت. وقال المتحدث باسم الوزارة إن الفرق"
                 " تعمل.\nوأضاف الربيعة أن المستشفيات جاهزة.", language="ar", published=PUB)
    assert [c.stated_on and c.stated_on.iso for c in cs] == ["2015-08-10", None, "2015-08-10"], cs
