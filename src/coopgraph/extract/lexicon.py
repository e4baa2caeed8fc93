"""Words of English news language the rules key on: roles, heads of names, verbs."""

from __future__ import annotations

# Titles whose holder heads the body or place named after them.
LEAD_ROLES = (
    "president", "prime minister", "premier", "governor", "head", "chairman", "chairwoman",
    "chairperson", "chair", "director general", "director-general", "general director",
    "director", "mayor", "speaker", "chief executive officer", "chief executive", "ceo",
    "leader", "secretary general", "secretary-general", "rector", "commander", "chief",
    "king", "queen", "emir", "sultan", "chancellor", "president-elect", "managing director",
)
# Titles whose holder works for, or holds a post in, the body named after them.
AFFILIATION_ROLES = (
    "deputy prime minister", "first deputy prime minister", "vice president", "vice-president",
    "vice premier", "deputy chairman", "deputy head", "deputy governor", "deputy director",
    "deputy minister", "first deputy", "deputy", "minister", "ambassador", "analyst", "expert",
    "member", "adviser", "advisor", "aide", "spokesman", "spokeswoman", "spokesperson",
    "press secretary", "representative", "envoy", "plenipotentiary", "state secretary",
    "secretary of state",
    "secretary", "official", "senator", "researcher", "professor", "economist",
    "political scientist", "political analyst", "consul", "diplomat", "employee", "staff member",
    "lecturer", "scientist", "fellow", "officer", "head of department", "counsellor",
)
ROLE_WORDS = tuple(sorted(set(LEAD_ROLES + AFFILIATION_ROLES), key=len, reverse=True))
HEAD_OF_STATE_ROLES = ("president", "head of state", "head of the state", "leader")

# The last word of an organization's name (or its first: 'Ministry of ...').
ORG_HEADS = frozenset("""
ministry committee council assembly parliament duma senate government administration
institute institution university academy college school bank fund foundation agency service
embassy consulate mission office centre center corporation company group holding concern
plant factory works combine mill enterprise association union federation confederation
chamber commission department directorate inspectorate court prosecutor organisation
organization party movement society club league alliance bloc board authority secretariat
cabinet presidium congress forum-office railways railway airlines airline port
cooperative partnership trust network laboratory hospital museum theatre library
oao ojsc jsc pjsc llc ltd inc plc cjsc gmbh
""".split())

# Head nouns of agreements and programmes.
AGREEMENT_HEADS = (
    "treaty", "agreement", "agreements", "accord", "programme", "programmes", "program",
    "programs", "concept", "strategy", "roadmap", "roadmaps", "road map", "decree", "charter",
    "memorandum", "memorandum of understanding", "convention", "declaration", "protocol",
    "contract", "action plan", "plan", "directions",
)
AGREEMENT_PLURAL = {"agreements": "agreement", "programmes": "programme", "programs": "programme",
                    "program": "programme", "roadmaps": "roadmap", "road map": "roadmap"}
# Heads that name a thing an owner implements (the owner is party to it); treaties are not owned.
OWNED_AGREEMENTS = frozenset({"programme", "concept", "strategy", "roadmap", "plan",
                              "action plan", "directions"})

SPEECH_VERBS = frozenset("""
say note stress state add tell emphasize emphasise underline point speak address announce
declare remark recall explain make deliver present propose welcome open participate attend
organize organise take hold chair moderate sign
""".split())

MONTHS = {m: i for i, m in enumerate(
    "january february march april may june july august september october november december"
    .split(), 1)}
ORDINAL_WORDS = {w: i for i, w in enumerate(
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth "
    "thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth "
    "twenty-first twenty-second twenty-third twenty-fourth twenty-fifth".split(), 1)}


def roman_to_int(text: str) -> int | None:
    """'XI' -> 11; None for anything that is not a Roman numeral up to 89."""
    import re

    t = text.upper()
    if not t or not re.fullmatch(r"L?X{0,3}(IX|IV|V?I{0,3})", t):
        return None
    vals = {"I": 1, "V": 5, "X": 10, "L": 50}
    nums = [vals[c] for c in t]
    total = sum(-v if i + 1 < len(nums) and v < nums[i + 1] else v for i, v in enumerate(nums))
    return total or None


def int_to_roman(n: int) -> str:
    out = ""
    for value, sym in ((50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= value:
            out += sym
            n -= value
    return out
