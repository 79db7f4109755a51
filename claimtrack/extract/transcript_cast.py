"""Who speaks in a transcript: speaker turns (``MS. JEAN-PIERRE:``, ``Q``) and the people behind the labels.

A label names a speaker by honorific and surname; the full name and role come from the transcript's title
("Press Briefing by Press Secretary Karine Jean-Pierre and NSC Coordinator … John Kirby") or, failing that,
from the first mention of the surname in the text. The role gives the speaker's organisation, which is the
claimant of what the speaker asserts as "we".
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from claimtrack.extract.base import ActorRef

# A turn opens a paragraph: an upper-case label and a colon, or a reporter's "Q".
TURN = re.compile(r"^[ \t\u00a0]*(?:(?P<q>Q):?|(?P<label>(?:[A-Z][A-Z.'’-]*[ \t]){0,3}[A-Z][A-Z'’-]+):)[ \t\u00a0]+(?=\S)",
                  re.M)
HONORIFICS = {"MR.", "MS.", "MRS.", "DR.", "ADMINISTRATOR", "SECRETARY", "ADMIRAL", "GENERAL", "AMBASSADOR",
              "SENATOR", "GOVERNOR", "MAYOR", "DIRECTOR", "CHAIR", "CHAIRMAN", "COMMISSIONER", "DEPUTY", "MINISTER",
              "PRESIDENT", "VICE", "PRIME", "CAPTAIN", "COLONEL", "MISS", "PROFESSOR", "JUDGE", "SHERIFF", "CHIEF"}
# Labels of unnamed voices whose lines are never claims (moderators, aides calling time, the audience).
UNNAMED = re.compile(r"\b(?:AIDE|STAFF|MODERATOR|OPERATOR|AUDIENCE|PARTICIPANT|PARTICIPANTS|CROWD|REPORTER"
                     r"|REPORTERS|UNIDENTIFIED|VOICE|SPEAKER)\b")
# Role → organisation. Checked in order; "… of the X" and an acronym before the role are the general cases.
_ORG_OF_ROLE = [
    (re.compile(r"\bNSC\b|National Security (?:Council|Advis[eo]r)"), "National Security Council"),
    (re.compile(r"Press Secretary|White House|Chief of Staff|Communications Director"), "White House"),
    (re.compile(r"\b(?:of|for) (?:the )?((?:[A-Z][\w&’'-]*\s?)*(?:Council|Department|Agency|Office|Administration"
                r"|Commission|Bureau|Service|Board|Committee|Ministry)(?: of (?:the )?(?:[A-Z][\w-]*\s?)+)?)"), ""),
    (re.compile(r"\b([A-Z]{2,6}) (?:Administrator|Director|Chair|Commissioner|Secretary|Chief)\b"), ""),
]
_ACRONYM_ORG = {"FEMA": "FEMA", "CDC": "CDC", "EPA": "EPA", "NASA": "NASA", "USDA": "USDA", "FBI": "FBI",
                "CIA": "CIA", "DHS": "Department of Homeland Security", "DOJ": "Department of Justice"}


@dataclass(slots=True)
class Turn:
    """One speaker turn: label span [start, body) and the turn's text [body, end)."""

    start: int
    body: int
    end: int
    label: str  # "" for a reporter's question

    @property
    def is_question(self) -> bool:
        return not self.label


def find_turns(text: str) -> list[Turn]:
    """Speaker turns of a transcript, in order; empty when the text is not one (fewer than three labelled turns)."""
    marks = [(m.start(), m.end(), m.group("label") or "") for m in TURN.finditer(text)
             if m.group("q") or _is_label(m.group("label"))]
    named = sum(1 for *_, lab in marks if lab)
    if named < 3 or (len({lab for *_, lab in marks if lab}) < 2 and named == len(marks)):
        return []
    out = []
    for i, (a, b, lab) in enumerate(marks):
        end = marks[i + 1][0] if i + 1 < len(marks) else len(text)
        out.append(Turn(a, b, end, lab))
    return out


def _is_label(label: str | None) -> bool:
    """An all-capitals speaker label ("MR. KIRBY", "THE PRESIDENT"), not a shouted word or an acronym alone."""
    if not label or not label.endswith(tuple("ABCDEFGHIJKLMNOPQRSTUVWXYZ")):
        return False
    words = label.split()
    return len(words) > 1 or len(words[0]) > 3


