"""Reporting cues and the speakers they name: "Tarar said", "said the minister", "according to X".

The search is anchored on the cue words: one fast pass finds them, and the
speaker is then read a few words backwards (or forwards) from each. Trying a
speaker pattern at every position of the text instead is many times slower.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from briefing.statements.lexicon import (
    ACCORDING_TO,
    AUXILIARIES,
    CUE_TAILS,
    DETERMINERS,
    NAME_PARTICLES,
    PRONOUNS,
    REPORTING_VERBS,
    SENTENCE_STARTERS,
    SPEAKER_NOUNS,
)
from briefing.statements.names import NAME_PATTERN


def _alternatives(words: Sequence[str]) -> str:
    """A regex alternation that tries longer phrases first."""
    return "|".join(re.escape(word).replace(r"\ ", r"\s+") for word in sorted(words, key=len, reverse=True))


_FINITE = [form for lemma, (third, past, _) in REPORTING_VERBS.items() for form in (lemma, third, past)]
_PARTICIPLE_FORMS = frozenset(forms[2] for forms in REPORTING_VERBS.values())
_CUE_WORDS = [*_FINITE, *(form.capitalize() for form in _FINITE)]
_CUE_SET = frozenset(_CUE_WORDS)
_ALPHA = re.compile(r"[A-Za-z]+")
_TAIL = re.compile(rf"\s+(?:{_alternatives(CUE_TAILS)})\b")
_ACCORDING = re.compile(rf"\b(?i:{_alternatives(ACCORDING_TO)})\b")
_PARTICIPLE = re.compile(rf"\b(?:{_alternatives(sorted(_PARTICIPLE_FORMS))})\b")
_NOMINAL = (
    rf"(?:(?i:{_alternatives(DETERMINERS)})[ \u00a0]+)?(?:[\w’'-]+[ \u00a0]+){{0,3}}?"
    rf"(?i:{_alternatives(SPEAKER_NOUNS)})\b"
)
_WHO_AFTER = re.compile(rf"\s+(?P<who>(?:[\w/’'.-]+[ \u00a0]+){{0,4}}?{NAME_PATTERN}|{_NOMINAL}|\b(?:he|she)\b)")
_SOURCE_AFTER = re.compile(r"\s+(?P<who>[^,.;:!?\n“”\"()]{2,60}?)(?=\s*(?:[,.;:!?\n]|$))")
"""After "according to": the source, whatever it is, up to the next punctuation."""
_APPOSITION_AFTER = re.compile(rf",\s+(?P<appos>(?i:{_alternatives(DETERMINERS)})\s[^,;“”\"\n]{{2,80}}),")
_TOKENS = re.compile(r"[\w’'.-]+|[^\w\s]")
_AUX_WORDS = frozenset(word for phrase in AUXILIARIES for word in phrase.split())
_STOP_MODIFIERS = frozenset(
    {"and", "or", "but", "with", "that", "which", "who", "to", "in", "on", "for", "by", "from", "as", "at",
     "of", "than", "if", "when", "while", "said", "says", "is", "are", "was", "were", "because",
     "although", "after", "before", "since", "so", "then", "where"}
)  # fmt: skip
_RELATIVES = frozenset({"who", "which", "that", "whom"})
"""A cue after these opens a relative clause ("a woman who said"), not a statement of the subject."""
_NOT_SUBJECTS = _STOP_MODIFIERS | {"be", "been", "being", "am"}
"""Words that cannot end a speaker phrase: "is observed" is passive, "and said" has its subject elsewhere."""
_DETERMINERS = frozenset(DETERMINERS)
_SENTENCE_ENDS = frozenset('.!?:"“”')
"""A capitalised cue ("Said Ellis: …") counts only where a sentence begins."""
_PRONOUNS = frozenset(PRONOUNS)
_NOUNS = frozenset(SPEAKER_NOUNS)
_PARTICLES = frozenset((*NAME_PARTICLES, "of"))
_APPOSITIVE_TOKENS = 14
"""Longest appositive between a name and its cue (", the chief executive of the National Urban League,")."""
_MAX_LEAD_WORDS = 5
"""Words of description a speaker may carry before the name ("Clinton campaign spokesman")."""
_REACH = 160
"""How far back from a cue a speaker (with an appositive) may start."""


@dataclass(frozen=True)
class _Cue:
    """A reporting verb found in the text, with its tail ("wrote on X")."""

    start: int
    end: int
    words: str


def _cue_at(text: str, word: re.Match[str], end: int) -> _Cue | None:
    """The cue that ``word`` starts, if it is a reporting verb standing as a word of its own.

    After a determiner or a possessive the word is a noun ("the report", "Obama's remarks").
    """
    if word.group() not in _CUE_SET or text[word.end() : word.end() + 1] in {"’", "'", "-"}:
        return None
    if word.start() > 0 and (text[word.start() - 1].isalnum() or text[word.start() - 1] in "’'-"):
        return None
    before = text[max(0, word.start() - 30) : word.start()].split()
    if word.group()[0].isupper() and before and before[-1][-1:] not in _SENTENCE_ENDS:
        return None
    if before and (before[-1].lower() in _DETERMINERS or before[-1].endswith(("’s", "'s"))):
        return None
    tail = _TAIL.match(text, word.end(), end)
    cue_end = tail.end() if tail else word.end()
    return _Cue(word.start(), cue_end, _spaced(text[word.start() : cue_end]))


def _cues(text: str, start: int, end: int) -> Iterator[_Cue]:
    """Reporting verbs in ``text[start:end]``: a word scan and a set lookup, faster than one big regex."""
    for word in _ALPHA.finditer(text, start, end):
        cue = _cue_at(text, word, end) if word.group() in _CUE_SET else None
        if cue is not None:
            yield cue


@dataclass(frozen=True)
class Attribution:
    """Who (as written, starting at ``at``), by which cue, with an optional appositive description."""

    who: str
    at: int
    cue: str | None
    appositive: str | None = None
    begin: int = 0
    end: int = 0
    """``begin``/``end`` bound the whole phrase, speaker and cue."""


def _spaced(words: str) -> str:
    return " ".join(words.split())


_Token = tuple[str, int, int]


def _capitalised(tokens: list[_Token], index: int) -> bool:
    return index >= 0 and tokens[index][0][:1].isupper()


def _particle(tokens: list[_Token], index: int) -> bool:
    return index >= 0 and tokens[index][0] in _PARTICLES


def _phrase_start(tokens: list[_Token], i: int) -> int | None:
    """Index of the first token of the speaker phrase that ends with token ``i``, or None."""
    word = tokens[i][0]
    if word.lower() in _PRONOUNS:
        return i
    if word.lower() in _NOT_SUBJECTS:
        return None
    j = i
    if word[:1].isupper():
        while _capitalised(tokens, j - 1) or (_particle(tokens, j - 1) and _capitalised(tokens, j - 2)):
            j -= 1
        run = {token.rstrip(".") for token, _, _ in tokens[j : i + 1]}
        return None if run <= SENTENCE_STARTERS else j
    if not word[:1].islower() or word.lower() in _RELATIVES:
        return None
    while j > 0 and i - j < 3 and tokens[j - 1][0][:1].isalnum():
        previous = tokens[j - 1][0].lower()
        if previous in _STOP_MODIFIERS or previous in _PRONOUNS or previous.endswith("."):
            break
        j -= 1
        if previous in _DETERMINERS:
            return j
    return j if word.lower() in _NOUNS else None


def _skip_back(tokens: list[_Token], i: int, opening: str, closing: str, reach: int) -> int:
    """Index before a bracketed or comma-enclosed stretch that ends at token ``i``, or ``i`` itself."""
    if i < 0 or tokens[i][0] != closing:
        return i
    for j in range(i - 1, max(-1, i - reach), -1):
        if tokens[j][0] == opening:
            return j - 1
    return i


def _speaker_before(text: str, floor: int, cue_start: int) -> tuple[int, int, str | None] | None:
    """``(start, end, appositive)`` of the speaker just before a cue ("Minister Tarar earlier said").

    Between the two may stand auxiliaries ("had earlier"), an appositive
    (", an Islamabad-based analyst,") and a party label in brackets ("(R-Utah)").
    """
    low = max(floor, cue_start - _REACH)
    newline = text.rfind("\n", low, cue_start)
    low = max(low, newline + 1)
    tokens = [(m.group(), m.start(), m.end()) for m in _TOKENS.finditer(text, low, cue_start)]
    i = len(tokens) - 1
    skipped = 0
    while i >= 0 and skipped < 3 and tokens[i][0] in _AUX_WORDS:
        i, skipped = i - 1, skipped + 1
    appositive = None
    before_comma = _skip_back(tokens, i, ",", ",", _APPOSITIVE_TOKENS)
    if before_comma != i and before_comma >= 0:
        appositive = text[tokens[before_comma + 2][1] : tokens[i - 1][2]]
        named = tokens[before_comma][0][:1].isupper() or tokens[before_comma][0] == ")"
        if not named and tokens[before_comma + 2][0].lower() not in _DETERMINERS:
            return None
        i = before_comma
    i = _skip_back(tokens, i, "(", ")", 8)
    first = _phrase_start(tokens, i) if i >= 0 else None
    return None if first is None else (tokens[first][1], tokens[i][2], appositive)


def subject_cues(text: str, start: int, end: int) -> Iterator[Attribution]:
    """Every "speaker cue" in ``text[start:end]``: "Tarar said", "Asif wrote on X", "he added"."""
    for cue in _cues(text, start, end):
        found = _speaker_before(text, start, cue.start)
        if found is not None:
            who_start, who_end, appositive = found
            who = _spaced(text[who_start:who_end])
            yield Attribution(who, who_start, cue.words, appositive, who_start, cue.end)


def cue_subjects(text: str, start: int, end: int) -> Iterator[Attribution]:
    """Every "cue speaker" in ``text[start:end]``: "said Tarar", "added the minister"."""
    for cue in _cues(text, start, end):
        found = _who_after(text, cue, end)
        if found is not None:
            yield found


def _who_after(text: str, cue: _Cue, end: int, pattern: re.Pattern[str] = _WHO_AFTER) -> Attribution | None:
    who = pattern.match(text, cue.end, end)
    if who is None:
        return None
    appositive = _APPOSITION_AFTER.match(text, who.end(), end)
    return Attribution(
        _spaced(who.group("who")),
        who.start("who"),
        cue.words,
        appositive.group("appos") if appositive else None,
        cue.start,
        appositive.end() if appositive else who.end(),
    )


def cue_subject_at(text: str, pos: int, end: int) -> Attribution | None:
    """ "said Tarar" starting exactly at ``pos``."""
    word = _ALPHA.match(text, pos, end)
    cue = _cue_at(text, word, end) if word else None
    return _who_after(text, cue, end) if cue is not None else None


def subject_cue_at(text: str, pos: int, end: int) -> Attribution | None:
    """ "Tarar said" starting at ``pos``, after at most a few words of description ("IMF chief economist")."""
    for cue in _cues(text, pos, min(end, pos + _REACH)):
        found = _speaker_before(text, pos, cue.start)
        if found is None:
            return None
        lead = text[pos : found[0]]
        if len(lead.split()) > _MAX_LEAD_WORDS or any(mark in lead for mark in '.,;:!?“”"'):
            return None
        described = not _STOP_MODIFIERS.intersection(lead.lower().split())
        who = _spaced(text[pos if described else found[0] : found[1]])
        return Attribution(who, pos, cue.words, found[2], pos, cue.end)
    return None


def according_to(text: str, start: int, end: int) -> Iterator[Attribution]:
    """Every "according to X" in ``text[start:end]``."""
    for match in _ACCORDING.finditer(text, start, end):
        found = _who_after(text, _Cue(match.start(), match.end(), _spaced(match.group())), end, _SOURCE_AFTER)
        if found is not None:
            yield found


def according_to_at(text: str, pos: int, end: int) -> Attribution | None:
    match = _ACCORDING.match(text, pos, end)
    if match is None:
        return None
    return _who_after(text, _Cue(match.start(), match.end(), _spaced(match.group())), end, _SOURCE_AFTER)


def participles(text: str, start: int, end: int) -> list[re.Match[str]]:
    """Cues that carry on a clause with no subject of their own: "…, saying that “…"."""
    return list(_PARTICIPLE.finditer(text, start, end))
