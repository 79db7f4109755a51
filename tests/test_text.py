from claimtrack.text import detect_language, fold, split_sentences, strip_outlet_prefix, western_digits


def test_fold_and_digits_unchanged():
    assert fold("أحمدُ إلى مدرسةٍ") == "احمد الي مدرسه"
    assert western_digits("٢٠٢٣") == "2023"
    assert detect_language("قال الوزير") == "ar"


def _sents(t):
    return [t[a:b] for a, b in split_sentences(t)]


def test_split_arabic_and_english_sentences():
    assert _sents("قال الوزير إن العدد 1.5 مليون. وأضاف أن الوضع جيد؟ نعم") == [
        "قال الوزير إن العدد 1.5 مليون.", "وأضاف أن الوضع جيد؟", "نعم"]
    assert _sents("Mr. Smith said U.S. troops left. Dr. Jones agreed!") == [
        "Mr. Smith said U.S. troops left.", "Dr. Jones agreed!"]
    assert _sents("انتهى الاجتماع.وبدأ آخر") == ["انتهى الاجتماع.", "وبدأ آخر"]


def test_split_offsets_exact():
    t = "  أولى. ثانية\nثالثة "
    for a, b in split_sentences(t):
        assert t[a:b].strip() == t[a:b]


def test_strip_outlet_prefix_lead_line_only():
    assert strip_outlet_prefix("عنوان-فرعي\nوكالتنا-قال الوزير") == "عنوان-فرعي\nقال الوزير"
    assert strip_outlet_prefix("عنوان\nعين اليوم – القاهرة") == "عنوان\nعين اليوم – القاهرة"
