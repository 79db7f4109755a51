"""Actor identity: one real person or body per actor, across documents and scripts.

Applied to each claimant of a new document, in this order:
1. the gazetteer, also for name variants (honorifics dropped, «بن» chains shortened: «عادل بن أحمد الجبير»
   is «عادل الجبير», Adel al-Jubeir);
2. within the article, the short form after a full mention («الغبان» after «خالد الغبان»);
3. a role resolved to the person holding it in the article («وزير الخارجية عادل الجبير» … «وزير الخارجية»);
4. a bare role title no one in the article fills is scoped to the article («المشرف» of document 12),
   never one global person.
Transliteration-tolerant matching of new names against existing actors is done by `ActorCache`
(claimtrack.ingest.pipeline) with the name skeleton of `claimtrack.tracking.translit`.
"""

from __future__ import annotations

from collections.abc import Sequence

from claimtrack.extract.arabic_lexicon import FIRST_NAMES, HONORIFICS, ROLE_WORDS
from claimtrack.extract.base import ActorRef
from claimtrack.extract.gazetteer import gazetteer
from claimtrack.text import fold

ROLE_EXTRA = frozenset(fold(w) for w in """المشرف المختص المدرب الخبير الناطق المتحدث الوكيل المحقق المدير
    الخارجية الداخلية الدفاع العام العامة الفني الرسمي الإعلامي التنفيذي الأول الإقليمي المساعد باسم وكيل""".split())
_LINKS = frozenset({"بن", "ابن", "bin", "ibn"})


def _words(name: str) -> list[str]:
    return fold(name).replace("«", " ").replace("»", " ").split()


def name_variants(name: str) -> list[str]:
    """The name, without leading honorifics, and with «بن» chains cut to first and last name."""
    words = _words(name)
    while len(words) > 1 and (words[0] in HONORIFICS or words[0] in ("سمو", "معالي", "فضيله")):
        words = words[1:]
    out = [" ".join(words)]
    if any(w in _LINKS for w in words[1:-1]) and len(words) >= 3:
        out.append(f"{words[0]} {words[-1]}")
    return [v for v in out if v]


def is_bare_role(name: str) -> bool:
    """A role title without a name or an organisation: «المشرف», «وزير الخارجية», «المقدم»."""
    words = _words(name)
    if not words or len(words) > 3 or words[0] not in ROLE_WORDS | HONORIFICS | ROLE_EXTRA:
        return False
    return all(w in ROLE_WORDS or w in HONORIFICS or w in ROLE_EXTRA for w in words)


def gazetteer_actor(ref: ActorRef) -> ActorRef | None:
    """The gazetteer actor for this name or one of its variants, if any."""
    gz = gazetteer()
    for v in name_variants(ref.canonical):
        e = gz.lookup(v)
        if e is not None:
            return gz.actor(e, title=ref.title)
    return None


class ArticleActors:
    """Resolves the claimants of one article against each other (short forms, roles, bare titles)."""

    def __init__(self, refs: Sequence[tuple[ActorRef, str]], scope: str) -> None:
        self.scope = scope
        self.people: list[tuple[ActorRef, str]] = [(r, s) for r, s in refs if not is_bare_role(r.canonical)
                                                   and _personal(r.canonical)]

    def resolve(self, ref: ActorRef, surface: str) -> ActorRef:
        if ref.kind not in ("unknown", "person") or ref.same_as:
            return ref
        found = gazetteer_actor(ref)
        if found is not None:
            return found
        words = _words(ref.canonical)
        if len(words) == 1 and not is_bare_role(ref.canonical):
            full = self._with_last_name(words[0])
            if full is not None:
                return full
        if is_bare_role(ref.canonical):
            holder = self._holder(ref.canonical)
            if holder is not None:
                return holder
            return ActorRef(canonical=f"{ref.canonical} ({self.scope})", kind=ref.kind, title=ref.canonical,
                            aliases=[ref.canonical])
        return ref

    def _with_last_name(self, word: str) -> ActorRef | None:
        matches = {r.canonical: r for r, _s in self.people if len(_words(r.canonical)) >= 2
                   and _words(r.canonical)[-1] == word}
        return next(iter(matches.values())) if len(matches) == 1 else None

    def _holder(self, role: str) -> ActorRef | None:
        """The one person of the article introduced with this role («وزير الخارجية عادل الجبير»)."""
        key = " ".join(w for w in _words(role) if w not in HONORIFICS or w in ROLE_WORDS) or fold(role)
        holders = {r.canonical: r for r, s in self.people
                   if key in fold(s) or (r.title and key in fold(r.title))}
        return next(iter(holders.values())) if len(holders) == 1 else None


def _personal(name: str) -> bool:
    """The name holds a personal name (a known first name, or two or more words without a role head)."""
    words = _words(name)
    return any(w in FIRST_NAMES for w in words) or (len(words) >= 2 and words[0] not in ROLE_WORDS)
