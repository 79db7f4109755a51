"""English attribution lexicon: reporting cues, kinds, titles and pronouns (common words only)."""

from __future__ import annotations


def _forms(base: str) -> list[str]:
    """Regular inflections of a verb given as "stem|s|ed|ing" or a plain regular verb."""
    if "|" in base:
        return [f for f in base.split("|") if f]
    if base.endswith("e"):
        return [base, base + "s", base + "d", base[:-1] + "ing"]
    if base.endswith("y") and base[-2] not in "aeiou":
        return [base, base[:-1] + "ies", base[:-1] + "ied", base + "ing"]
    return [base, base + "s", base + "ed", base + "ing"]


# Speech verbs that report a proposition. Irregular ones are spelled out.
_SPEECH = """say|says|said|saying tell|tells|told|telling write|writes|wrote|writing|written
add state claim argue warn announce insist note explain acknowledge suggest allege report confirm
tweet|tweets|tweeted|tweeting predict promise declare respond reply assert contend maintain admit
testify remark observe concede complain caution boast|boasts|boasted|boasting emphasize emphasise stress
counter retort|retorts|retorted|retorting quip|quips|quipped|quipping recount conclude reveal disclose
indicate speculate affirm assure proclaim reiterate repeat agree posit|posits|posited|positing
lament charge point|points|pointed|pointing accuse|accuses|accused|accusing continue
"""
_DENY = "deny dismiss reject refute|refutes|refuted|refuting dispute"
_ASSESS = "describe characterize characterise consider"
_CALL = "urge demand appeal plead|pleads|pleaded|pleading"

SPEECH_FORMS: dict[str, str] = {}
for _group, _kind in ((_SPEECH, "statement"), (_DENY, "denial"), (_ASSESS, "assessment"), (_CALL, "call")):
    for _b in _group.split():
        for _f in _forms(_b):
            SPEECH_FORMS[_f] = _kind

# Forms that are mostly nouns or adjectives; accepted as cues only in a clearly verbal position.
AMBIGUOUS = {"claims", "claim", "reports", "report", "notes", "note", "states", "state", "charge", "charges",
             "points", "point", "pointed", "pointing", "continue", "continues", "continued", "continuing",
             "counter", "counters", "estimate", "estimates", "repeat", "repeats", "stress", "promise",
             "promises", "maintain", "indicate", "indicates", "conclude", "concludes", "agree", "agrees",
             "appeal", "appeals", "demand", "demands", "remark", "remarks", "tweet", "tweets", "charged",
             "consider", "considered", "considers", "add", "adds", "tell", "repeated", "admit", "reveal",
             "dispute", "disputes", "lament", "quip", "quips", "reply", "replies", "respond", "write",
             "caution", "boast", "boasts", "reported", "stated", "written", "accused"}

# Ambiguous forms that report speech only before "that", punctuation or a quotation ("he stated:").
STRICT = {"remarks", "charges", "charge", "charged", "tweet", "tweets", "consider", "considered", "considers",
          "add", "adds", "maintain", "stress", "written", "write", "appeal", "appeals", "admit", "reveal",
          "demand", "demands", "boast", "boasts", "dispute", "disputes", "agree", "agrees", "repeat",
          "repeats", "repeated", "indicate", "indicates", "report", "reports", "stated", "lament", "quip",
          "quips", "caution"}

# Modals and auxiliaries that make a following cue hypothetical or non-reporting ("would dismiss").
MODALS = {"would", "could", "might", "may", "can", "should"}

# Verbs that need a particle to report speech ("pointed out"); others never take a "that" clause alone.
PARTICLE = {"point", "points", "pointed", "pointing"}

