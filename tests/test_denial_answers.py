"""What a denial answers: speech inside circulated material, the denial's own sentence, and «كما تدعي».

Every sentence here is written for these tests (none is taken from an evaluation article).
"""

from __future__ import annotations

from claimtrack.extract import extract, links
from claimtrack.extract.arabic_material import material_speech
from claimtrack.extract.base import ActorRef, ExtractedClaim
from claimtrack.text import fold


def _claims(body: str) -> list[ExtractedClaim]:
    return extract("عنوان الخبر\n\n" + body, language="ar")


def _by(claims: list[ExtractedClaim], who: str) -> list[ExtractedClaim]:
    return [c for c in claims if c.claimant.canonical == who]


def test_a_person_shown_in_a_video_alleges_what_they_mention_without_a_complementizer() -> None:
    claims = _claims("وتداول مستخدمون مقطع فيديو لرجل يذكر فيه انقطاع المياه عن الحي منذ أسبوع.")
    [man] = _by(claims, "رجل")
    assert man.quote.startswith("انقطاع المياه") and man.kind == "statement"


def test_a_person_after_shown_in_it_is_the_speaker_and_no_claim_is_cut_inside_the_material() -> None:
    claims = _claims("وأوضحت البلدية في بيان حول تسجيل تظهر فيه سيدة تفيد من خلاله تعطل الإنارة في الشارع منذ شهر، "
                     "أن فرق الصيانة أصلحت الأعطال.")
    [woman] = _by(claims, "سيدة")
    assert woman.quote == "تعطل الإنارة في الشارع منذ شهر"
    assert not any("تظهر فيه" in c.quote for c in claims)  # «أوضحت البلدية في بيان حول تسجيل تظهر فيه سيدة»


def test_material_with_no_person_before_the_verb_is_not_speech_of_anyone() -> None:
    for sentence in ("وبثت القناة تسجيلا يذكر تفاصيل الحادث كاملة.",
                     "وعرض المنظمون فيديو لحفل الافتتاح. ويذكر أن النادي تأسس قبل عشرين عاما."):
        f = fold(sentence)
        assert material_speech(f, 0, len(f)) is None, sentence


def test_a_denial_links_to_the_allegation_its_own_sentence_answers() -> None:
    claims = _claims("نفت البلدية انقطاع المياه عن حي النسيم بل جرى تخفيض الضغط ساعتين للصيانة، وذلك رداً على مقطع "
                     "تداوله السكان لرجل يذكر فيه انقطاع المياه عن الحي منذ أسبوع.")
    [denial] = [c for c in claims if c.kind == "denial"]
    [man] = _by(claims, "رجل")
    assert [claims[j] for j in denial.denies] == [man]
    assert denial.link_evidence[claims.index(man)]["same_sentence"] is True


def test_the_same_sentence_signal_stops_at_the_denial_s_full_stop() -> None:
    city, resident = ActorRef("البلدية", kind="government"), ActorRef("أحد السكان", kind="person")
    text = "نفت البلدية انقطاع المياه عن الحي. وقال أحد السكان إن انقطاع المياه طال المدارس."
    d_end = text.index(".") + 1
    c_start = text.index("انقطاع المياه طال")
    denial = ExtractedClaim(quote=text[:d_end], start=0, end=d_end, claimant=city, claimant_surface="البلدية",
                            kind="denial", text=text[:d_end])
    other = ExtractedClaim(quote=text[c_start:-1], start=c_start, end=len(text) - 1, claimant=resident,
                           claimant_surface="أحد السكان", text=text[c_start:-1])
    assert not links.same_sentence_after(text, denial, other)
    joined = text.replace(". وقال", "، فيما قال")
    other.start, other.end = joined.index("انقطاع المياه طال"), len(joined) - 1
    assert links.same_sentence_after(joined, denial, other)


def test_a_marker_after_the_denied_words_makes_them_the_denied_object() -> None:
    family = ActorRef("الشرطة", kind="organisation")
    p = links.profile("أفرج عنه بكفالة مالية وليس بالعفو كما تدعي الأسرة", family)
    assert p.head == "عفو"
    assert "كفال" not in " ".join(p.object_terms)  # the release on bail is the correction, not what is denied
    assert p.accused.stems  # «كما تدعي الأسرة» names whose claim it rejects


def _plain(text: str, who: ActorRef, kind: str = "statement") -> ExtractedClaim:
    return ExtractedClaim(quote=text, start=0, end=len(text), claimant=who, claimant_surface=who.canonical,
                          kind=kind, text=text)


def test_the_named_accuser_speaking_about_the_denier_is_a_target_without_shared_words() -> None:
    us = ActorRef("United States", kind="country", name_ar="الولايات المتحدة", name_en="United States")
    wh = ActorRef("White House", kind="government", name_ar="البيت الأبيض", affiliation=us)
    iran = ActorRef("Iran", kind="country", name_ar="إيران", name_en="Iran")
    claims = [
        _plain("إيران تواصل تخصيب اليورانيوم سراً في منشأة جبلية", wh),  # the accuser, about the denier
        _plain("الاقتصاد ينمو بثبات هذا العام", wh),  # the accuser, about something else
        _plain("إيران تواجه عقوبات جديدة قريباً", ActorRef("محلل اقتصادي", kind="person")),  # not the accuser
        _plain("نفت إيران المزاعم الأميركية بشأن برنامجها", iran, "denial"),
    ]
    links.link_denials(claims)
    assert claims[3].denies == [0]
    ev = claims[3].link_evidence[0]
    assert ev["party_match"] and ev["names_denier"] and ev["object_terms"] == []
