"""Validity of an English claimant as written: a name, a described source, a pronoun to resolve, or junk.

A claimant is a person, organisation, office, country, document or described source ("a senior official",
"the White House", "Leader McConnell", "officials"). It is never a verb phrase ("heard us", "know you"), a
fragment around a colon ("Republicans: that"), a bare common noun ("fact"), or a clause ("What I'm").
"""

from __future__ import annotations

import re

from claimtrack.extract.english_lexicon import COMMON_SOURCES, ORG_NOUNS, ORG_WORDS, ROLE_NOUNS, TITLES

NAME, DESCRIBED, PRONOUN, INVALID = "name", "described", "pronoun", "invalid"

_PRONOUNS = {"he", "she", "they", "i", "we", "it", "you", "who", "which", "one"}
_OBJECT_PRONOUNS = {"us", "you", "him", "her", "them", "me", "it", "this", "that", "what", "i", "we", "they", "he",
                    "she"}
_DETERMINERS = {"the", "a", "an", "some", "many", "several", "other", "two", "three", "four", "five", "most", "both",
                "his", "her", "their", "its", "our", "my", "your", "these", "those", "this", "that", "each", "all",
                "another", "one", "top", "senior", "former", "leading", "local", "federal", "state", "foreign"}
_PARTICLES = {"of", "the", "for", "and", "de", "van", "von", "der", "al", "bin", "la", "le", "du", "da", "di", "on",
              "&", "in", "at"}
_CLAUSE_OPENERS = {"What", "When", "Where", "Why", "How", "If", "And", "But", "So", "Because", "While", "That",
                   "This", "These", "Those", "There", "Here", "It", "Yet", "Then", "Now", "Well", "Also", "As",
                   "Even", "Still", "Just", "Only", "Last", "Next", "Both", "Such", "Whether"}
# Source nouns beyond the role/organisation lexicon: documents and described sources.
_SOURCE_NOUNS = {"statement", "statements", "report", "reports", "study", "studies", "data", "poll", "polls",
                 "survey", "surveys", "website", "document", "documents", "filing", "filings", "memo", "letter",
                 "analysis", "assessment", "estimate", "estimates", "figures", "records", "spokesperson",
                 "officials", "official", "source", "sources", "people", "person", "researchers", "scientists",
                 "experts", "analysts", "economists", "lawyers", "attorneys", "prosecutors", "investigators",
                 "police", "authorities", "government", "ministry", "agency", "press", "media", "newspaper",
                 "book", "ad", "ads", "campaign", "aides", "staff", "staffers", "spokesmen", "spokeswomen",
                 "team", "allies", "critics", "supporters", "voters", "residents", "witnesses", "members",
                 "observers", "diplomats", "leaders", "lawmakers", "senators", "democrats", "republicans",
                 "intelligence", "military", "army", "forces", "administration", "court", "judge", "jury"}
_WORD = re.compile(r"[\w’'.&-]+")


def source_type(surface: str) -> str:
    """NAME, DESCRIBED, PRONOUN or INVALID for a claimant as written."""
    s = re.sub(r"\([^()]*\)", " ", surface).strip(" ,.;—–-\"“”'’")
    if not s or ":" in s or "?" in s:
        return INVALID
    words = _WORD.findall(s)
    if not words:
        return INVALID
    low = [w.lower().replace("’", "'") for w in words]
    if len(words) == 1 and (low[0] in _PRONOUNS or re.fullmatch(r"(?:i|we|you|he|she|they)'\w+", low[0])):
        return PRONOUN
    if any(w in _OBJECT_PRONOUNS or re.fullmatch(r"(?:i|we|you|he|she|they)'\w+", w) for w in low):
        return INVALID  # "heard us", "know you", "The last thing I'll", "suggesting the President" (below)
    if words[0] in _CLAUSE_OPENERS:
        return INVALID
    head = low[-1]
    if low[0] in _DETERMINERS:
        rest = words[1:]
        if head in _SOURCE_NOUNS or head in ROLE_NOUNS or head in COMMON_SOURCES or head in ORG_NOUNS:
            return DESCRIBED
        return NAME if rest and any(w[:1].isupper() for w in rest) and rest[-1][:1].isupper() else INVALID
    if words[0][:1].isupper():
        ok = all(w[:1].isupper() or w.lower() in _PARTICLES or w in TITLES or w in ORG_WORDS for w in words)
        if ok or head in ROLE_NOUNS or head in _SOURCE_NOUNS or head in ORG_NOUNS:
            return NAME
        return INVALID
    return DESCRIBED if len(words) == 1 and (head in COMMON_SOURCES or head in _SOURCE_NOUNS) else INVALID


def is_valid_source(surface: str) -> bool:
    """A claimant that names or describes a source (pronouns are valid only once resolved elsewhere)."""
    return source_type(surface) in (NAME, DESCRIBED)
