"""Validity of an English claimant as written: a name, a described source, a pronoun to resolve, or junk.

A claimant is a person, organisation, office, country, document or described source ("a senior official",
"the White House", "Leader McConnell", "officials"). It is never a verb phrase ("heard us", "know you"), a
fragment around a colon ("Republicans: that"), a bare common noun ("fact"), or a clause ("What I'm").
"""

from __future__ import annotations

import re

from claimtrack.extract.english_lexicon import COMMON_SOURCES, ORG_NOUNS, ORG_WORDS, ROLE_NOUNS

NAME, DESCRIBED, PRONOUN, INVALID = "name", "described", "pronoun", "invalid"

_PRONOUNS = {"he", "she", "they", "i", "we", "it", "you", "who", "which", "one"}
_PERSONAL = re.compile(r"^(?:us|you|him|them|me|i|we|(?:i|we|you|he|she|they|it)'\w+)$")
_CLAUSE_OPENERS = {"what", "when", "where", "why", "how", "if", "and", "but", "so", "because", "while", "though",
                   "although", "that", "whether", "as", "than", "then", "yet", "unless", "since"}
_NOBODY = {"no one", "no-one", "nobody", "none", "nothing", "anyone", "anybody", "everyone", "everybody",
           "someone", "somebody"}
_DOCUMENTS = {"documents", "records", "data", "figures", "polls", "reports", "report", "statement", "study", "poll",
              "survey", "letter", "email", "ad", "lawsuit", "memo", "website", "paper", "magazine", "cpi"}
_PERSON_NOUNS = (ROLE_NOUNS | COMMON_SOURCES) - _DOCUMENTS | {
    "spokesperson", "spokespeople", "spokesmen", "spokeswomen", "officials", "aide", "staffers", "staff", "expert",
    "analyst", "economist", "lawyer", "lawyers", "attorneys", "prosecutor", "investigator", "scientist", "researcher",
    "doctor", "doctors", "source", "witness", "resident", "father", "mother", "wife", "husband", "son", "daughter",
    "friend", "friends", "family", "neighbor", "neighbors", "man", "woman", "men", "women", "person", "people",
    "official", "executive", "executives", "worker", "workers", "farmers", "owner", "owners", "teacher", "teachers",
    "student", "students", "governors", "mayors", "ministers", "senators", "negotiators", "allies", "partners"}
_GROUP_NOUNS = ORG_NOUNS - _DOCUMENTS | {"ministry", "agency", "company", "companies", "firm", "firms", "fund", "funds", "group",
                            "groups", "government", "governments", "administration", "campaign", "team", "council",
                            "committee", "board", "union", "unions", "court", "network", "newspaper", "institute",
                            "parties", "party", "organization", "organizations", "bank", "banks", "state", "states",
                            "city", "county", "country", "countries", "nation", "nations", "military", "army", "police",
                            "republicans", "democrats", "conservatives", "liberals", "sides"}
_FUNCTION_END = {"of", "and", "or", "the", "a", "an", "to", "for", "with", "by", "from", "in", "on", "at", "that",
                 "his", "her", "their", "its", "as", "but"}
# Abstract heads that never speak ("the fact", "a fancy way of", "many cases", "the last thing").
_ABSTRACT = {"fact", "facts", "way", "ways", "thing", "things", "point", "points", "case", "cases", "time", "times",
             "question", "questions", "matter", "idea", "reason", "reasons", "truth", "part", "lot", "kind", "sort",
             "problem", "issue", "issues", "sense", "end", "rest", "number", "bit", "example", "worth"}
_VERB_FIRST = {"heard", "hear", "know", "knew", "seen", "see", "saw", "say", "said", "tell", "told", "send", "let",
               "tire", "goes", "go", "went", "make", "made", "get", "got", "take", "took", "give", "gave", "come",
               "came", "think", "thought", "want", "need", "believe", "put", "keep", "call", "called"}
_PERCENT = re.compile(r"(?:about |nearly |some )?\d+(?:\.\d+)?\s*(?:%|percent)", re.I)
_WORD = re.compile(r"[\w’'.&-]+")


def source_type(surface: str) -> str:
    """NAME, DESCRIBED, PRONOUN or INVALID for a claimant as written."""
    s = re.sub(r"\([^()]*\)", " ", surface).strip(" ,;—–-\"“”'’")
    if not s or ":" in s or "?" in s:
        return INVALID
    if _PERCENT.fullmatch(s):
        return DESCRIBED  # "42%" of the people polled (SHARE_OF_PEOPLE)
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
    if len(words) == 1 and low[0] not in _PERSON_NOUNS | _GROUP_NOUNS:
        return INVALID  # "cannot", "terms", "all": a lone common word that names no one
    return DESCRIBED


def is_person_or_group(surface: str) -> bool:
    """A described source whose head is a person, a group of people or an organisation ("many economists",
    "the ministry"), not a document or a thing ("job opening data", "today's CPI")."""
    words = _WORD.findall(surface)
    return bool(words) and words[-1].lower() in _PERSON_NOUNS | _GROUP_NOUNS


def _junk(words: list[str], low: list[str]) -> bool:
    """"heard us", "What we've", "a fancy way of", "the fact", "suggesting the President", "though Lynch"."""
    personal = any(_PERSONAL.match(w) and not (i and low[i - 1] in ("to", "with")) for i, w in enumerate(low))
    if personal or low[0] in _CLAUSE_OPENERS or low[-1] in _FUNCTION_END:  # "those close to him" is a source
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


def names_a_document(surface: str) -> bool:
    """"today's CPI", "job opening data", "the report": a document or a figure, not a speaker."""
    words = _WORD.findall(surface)
    return bool(words) and words[-1].lower() in _DOCUMENTS


def actor_kind(surface: str) -> str:
    """"organisation" for a named or described organisation ("the ministry", "FDA", "Council of Economic
    Advisers"), else "person"."""
    words = _WORD.findall(surface)
    if not words:
        return "person"
    if words[-1].isupper() or words[-1].lower() in _GROUP_NOUNS or any(w in ORG_WORDS for w in words):
        return "organisation"
    return "person"


def is_valid_source(surface: str) -> bool:
    """A claimant that names or describes a source (pronouns are valid only once resolved elsewhere)."""
    return source_type(surface) in (NAME, DESCRIBED)
