"""Cue filters for the Arabic extractor: drop reporting-verb look-alikes before attribution."""

from __future__ import annotations

import re

from claimtrack.extract import arabic_lexicon as L
from claimtrack.extract.arabic_rules import (
    EXPECTED_BEFORE,
    NAFY_NOUN,
    NEG_BEFORE_ANY,
    Open,
    relative_ma_subject,
)

_AMBIG_MID = frozenset({"بين", "تابع", "استبعد"})  # also "between" / "affiliated" / "excluded"
_ASIDE = re.compile(r"(?<!\S)(?:جانبه|جانبها|جانبهم|جهته|جهتها|جهتهم|بدوره|بدورها|بدورهم)\s*$")
_MASDAR_AFTER = re.compile(r"(?<!\S)(?:تم|جري|يتم|يجري|سيتم|سيجري)\s+$")
_AN_AFTER = re.compile(r"(?<!\S)عن(?!\S)")
_PART_COMP = re.compile(r"\s*(?:(?:الي|علي|على|من|ب)\s*)?(?:ان|انه|انها|انهم|بان)(?!\S)|\s*:")
WA_ANNA = re.compile(r"(?<!\S)وان(?:ه|ها|هم)?(?!\S)")
PREP_LEMMAS = frozenset({"كشف", "اعرب"})  # "تحدث عن X" names a topic, not a proposition
NEG_PARTICLES = frozenset("لم لن لا ما قد ولم ولن ولا وما وقد فلم فلن فلا فقد".split())