class Cast:
    """Resolves turn labels to people and their organisations, from the title and the text."""

    def __init__(self, text: str, title: str | None) -> None:
        self.text = text
        self.title = title or ""
        self.host_org = _org_of(_credits(self.title)[0]) if self.title else None
        self._cache: dict[str, tuple[ActorRef, ActorRef | None] | None] = {}

    def speaker(self, label: str) -> tuple[ActorRef, ActorRef | None] | None:
        """(person, organisation or None) for a label; None for unnamed voices."""
        if label not in self._cache:
            self._cache[label] = self._resolve(label)
        return self._cache[label]

    def known(self, ref: ActorRef) -> ActorRef:
        """A reported claimant matched to a speaker ("my colleague Jake" → Jake Sullivan) or, for a bare title
        ("the President"), to the first "Title Name" in the text ("President Biden"); else `ref` itself."""
        words = ref.canonical.split()
        if not words:
            return ref
        for who in self._cache.values():
            if who and words[-1] in who[0].canonical.split():
                return who[0]
        if len(words) == 1 and words[0].lower() in _TITLE_WORDS:
            holder = self._holder(words[0].title())
            if holder:
                for who in self._cache.values():
                    if who and holder.split()[-1] in who[0].canonical.split():
                        return who[0]
                return ActorRef(canonical=holder, kind="person", name_en=holder, aliases=[words[0], ref.canonical])
        return ref

    def _holder(self, title: str) -> str | None:
        """The most mentioned "Title Name" of the text ("President Biden" for "the President"), or None."""
        names = Counter(m.group(0) for m in re.finditer(r"\b" + title + r" [A-Z][\w’'-]+", self.text))
        return names.most_common(1)[0][0] if names else None

    def _resolve(self, label: str) -> tuple[ActorRef, ActorRef | None] | None:
        if UNNAMED.search(label):
            return None
        words = label.split()
        if words[0] == "THE" and len(words) == 2:
            return self._office(words[1].title())
        while len(words) > 1 and words[0] in HONORIFICS:
            words = words[1:]
        surname = " ".join(w.title() if "-" not in w else "-".join(p.title() for p in w.split("-")) for w in words)
        credit = next((c for c in _credits(self.title) if surname.lower() in c.lower()), "")
        named = _full_name(surname, credit) if credit else None
        full, role = named if named else ((_full_name(surname, self.text) or (surname,))[0], "")
        org_name = _org_of(role) or self.host_org
        org = ActorRef(canonical=org_name, kind="organisation", name_en=org_name) if org_name else None
        person = ActorRef(canonical=full, kind="person", name_en=full, aliases=[surname, label],
                          title=role or None, affiliation=org)
        return person, org

    def _office(self, office: str) -> tuple[ActorRef, ActorRef | None]:
        """"THE PRESIDENT": the office holder named in the title ("Remarks by President Biden"), else the office."""
        m = re.search(office + r"\s+((?:[A-Z][\w.'’-]+\s?){1,3})", self.title)
        name = f"{office} {m.group(1).strip()}" if m else office
        org = ActorRef(canonical=self.host_org, kind="organisation") if self.host_org else None
        return ActorRef(canonical=name, kind="person", aliases=[office], affiliation=org), org


def _credits(title: str) -> list[str]:
    """The people a title credits, each with its role: "… by A, B, and C" → ["A", "B", "C"]."""
    return re.split(r",\s*(?:and\s+)?|\s+and\s+", title.split(" by ", 1)[-1])


def _full_name(surname: str, text: str) -> tuple[str, str] | None:
    """(full name, role) of `surname`: from the title's credit that ends with it, else its first mention with a
    given name in the text (role unknown there)."""
    name = re.compile(r"(?<![\w.])([A-Z][a-z’'-]+\s+(?:[A-Z]\.\s+)?)(?i:" + re.escape(surname) + r")(?![\w-])")
    for m in name.finditer(text.replace("\u00a0", " ")):
        if m.group(1).strip() in _ROLE_WORDS:
            continue
        full = " ".join(m.group(0).split())
        return full, " ".join(text[:m.start()].split())
    return None


_TITLE_WORDS = {"president", "administrator", "secretary", "governor", "senator", "speaker", "leader", "mayor",
                "ambassador", "director", "chairman", "chair", "admiral", "general", "minister", "chancellor"}
_ROLE_WORDS = {"Secretary", "Administrator", "Advisor", "Adviser", "Coordinator", "Director", "Chair", "Press",
               "Communications", "Strategic", "Admiral", "General", "President", "Ambassador", "Senator", "Mr.",
               "Ms.", "Mrs.", "Dr.", "Governor", "Leader", "Speaker", "Mayor", "Chief", "Deputy", "Acting", "Vice"}


def _org_of(role: str) -> str | None:
    """The organisation a role belongs to ("FEMA Administrator" → FEMA), or None."""
    for pat, org in _ORG_OF_ROLE:
        m = pat.search(role)
        if m:
            if org:
                return org
            found = m.group(1).strip()
            return _ACRONYM_ORG.get(found, found)
    return None
