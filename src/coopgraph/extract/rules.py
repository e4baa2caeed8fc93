"""Relations and events read from sentences.

Each sentence is rewritten as a 'marker string': entity occurrences become `<k:T>` (k an index
into the sentence's occurrences, T a type letter), every other token its lower-cased text. The
patterns below are regular expressions over that string, so they read like the English they
match: `<P> , chairman of <O>`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .lexicon import AFFILIATION_ROLES, LEAD_ROLES, ROLE_WORDS

TYPE_LETTER = {"Person": "P", "Organization": "O", "Country": "C", "Region": "R", "City": "Y",
               "Forum": "F", "Meeting": "M", "Visit": "V", "Agreement": "A"}


@dataclass
class Occ:
    """One occurrence of a mention in a sentence."""

    start: int  # token index in the document
    end: int
    key: str
    type: str
    text: str
    descriptive: bool = False  # 'the Head of State': a description, not a name

    @property
    def letter(self) -> str:
        return TYPE_LETTER.get(self.type, "X")


def marker_string(tokens, occs: list[Occ]) -> str:
    """The sentence with occurrences replaced by markers (see module doc)."""
    by_start = {o.start: (i, o) for i, o in enumerate(occs)}
    parts: list[str] = []
    i = tokens[0].i if len(tokens) else 0
    end = tokens[-1].i + 1 if len(tokens) else 0
    doc = tokens[0].doc if len(tokens) else None
    while i < end:
        if i in by_start:
            k, o = by_start[i]
            parts.append(f"<{k}:{o.letter}>")
            i = o.end
            continue
        parts.append(doc[i].lower_)
        i += 1
    return re.sub(r"\bco - (operat\w*)", r"co-\1", " ".join(parts))


def occ_at(match: re.Match, group: str) -> int | None:
    text = match.group(group)
    if not text:
        return None
    m = re.match(r"<(\d+):", text)
    return int(m[1]) if m else None


def all_markers(text: str, letters: str = "PORCYFAMV") -> list[int]:
    return [int(m[1]) for m in re.finditer(rf"<(\d+):[{letters}]>", text)]


_ROLE = "|".join(re.escape(r) for r in ROLE_WORDS)
LEAD_SET = set(LEAD_ROLES)
ROLE_SINGLE = {r.split()[-1] for r in ROLE_WORDS}  # head words of titles: 'minister', 'head'

AFFIL_SET = set(AFFILIATION_ROLES)


STATE_HEADS = {"president", "head", "head of state", "leader", "king", "queen", "emir", "sultan",
               "president-elect", "governor", "mayor"}


def role_kind(role: str, target_type: str | None = None) -> str:
    """'leads' for heads, 'affiliatedWith' for every other post (deputies included). A country
    is led by its head of state only: its prime minister or speaker holds a post in it."""
    r = role.strip().lower()
    if r.startswith(("deputy", "vice", "first deputy")) or r in AFFIL_SET:
        return "affiliatedWith"
    if r.endswith("s") and r[:-1] in LEAD_SET:
        r = r[:-1]
    if r in ("heads of state", "heads of the state"):
        r = "head of state"
    if target_type == "Country" and r not in STATE_HEADS:
        return "affiliatedWith"
    return "leads" if r in LEAD_SET or r in STATE_HEADS else "affiliatedWith"


def role_canonical(role: str) -> str:
    r = role.strip().lower()
    if r.endswith("s") and r[:-1] in set(ROLE_WORDS):
        r = r[:-1]
    if r in ("head of state", "head of the state", "leader", "president"):
        return "head"
    if r in ("chairman", "chairwoman", "chairperson", "chair"):
        return "chairman"
    return r


M = r"<\d+:{}>"


def m(letters: str, name: str | None = None) -> str:
    core = rf"<\d+:[{letters}]>"
    return f"(?P<{name}>{core})" if name else core


_ADJ = r"(?:(?P<adj>[a-z]+(?:-[a-z]+)?) )?"
_PLACE_OR_BODY = "ORCY"

# 'president of <C> <P>', 'the governor of <R> of <C> , <P>'
ROLE_BEFORE = re.compile(
    rf"(?:^|[^a-z])(?P<role>{_ROLE}) (?:of|at) (?:the )?{m(_PLACE_OR_BODY, 't')}"
    rf"(?: (?:of|to|in) (?:the )?{m('CRYO')})?(?: ,)? {m('P', 'p')}")
# 'belarusian president <P>', 'russian deputy prime minister <P>'
ADJ_ROLE = re.compile(rf"(?P<adj>[a-z]+) (?P<role>{_ROLE}) {m('P', 'p')}")
# '<P> , chairman of <O>', '<P> , the state secretary of <O>', '<P> , an analyst at <O>'
ROLE_AFTER = re.compile(
    rf"{m('P', 'p')} , (?:the |a |an )?(?:[a-z-]+ ){{0,2}}?(?P<role>{_ROLE}) (?:of|at|from|for)"
    rf" (?:the )?{m(_PLACE_OR_BODY, 't')}")
# 'presidents of <C> and <C> , <P> and <P>'
ROLE_PLURAL = re.compile(
    rf"(?P<role>presidents|heads of state|heads|leaders|governors|prime ministers) of "
    rf"(?:state of )?(?:the )?{m('CRO', 't1')} and (?:the )?{m('CRO', 't2')}(?: ,)? "
    rf"{m('P', 'p1')} and {m('P', 'p2')}")
# 'heads of state of <C> <P> and <C> <P>'
ROLE_PAIRS = re.compile(
    rf"(?P<role>presidents|heads of state|heads|leaders|governors) of (?:state of )?(?:the )?"
    rf"{m('CRO', 't1')}(?: ,)? {m('P', 'p1')} and (?:of )?(?:the )?{m('CRO', 't2')}(?: ,)? "
    rf"{m('P', 'p2')}")

MEET_VERB = re.compile(
    rf"{m('P', 'a')} (?:[a-z,]+ ){{0,4}}?(?:met|meets|will meet|has met|had met|held talks|"
    rf"had talks|holds talks|held a meeting|had a meeting|received|hosted) (?:with )?(?P<rest>.*)")
MEET_PAIR = re.compile(
    rf"{m('P', 'a')} and (?:[a-z]+ ){{0,3}}?(?P<rest><\d+:P> (?:have |has |had )?(?:met|held talks|"
    rf"had talks|discussed|talked|negotiated).*)")
MEET_NOUN = re.compile(
    rf"(?:meeting|talks|negotiations|conversation) (?:between|of) {m('P', 'a')} "
    rf"(?:and|with) (?P<rest>.*)")
BODY_MEETING = re.compile(rf"(?:meeting|session|summit|sitting) of (?:the )?{m('O', 'a')}")
BODY_AT_MEETING = re.compile(
    rf"{m('O', 'a')} .{{0,160}}?\bat (?:a|an|its|the) (?:[a-z-]+ )?(?:meeting|session|sitting)"
    rf"(?: in (?:the )?{m('YRC', 'p')})?")
MEETING_JOINED = re.compile(
    r"(?:meeting|session|talks|sitting) (?:was|were) (?:co-)?(?:chaired|attended|held|hosted) by "
    r"(?P<list>.*)|(?P<list2>(?:<\d+:P>(?: ,| and| , and)? )+)(?:also )?(?:took part|"
    r"participated|took part) in the (?:meeting|session|talks)")
MEETING_WITH = re.compile(r"(?:meeting|talks|negotiations) with (?P<rest>.*)")

VISIT = re.compile(
    rf"{m('PORCY', 'a')} (?:delegation |governor |president )?(?:[a-z]+ ){{0,2}}?"
    rf"(?:visited|visits|will visit|is visiting|paid (?:a |an )?(?:[a-z]+ )?visit to|"
    rf"arrived in|arrives in|came to|travelled to|traveled to|went to) (?:the )?{m('CRY', 'p')}")
DELEGATION_VISIT = re.compile(
    rf"delegation (?:from|of) (?:the )?{m('PORCY', 'a')} "
    rf"(?:,? ?(?:headed|led) by (?P<role>{_ROLE})?"
    rf" ?{m('P', 'h')}(?: ,)? )?(?:[a-z]+ ){{0,2}}?"
    rf"(?:visited|visits|will visit|is visiting|arrived in|came to|paid (?:a |an )?(?:[a-z]+ )?"
    rf"visit to) (?:the )?{m('CRY', 'p')}")
VISIT_NOUN = re.compile(
    rf"visit of (?:the )?{m('PORCY', 'a')} (?:delegation )?(?:[a-z]+ ){{0,2}}?to (?:the )?"
    rf"{m('CRY', 'p')}")

VISIT_DURING = re.compile(
    rf"(?:during|on|in the course of) (?:his|her|a|the) (?:[a-z]+ ){{0,2}}?visit to (?:the )?"
    rf"{m('CRY', 'p')}(?: ,)? {m('P', 'a')}")
VISIT_DURING_AFTER = re.compile(
    rf"{m('P', 'a')} [^<]{{0,60}}?(?:during|on|in the course of) (?:his|her|a|an) "
    rf"(?:[a-z]+ ){{0,2}}?"
    rf"visit to (?:the )?{m('CRY', 'p')}")
_COOP_NOUN = (r"(?:cooperation|co-operation|interaction|partnership|relations|ties|contacts|"
              r"integration|dialogue|links|collaboration)")
COOP_BETWEEN = re.compile(
    rf"{_COOP_NOUN} between (?:the )?(?:regions of |subjects of )?(?:the )?{m('CRYO', 'a')}"
    rf" and (?:the )?(?:regions of )?(?:the )?{m('CRYO', 'b')}")
COOP_BETWEEN_DASH = re.compile(
    rf"{_COOP_NOUN} between [^<]{{0,60}}?(?:—|–|:) {m('CRYO', 'a')} and {m('CRYO', 'b')}")
COOP_VERB = re.compile(
    rf"{m('CRYO', 'a')} (?:[a-z]+ ){{0,3}}?(?:cooperates|co-operates|cooperated|co-operated|"
    rf"is cooperating|are cooperating|interacts|works|partners) (?:[a-z]+ ){{0,3}}?with "
    rf"(?P<list>.*)")
COOP_HAS = re.compile(
    rf"{m('CRYO', 'a')} (?:'s |' )?(?:has |have |maintains |maintain |develops |is developing |"
    rf"builds |enjoys )?(?:a |an )?(?P<gap>(?:[a-z-]+ (?:and )?){{0,4}}?){_COOP_NOUN} with "
    rf"(?P<list>.*)")
COOP_AGREED = re.compile(
    rf"{m('CRYO', 'a')} and (?:the )?{m('CRYO', 'b')} (?:have |has |had )?(?:agreed|decided|intend|"
    rf"plan|want|are ready|are determined) to (?:further )?(?:expand|develop|strengthen|deepen|"
    rf"step up|intensify|boost) (?:[a-z-]+ ){{0,3}}?(?:cooperation|co-operation|ties|partnership|"
    rf"relations|interaction)")
COOP_DASH = re.compile(
    rf"{m('C', 'a')} (?:-|–) {m('C', 'b')} {_COOP_NOUN}")
COOP_ADJ = re.compile(
    rf"(?P<a>[a-z]+) ?(?:-|–) ?(?P<b>[a-z]+) (?:[a-z]+ )?{_COOP_NOUN}")

LOCATED_BASED = re.compile(
    rf"{m('O', 'o')} [^<]{{0,80}}?(?:based|headquartered|located|registered|situated) in "
    rf"(?:the )?{m('CRY', 'p')}")
LOCATED_THERE_IS = re.compile(
    rf"in (?:the )?(?:(?P<cap>capital) of (?:the )?{m('CR', 'c')}|{m('CRY', 'p')})(?: ,)? "
    rf"(?:there (?:is|are)|is located|are located|operates|operate) [^<]{{0,80}}?{m('O', 'o')}")

SIGNED = re.compile(
    rf"(?P<list>(?:(?:the )?<\d+:[OCRY]>(?: ,| and| , and)? )+)(?:have |has |had |will )?"
    rf"(?:signed|adopted|approved|concluded|ratified|sign|adopt|approve|conclude|ratify) "
    rf"(?:a |an |the )?(?:[a-z-]+ ){{0,3}}?{m('A', 'a')}")
APPROVED_BY = re.compile(
    rf"(?:approved|adopted|signed|ratified|endorsed) by (?:the )?{m('OC', 'x')}")
FORUM_HOST = re.compile(
    rf"{m('RY', 'p')} (?:region |oblast )?(?:of (?:the )?<\d+:C> )?(?:will host|hosts|hosted|"
    rf"is hosting|will be hosting|is to host)")
IN_PLACE = re.compile(rf"(?:in|at) (?:the )?(?:[a-z]+ )?{m('RY', 'p')}")


def list_items(rest: str, letters: str) -> list[int]:
    """Occurrences listed at the start of `rest`: '<1:R> , <2:R> regions , the <3:R> and <4:R>'."""
    out = []
    pos = 0
    filler = re.compile(r"\s*(?:,|and|the|regions|region|oblasts|krais|territories|as well as|"
                        r"also|with|most|fruitfully)\s*")
    item = re.compile(rf"\s*<(\d+):([{letters}])>")
    lead = re.match(r"\s*(?:the\s+)?(?:(?:\d+|many|several|dozens of|all)\s+)?(?:[a-z]+\s+)?"
                    r"(?:(?:regions|countries|cities|partners|subjects)\s+,?\s*"
                    r"(?:including|such as|in particular|namely|among them)\s+(?:the\s+)?)?", rest)
    pos = lead.end() if lead else 0
    while True:
        mm = item.match(rest, pos)
        if not mm:
            break
        out.append(int(mm[1]))
        pos = mm.end()
        while True:
            f = filler.match(rest, pos)
            if not f or f.end() == pos:
                break
            pos = f.end()
    return out