class CueFilters:
    """Mixin over `self.f` (folded text) and `self._comp`."""

    f: str

    def _comp(self, start: int, end: int, quotes: list[tuple[int, int]]) -> re.Match[str] | Open | None:
        raise NotImplementedError

    def _plausible(self, c: re.Match[str]) -> bool:
        """Filter cue look-alikes: a bare ambiguous verb inside a clause ("جمع بين الوفدين"), a feminine or
        plural participle used as an adjective ("حراسة مشددة") with no complementizer after it."""
        f = self.f
        s = c.start("pre")
        if c.group("verb") == "ذكر" and not c.group("pre") and f[max(0, s - 2) : s].strip().isalpha():
            return False  # "رافضاً ذكر اسمه", "سبق ذكر": the verbal noun
        if c.group("part") == "متهما" and f[max(0, s - 2) : s].strip() not in ("،", ","):
            return False  # "20 متهماً": the accused, not "accusing"
        if c.group("verb") and not c.group("pre") and L.VERB_FORM[c.group("verb")][0] in _AMBIG_MID \
                and (c.group("verb") not in L.IMPERFECT or L.VERB_FORM[c.group("verb")][0] != "استبعد"):
            k = s - 1
            while k > 0 and f[k] == " ":
                k -= 1
            if k >= 0 and (f[k].isalpha() or f[k] in "»”\"") and not _ASIDE.search(f, max(0, s - 12), s):
                return False
        verb = c.group("verb")
        if verb and EXPECTED_BEFORE.search(f, max(0, s - 20), s):
            return False  # "وينتظر أن يدعو …": an expected act
        if verb and L.VERB_FORM[verb][0] == "راي" and re.match(r"\s*(?:اخر|مختلف|مغاير|اخري)(?!\w)", f[c.end() :]):
            return False  # "كان له رأي آخر": the noun "opinion"
        if verb and L.VERB_FORM[verb][0] == "زاد" and (c.group("pre") not in ("و", "ف") or not re.match(
                r"\s*(?:[^\s،,.]+\s+){1,4}?(?:ب?ان(?:ه|ها|هم|نا)?|بالقول)(?!\S)|\s*(?:[^\s،,.]+\s+){0,3}[^\s،,.]+\s*:",
                f[c.end() :])):
            return False  # "وزاد الرويس أن …" adds; "وزادت الأسعار" rises
        if verb == "نفي" and not c.group("pre") and re.search(r"(?<!\S)(?:في|وفي|معرض)\s+$", f[max(0, s - 8) : s]):
            return False  # "في نفي للشائعات": the noun, inside the clause of another cue
        if verb and L.VERB_FORM[verb][0] == "كذب" and (c.group("pre") not in ("و", "ف")
                                                      or re.match(r"\s*(?:علي|على)\s", f[c.end() : c.end() + 6])):
            return False  # "وكذبت الصحف …" denies; "كذبت على …" lies
        if verb and L.VERB_FORM[verb][0] == "اتهم" and NEG_BEFORE_ANY.search(f, max(0, s - 5), s):
            return False  # "ولا يتهم أي شخص": no accusation
        verb = c.group("verb")
        if verb and (verb == "يذكر" or c.group("pre") + verb == "ويذكر") and re.match(r"\s*ان(?!\S)", f[c.end() :]):
            return False  # "ويذكر أن …": the journalist's aside, impersonal
        if verb and not c.group("pre") and f[max(0, s - 4) : s].split()[-1:] == ["من"]:
            return False  # "كذب من قال …": "whoever said", no source
        if verb and not c.group("pre") and relative_ma_subject(f, s):
            return False  # "وهو ما يشير إلى أن …": the journalist's inference, no source
        if verb and not c.group("pre") and _MASDAR_AFTER.search(f, max(0, s - 8), s):
            return False  # "تم نقل" / "جرى ذكر": a verbal noun
        if verb and L.VERB_FORM[verb][0] == "نقل" and not _AN_AFTER.search(f, c.end(), c.end() + 60):
            return False  # نقل reports speech only as "نقل عن"
        part = c.group("part")
        if part and not part.endswith("ا"):  # مؤكدة / مؤكدين: after a comma, or before أن
            k = s - 1
            while k > 0 and f[k] == " ":
                k -= 1
            if bool(_PART_COMP.match(f, c.end())) or f[k] in "،,":
                return True
            # "ومؤكدة على أهمية …" after an adjective: a coordinated adjective, unless كما/ثم opens it
            return c.group("pre") not in ("", "و", "ف")
        return True

    def _drop_bare(self, cues: list[re.Match[str]], sb: int, quotes: list[tuple[int, int]]) -> list[re.Match[str]]:
        """Drop a verb that needs a complementizer and has none before the sentence ends ("تكهنات تتحدث عن
        فقدان …", "وبين قيادة …"): it attributes nothing, so it must not cut the claim before it."""
        kept = []
        for i, c in enumerate(cues):
            v = c.group("verb")
            # a complementizer after the next head cue belongs to that cue ("الأخبار التي تحدثت عن …، وأوضح أن")
            lim = min(sb, c.end() + 260, *(x.start("pre") for x in cues[i + 1 :] if x.group("verb") or x.group("part")))
            if v and L.VERB_FORM[v][0] in L.NEEDS_COMPLEMENTIZER and L.VERB_FORM[v][0] not in PREP_LEMMAS \
                    and self._comp(c.end(), lim, quotes) is None and not WA_ANNA.search(self.f, c.end(), lim) \
                    and not (L.VERB_FORM[v][0] == "نقل" and NAFY_NOUN.search(self.f, c.end(), lim)):
                continue
            kept.append(c)
        return kept

    def _drop_embedded(self, cues: list[re.Match[str]]) -> list[re.Match[str]]:
        """Drop an imperfect verb right after a noun inside an earlier claim's content ("إن الأرقام تؤكد …")."""
        f = self.f
        kept: list[re.Match[str]] = []
        for c in cues:
            v, s = c.group("verb"), c.start("pre")
            head = next((h for h in reversed(kept) if not h.group("prep")), None)
            if v in L.IMPERFECT and not c.group("pre") and head is not None \
                    and L.COMPLEMENTIZER_RE.search(f, head.end(), s):
                prev = f[max(0, s - 30) : s].split()
                if prev and prev[-1].isalpha() and prev[-1] not in NEG_PARTICLES:
                    continue
                if len(prev) >= 2 and prev[-1] in ("لا", "لن", "لم") and prev[-2].isalpha() \
                        and prev[-2] not in NEG_PARTICLES and prev[-2] not in ("ان", "انه", "انها"):
                    continue  # "أن الحركة لن تبدي …": a negated verb inside the content
            kept.append(c)
        return kept
