"""Gazetteer of well-known actors (governments, capitals as metonyms, leaders, organisations, media).

Aliases are folded (claimtrack.text.fold) into one dict, so lookups are a dict hit per phrase.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from claimtrack.extract.arabic_lexicon import trie_regex
from claimtrack.extract.base import ActorRef
from claimtrack.text import fold

MAX_ALIAS_TOKENS = 6
_SPACES = re.compile(r"[\s،,]+")


@dataclass(frozen=True, slots=True)
class Entry:
    id: str
    canonical: str
    kind: str
    name_ar: str
    name_en: str
    aliases: tuple[str, ...]
    affiliation: str | None
    adjectives: tuple[str, ...]


class Gazetteer:
    """Folded alias → entry, plus nisba adjectives (الأميركية → United States)."""

    def __init__(self, entries: list[Entry]) -> None:
        self.by_id = {e.id: e for e in entries}
        self.alias: dict[str, Entry] = {}
        self.adjective: dict[str, Entry] = {}
        self.first: dict[str, int] = {}  # first token of an alias -> longest alias length in tokens
        for e in entries:
            for a in (e.canonical, e.name_ar, e.name_en, *e.aliases):
                if a:
                    self.alias.setdefault(fold(a), e)
            for a in e.adjectives:
                self.adjective.setdefault(fold(a), e)
                if fold(a).startswith("ال"):
                    self.adjective.setdefault(fold(a)[2:], e)

        for key in self.alias:
            toks = key.split()
            self.first[toks[0]] = max(self.first.get(toks[0], 0), len(toks))
        self.phrase: dict[str, Entry] = {}  # alias or adjective -> entry (built with the mention regex)
        self._re: re.Pattern[str] | None = None

    def lookup(self, phrase: str) -> Entry | None:
        """The entry whose alias is exactly `phrase` (after folding)."""
        return self.alias.get(fold(phrase))

    def longest_prefix(self, tokens: list[str]) -> tuple[Entry, int] | None:
        """Longest alias made of tokens[0:n]; returns (entry, n)."""
        if not tokens:
            return None
        longest = self.first.get(tokens[0]) or self.first.get(fold(tokens[0]))
        if not longest:
            return None
        for n in range(min(longest, MAX_ALIAS_TOKENS, len(tokens)), 0, -1):
            e = self.alias.get(fold(" ".join(tokens[:n])))
            if e is not None:
                return e, n
        return None

    def mentions(self, text: str) -> list[Entry]:
        """Entries mentioned in `text` by alias or adjective, in order, unique (one regex pass).

        A و/ب/ل/ف prefix glued to the first word is allowed (وواشنطن، بموسكو).
        """
        out: list[Entry] = []
        for m in self._mention_re().finditer(" " + fold(text)):
            e = self.phrase[_SPACES.sub(" ", m.group(1))]
            if e not in out:
                out.append(e)
        return out

    def _mention_re(self) -> re.Pattern[str]:
        if self._re is None:
            self.phrase = {**self.adjective, **self.alias}  # an alias wins over an adjective
            for k in [k for k in self.phrase if len(k) < 3]:
                del self.phrase[k]
            body = trie_regex(sorted(self.phrase)).replace("\\ ", r"[\s،,]+")
            # a leading class (not a look-behind) lets `re` skip fast to word starts; the text gets a space first
            self._re = re.compile(rf"[\W\d_][وبلف]?({body})(?![^\W\d_])")
        return self._re

    def chain(self, entry: Entry) -> list[Entry]:
        """The entry and its affiliations up the chain (Kremlin → Russia)."""
        out = [entry]
        while out[-1].affiliation and out[-1].affiliation in self.by_id and len(out) < 5:
            out.append(self.by_id[out[-1].affiliation])
        return out

    def actor(self, entry: Entry, title: str | None = None) -> ActorRef:
        aff = self.by_id.get(entry.affiliation) if entry.affiliation else None
        return ActorRef(
            canonical=entry.canonical, kind=entry.kind, name_ar=entry.name_ar, name_en=entry.name_en,
            aliases=list(entry.aliases), title=title, affiliation=self.actor(aff) if aff else None,
        )


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The shipped gazetteer (claimtrack/extract/data/gazetteer.json), loaded once."""
    raw = json.loads(resources.files("claimtrack.extract").joinpath("data/gazetteer.json").read_text("utf-8"))
    entries = [
        Entry(
            id=r["id"], canonical=r["canonical"], kind=r["kind"], name_ar=r["name_ar"], name_en=r["name_en"],
            aliases=tuple(r["aliases_ar"] + r["aliases_en"]), affiliation=r.get("affiliation"),
            adjectives=tuple(r.get("adjectives_ar", []) + r.get("adjectives_en", [])),
        )
        for r in raw["entries"]
    ]
    return Gazetteer(entries)
