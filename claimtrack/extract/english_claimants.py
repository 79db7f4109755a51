"""Validity of an English claimant as written: a name, a described source, a pronoun to resolve, or junk.

A claimant is a person, organisation, office, country, document or described source ("a senior official",
"the White House", "Leader McConnell", "officials"). It is never a verb phrase ("heard us", "know you"), a
fragment around a colon ("Republicans: that"), a bare common noun ("fact"), or a clause ("What I'm").
"""

from __future__ import annotations

import re

NAME, DESCRIBED, PRONOUN, INVALID = "name", "described", "pronoun", "invalid"

_PRONOUNS = {"he", "she", "they", "i", "we", "it", "you", "who", "which", "one"}
_PERSONAL = re.compile(r"^(?:us|you|him|them|me|i|we|(?:i|we|you|he|she|they|it)'\w+)$")
_CLAUSE_OPENERS = {"what", "when", "where", "why", "how", "if", "and", "but", "so", "because", "while", "though",
                   "although", "that", "whether", "as", "than", "then", "yet", "unless", "since"}
_NOBODY = {"no one", "no-one", "nobody", "none", "nothing", "anyone", "anybody", "everyone", "everybody",
           "someone", "somebody"}
_FUNCTION_END = {"of", "and", "or", "the", "a", "an", "to", "for", "with", "by", "from", "in", "on", "at", "that",
                 "his", "her", "their", "its", "as", "but"}
# Abstract heads that never speak ("the fact", "a fancy way of", "many cases", "the last thing").
_ABSTRACT = {"fact", "facts", "way", "ways", "thing", "things", "point", "points", "case", "cases", "time", "times",
             "question", "questions", "matter", "idea", "reason", "reasons", "truth", "part", "lot", "kind", "sort",
             "problem", "issue", "issues", "sense", "end", "rest", "number", "bit", "example", "worth"}
_VERB_FIRST = {"heard", "hear", "know", "knew", "seen", "see", "saw", "say", "said", "tell", "told", "send", "let",
               "tire", "goes", "go", "went", "make", "made", "get", "got", "take", "took", "give", "gave", "come",
               "came", "think", "thought", "want", "need", "believe", "put", "keep", "call", "called"}
_WORD = re.compile(r"[\w’'.&-]+")


def source_type(surface: str) -> str:
    """NAME, DESCRIBED, PRONOUN or INVALID for a claimant as written."""
    s = re.sub(r"\([^()]*\)", " ", surface).strip(" ,;—–-\"“”'’")
    if not s or ":" in s or "?" in s:
        return INVALID
    words = _WORD.findall(s)
    if not words:
        return INVALID
    low = [w.lower().replace("’", "'") for w in words]
    if len(words) == 1 and (low[0] in _PRONOUNS | {"his", "her", "him", "them"}
                            or re.fullmatch(r"(?:i|we|you|he|she|they)'\w+", low[0])):
        return PRONOUN
    if _junk(words, low):
        return INVALID
    if words[-1][:1].isupper() or words[0][:1].isupper() and len(words) == 1:
        return NAME
    return DESCRIBED


def _junk(words: list[str], low: list[str]) -> bool:
    """"heard us", "What we've", "a fancy way of", "the fact", "suggesting the President", "though Lynch"."""
    if any(_PERSONAL.match(w) for w in low) or low[0] in _CLAUSE_OPENERS or low[-1] in _FUNCTION_END:
        return True
    if " ".join(low) in _NOBODY:
        return True  # "No one denies that …" attributes nothing to anyone
    if words[-1].islower() and low[-1] in _ABSTRACT:
        return True
    if words[0].islower() and low[0] in _VERB_FIRST | {"something", "someone", "including"}:
        return True
    return (words[0].islower() and low[0].endswith("ing") and len(words) > 1
            and (low[1] in ("the", "a", "an", "his", "her", "their", "its") or words[1][:1].isupper()))


def repair_source(surface: str) -> tuple[int, int] | None:
    """(start, end) inside `surface` of a valid source once leading openers or verbs ("though Lynch", "make
    Kadzik") and trailing function words ("Clinton for") are dropped; None when nothing valid remains."""
    toks = [(m.start(), m.end()) for m in _WORD.finditer(surface)]
    while toks:
        a, b = toks[0][0], toks[-1][1]
        kind = source_type(surface[a:b])
        if kind in (NAME, DESCRIBED):
            return (a, b)
        first, last = surface[toks[0][0]:toks[0][1]], surface[toks[-1][0]:toks[-1][1]].lower()
        if last in _FUNCTION_END or last.endswith("'s") or last.endswith("’s"):
            toks.pop()
        elif first.islower() or first.lower() in _CLAUSE_OPENERS:
            toks.pop(0)
        else:
            return None
    return None


def is_valid_source(surface: str) -> bool:
    """A claimant that names or describes a source (pronouns are valid only once resolved elsewhere)."""
    return source_type(surface) in (NAME, DESCRIBED)