# Multi-word cues: regex source -> kind.
PHRASES: dict[str, str] = {
    r"went on to (?:say|add|note|argue|claim|explain|insist|suggest|warn|write)": "statement",
    r"goes on to (?:say|add|note|argue|claim|explain|insist|suggest|warn|write)": "statement",
    r"called on": "call",
    r"calls on": "call",
    r"calling on": "call",
    r"called for": "call",
    r"calls for": "call",
    r"calling for": "call",
    r"call(?:ed|s|ing)(?= (?:it|this|that|him|her|them|the \w+ an?)\b"
    r"|(?: the| those| these| his| her| their)?(?: [\w’'-]+){1,4} [“\"‘']?(?:\w+ly )?"
    r"(?:false|baseless|untrue|unfounded|fake|lies|nonsense|groundless|fabricated)\b)": "assessment",
    r"issued a statement saying": "statement",
    r"made clear": "statement",
    r"made the case": "statement",
}

# Words between a subject and its verb that are not part of the source ("Trump also said").
ADVERBS = set("""also later previously repeatedly recently has have had once then again further even often
never always reportedly publicly privately had has long since now still initially first earlier subsequently
separately frequently similarly flatly quickly immediately simply just only actually already specifically
explicitly emphatically angrily bluntly flatly falsely wrongly correctly accurately famously memorably
would will could may might did does do not n't has ever""".split())

PRONOUNS = {"he": "m", "she": "f", "they": "p", "i": "s", "we": "p", "it": "n", "who": "r", "which": "r"}

# Role words that can stand for an already-named person ("the spokesman").
ROLE_NOUNS = set("""spokesman spokeswoman spokesperson official aide adviser advisor senator governor candidate
nominee president congressman congresswoman secretary minister chairman chairwoman director
lawmaker representative businessman billionaire mogul leader strategist manager lawyer attorney
businesswoman ambassador commander general judge mayor""".split())

# Common nouns for unnamed sources; capitalised only at the start of a sentence ("Officials said").
COMMON_SOURCES = set("""officials sources experts analysts critics aides advisers advisors observers supporters
opponents officers police witnesses residents authorities investigators prosecutors lawmakers legislators
economists researchers scientists diplomats protesters voters people others many some both several most
documents records data figures polls reports insiders organizers organisers members activists leaders
republicans democrats""".split())

# Title words stripped when deriving a canonical person name.
TITLES = set("""Mr. Mrs. Ms. Miss Dr. Sen. Senator Rep. Representative Gov. Governor President Vice Former
former Secretary Speaker Leader Majority Minority Chairman Chairwoman Director Judge Justice Gen. General
Lt. Col. Sgt. Capt. Adm. Rev. Prof. Professor Attorney Mayor Ambassador Spokesman Spokeswoman Sir
Dame Lord Lady Pres. Sens. Reps. Presidential Republican Democratic Democrat GOP candidate nominee
Campaign Chief Press Deputy Acting First Lady Pope King Queen Prince Princess Sheikh Minister Prime
Foreign Defense State U.S. Congressman Congresswoman Assemblyman Councilman Commissioner Chair
Executive Officer Manager Adviser Advisor Strategist Pollster Analyst Editor Host Anchor Correspondent
Reporter Columnist Economist Professor Analyst Attorney-General Billionaire Businessman
Businesswoman""".split())

ORG_WORDS = set("""Party Committee Campaign Department Ministry Agency Administration Office Council Commission
Institute Center Centre Foundation University College Association Union Corporation Corp. Inc. Co.
Company Group Times Post News Journal Press Network Bureau Service Court Congress Senate House
Government Police Army Navy Force Forces Board Fund Bank Organization Organisation Coalition PAC
Reuters CNN AP FBI CIA NBC ABC CBS MSNBC Fox Politico Breitbart Poll Survey Caucus Cabinet Tribune
Magazine Gazette Herald Daily Today Associated Pentagon Kremlin""".split())
ORG_NOUNS = set("""campaign company committee party government administration department ministry agency
group report statement study poll survey polls newspaper paper network organization organisation
office court police army council commission magazine website letter email ad lawsuit memo
board union firm bank""".split())

ABBREVIATIONS = set("""mr mrs ms dr sen sens rep reps gov gen lt col sgt capt adm rev prof st jr sr inc co corp
ltd no vs etc jan feb mar apr jun jul aug sep sept oct nov dec pres ft mt messrs gov. u.s u.n u.k d.c
a.m p.m e.g i.e al ave blvd dept est fig approx""".split())
