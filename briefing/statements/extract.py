"""Key statements of one text: direct quotes, indirect speech and claims, with speakers.

Rules over the reporting vocabulary in :mod:`briefing.statements.lexicon`:

- a quote is attributed by a cue right after it ("…,” Tarar said), before it in
  the same sentence (Asif wrote on X: “…”), by the rest of a split or
  multi-paragraph quote, or by the statement just before it;
- "X said (that) …", "…, X said", "according to X, …" and "X accused Y of …"
  outside quotation marks are indirect speech;
- the speaker, as written, is resolved to a full name with :class:`People`;
- of the remaining sentences, those with figures, dates and decisions are claims.

Everything is a pass of precompiled regular expressions over the text, so the
work grows linearly with its length.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from briefing.models import Statement, StatementKind
from briefing.statements.lexicon import (
    ACCORDING_TO,
    ACCUSATION_VERBS,
    AUXILIARIES,
    CLAIM_VERBS,
    CUE_TAILS,
    DETERMINERS,
    MONTHS,
    NUMBER_WORDS,
    PERSON_PRONOUNS,
    PRONOUNS,
    REPORTING_VERBS,
    SPEAKER_NOUNS,
    WEEKDAYS,
)
from briefing.statements.names import NAME_PATTERN, Name, People, find_names, name_of
from briefing.statements.quotes import Quote, find_quotes
from briefing.text import sentence_spans


def _alternatives(words: Sequence[str]) -> str:
    """A regex alternation that tries longer phrases first."""
    return "|".join(re.escape(word).replace(r"\ ", r"\s+") for word in sorted(words, key=len, reverse=True))


_FINITE = [form for lemma, (third, past, _) in REPORTING_VERBS.items() for form in (lemma, third, past)]
_PARTICIPLES = [forms[2] for forms in REPORTING_VERBS.values()]
_SPACE = r"[ \u00a0]+"
_NOMINAL = (
    rf"(?:(?i:{_alternatives(DETERMINERS)}){_SPACE})?(?:[\w’'-]+{_SPACE}){{0,3}}?"
    rf"(?i:{_alternatives(SPEAKER_NOUNS)})\b"
)
_PRONOUN = rf"\b(?i:{_alternatives(PRONOUNS)})\b"
_WHO = rf"(?:{_NOMINAL}|{NAME_PATTERN}|{_PRONOUN})"
_APPOSITION = rf",\s+(?P<appos>(?i:{_alternatives(DETERMINERS)})\s[^,;“”\"\n]{{2,80}}),"
_CUE = (
    rf"(?P<cue>\b(?:{_alternatives(_FINITE)}))(?P<tail>\s+(?:{_alternatives(CUE_TAILS)}))?\b(?!['’]s)"
)
_SUBJECT_CUE = re.compile(
    rf"(?P<who>{_WHO})(?:{_APPOSITION})?\s+(?:(?:{_alternatives(AUXILIARIES)})\s+){{0,3}}{_CUE}"
)
_CUE_SUBJECT = re.compile(rf"{_CUE}\s+(?P<who>{_NOMINAL}|{NAME_PATTERN}|\b(?:he|she)\b)(?:{_APPOSITION})?")
_ACCORDING = re.compile(
    rf"(?P<cue>\b(?i:{_alternatives(ACCORDING_TO)}))\s+(?P<who>{_NOMINAL}|{NAME_PATTERN})(?:{_APPOSITION})?"
)
_PARTICIPLE = re.compile(rf"\b(?:{_alternatives(_PARTICIPLES)})\b")
_LEADING_SUBJECT = re.compile(rf"\s*(?P<who>{_WHO})")
_AFTER_QUOTE = re.compile(r"[\s,;:!?.—–-]*")
_NOT_INDIRECT = frozenset({"continue", "post", "speak", "respond", "answer", "agree", "comment", "describe"})
_INDIRECT_CUES = frozenset(
    form for lemma, forms in REPORTING_VERBS.items() if lemma not in _NOT_INDIRECT for form in (lemma, *forms)
)
_THAT = re.compile(r"\s*(?:,\s*)?(?:that\b)?\s*")
_WORDS = re.compile(r"\w+")
_DIGIT = re.compile(r"\d")
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_ATTRIBUTION_AT_END = re.compile(r"(?:,|—|–)\s*$")
_MIN_DIRECT_WORDS = 3
_MIN_UNCUED_WORDS = 6
_MIN_CLAUSE_WORDS = 4
_MAX_CLAIMS = 3


@dataclass(frozen=True)
class _Attribution:
    """Who (as written, and where), by which cue, for one stretch of text."""

    who: str
    at: int
    cue: str | None
    appositive: str | None = None


class _Text:
    """One text with its sentences, quotes and people, and the lookups the rules share."""

    def __init__(self, text: str, language: str) -> None:
        self.text = text
        self.sentences = sentence_spans(text, language) if text.strip() else []
        self.sentence_starts = [start for start, _ in self.sentences]
        self.quotes = find_quotes(text)
        self.quote_starts = [quote.opening for quote in self.quotes]
        names = [name for name in find_names(text) if not self.in_quote(name.start)]
        speakers = self._speaker_names()
        self.people = People(names, speakers)

    def in_quote(self, pos: int) -> bool:
        index = bisect.bisect_right(self.quote_starts, pos) - 1
        return index >= 0 and pos < self.quotes[index].closing

    def sentence_at(self, pos: int) -> tuple[int, int]:
        """The sentence holding ``pos``; a position between sentences gets the empty span there."""
        index = bisect.bisect_right(self.sentence_starts, pos) - 1
        if index >= 0 and pos < self.sentences[index][1]:
            return self.sentences[index]
        return (pos, pos)

    def previous_sentence(self, pos: int) -> tuple[int, int] | None:
        index = bisect.bisect_left(self.sentence_starts, pos) - 1
        return self.sentences[index] if index >= 0 else None

    def _speaker_names(self) -> list[Name]:
        """Names that speak ("Tarar said"): evidence that a name is a person's."""
        found = []
        for pattern in (_SUBJECT_CUE, _CUE_SUBJECT):
            for match in pattern.finditer(self.text):
                closes = self.text[match.end() : match.end() + 1] in {"", ".", ",", ";", "\n"}
                if not self.in_quote(match.start("who")) and (pattern is _SUBJECT_CUE or closes):
                    name = _as_name(match.group("who"), match.start("who"))
                    if name is not None:
                        described = _appositive_title(match.groupdict().get("appos"))
                        found.append(replace(name, title=name.title or described))
        return found

    def resolve(self, attribution: _Attribution) -> tuple[str | None, str | None]:
        """Full name (or the phrase as written) and title of whoever ``attribution`` names."""
        who = " ".join(attribution.who.split())
        lowered = who.lower()
        if lowered in PRONOUNS:
            is_person = lowered in PERSON_PRONOUNS
            return self._person(self.people.last_person(attribution.at) if is_person else None)
        if who[:1].islower() or lowered.split()[0] in DETERMINERS:
            return self._role(who, attribution.at)
        name = _as_name(who, attribution.at)
        if name is None:
            return who, _appositive_title(attribution.appositive)
        full = self.people.full_name(name.name, attribution.at)
        return full, name.title or _appositive_title(attribution.appositive) or self.people.title(full)

    def _person(self, person: Name | None) -> tuple[str | None, str | None]:
        if person is None:
            return None, None
        full = self.people.full_name(person.name, person.start)
        return full, self.people.title(full)

    def _role(self, who: str, at: int) -> tuple[str | None, str | None]:
        """ "the minister" -> the minister named last; "a senior official" stays as written."""
        words = who.lower().split()
        if words[0] in {"the", "this"} and len(words) <= 3:
            person = self.people.last_person(at, role=words[-1])
            if person is not None:
                return self._person(person)
        return who, None


def _as_name(who: str, at: int) -> Name | None:
    if not who[:1].isupper() or who.lower() in PRONOUNS:
        return None
    return name_of(who, at)


def _appositive_title(appositive: str | None) -> str | None:
    """ "an Islamabad-based security analyst" -> "Islamabad-based security analyst"."""
    if appositive is None:
        return None
    words = appositive.split()
    return " ".join(words[1:]) or None


def _attribution(match: re.Match[str], cue: str | None = None) -> _Attribution:
    groups = match.groupdict()
    found_cue = cue or (" ".join((match.group("cue") + (groups.get("tail") or "")).split()))
    return _Attribution(match.group("who"), match.start("who"), found_cue, groups.get("appos"))


def _after(doc: _Text, quote: Quote) -> _Attribution | None:
    """A cue right after the closing mark: "…,” Tarar said." / "…,” said the minister."""
    text = doc.text
    if not quote.closed:
        return None
    gap = _AFTER_QUOTE.match(text, quote.closing)
    pos = gap.end() if gap else quote.closing
    if "\n" in text[quote.closing : pos]:
        return None
    ends_sentence = text[quote.end - 1] in ".!?" or "." in text[quote.closing : pos]
    for pattern in (_CUE_SUBJECT, _SUBJECT_CUE, _ACCORDING):
        match = pattern.match(text, pos)
        if match is None:
            continue
        rest = text[match.end() : match.end() + 2].lstrip(" ")
        if ends_sentence and rest[:1] not in {"", ".", ",", ";", "\n", "!", "?", ":"}:
            continue
        return _attribution(match)
    return None


def _before(doc: _Text, quote: Quote, window_start: int) -> _Attribution | None:
    """A cue earlier in the quote's sentence: "Asif wrote on X: “…" / "…, saying that “…"."""
    text = doc.text
    window = (window_start, quote.opening)
    if not text[window[0] : window[1]].strip():
        previous = doc.previous_sentence(quote.opening)
        if previous is None or not text[previous[0] : previous[1]].rstrip().endswith(":"):
            return None
        window = previous
    start, end = window
    according = list(_ACCORDING.finditer(text, start, end))
    subjects = [m for m in _SUBJECT_CUE.finditer(text, start, end) if not doc.in_quote(m.start())]
    participles = list(_PARTICIPLE.finditer(text, start, end))
    if according and (not subjects or according[-1].start() > subjects[-1].start()):
        return _attribution(according[-1])
    if subjects:
        last = subjects[-1]
        later = [p for p in participles if p.start() > last.end()]
        return _attribution(last, later[-1].group() if later else None)
    if participles:
        subject = _LEADING_SUBJECT.match(text, start, end)
        if subject is not None:
            return _Attribution(subject.group("who"), subject.start("who"), participles[-1].group())
    return None


def _words(text: str) -> int:
    return len(_WORDS.findall(text))


def _looks_like_title(words: str) -> bool:
    """ "Shark Tank", "Test Us at Your Own Peril": a name of a thing, not words someone said."""
    tokens = words.split()
    capitalised = sum(token[:1].isupper() for token in tokens)
    return words[-1:] not in {".", "!", "?"} and capitalised >= 0.6 * len(tokens)


def _statement(
    doc: _Text, start: int, end: int, kind: StatementKind, who: _Attribution | None
) -> Statement:
    speaker, title = doc.resolve(who) if who else (None, None)
    return Statement(
        text=doc.text[start:end],
        start=start,
        end=end,
        speaker=speaker,
        cue=who.cue if who else None,
        kind=kind,
        speaker_title=title,
        score=_score(doc, start, end, kind, speaker),
    )


def _score(doc: _Text, start: int, end: int, kind: StatementKind, speaker: str | None) -> float:
    """Ranking weight: own words first, then reported speech, then claims; named, mid-length, early."""
    base = {"direct": 3.0, "indirect": 2.0, "claim": 1.0}[kind]
    words = _words(doc.text[start:end])
    length = 1.0 if 8 <= words <= 60 else 0.5 if words >= 5 else 0.0
    named = 1.0 if speaker and speaker[:1].isupper() else 0.5 if speaker else 0.0
    position = 0.5 * (1 - start / max(1, len(doc.text)))
    return round(base + length + named + position, 4)


def _direct_quotes(doc: _Text) -> list[Statement]:
    """Quotes as statements, attributed, in text order."""
    text = doc.text
    statements: list[Statement] = []
    group: list[tuple[Quote, _Attribution | None]] = []
    last: _Attribution | None = None
    last_end = -1
    for quote in doc.quotes:
        window_start, _ = doc.sentence_at(quote.opening)
        if "\n" in text[window_start : quote.opening]:
            window_start = text.rindex("\n", window_start, quote.opening) + 1
        who = _after(doc, quote) or _before(doc, quote, window_start)
        group.append((quote, who))
        if quote.continued:
            continue
        shared = next((found for _, found in group if found is not None), None)
        if shared is None and last is not None and _near(doc, last_end, group[0][0].opening):
            shared = replace(last, cue=None)
        for part, found in group:
            statement = _accept(doc, part, found or shared, cued=found is not None or len(group) > 1)
            if statement is not None:
                statements.append(statement)
                if found or shared:
                    last, last_end = found or shared, part.closing
        group = []
    return statements


def _near(doc: _Text, last_end: int, pos: int) -> bool:
    """Whether ``pos`` is in the sentence right after the one that ended at ``last_end``."""
    previous = doc.previous_sentence(doc.sentence_at(pos)[0] or pos)
    return previous is not None and previous[0] <= last_end


def _accept(doc: _Text, quote: Quote, who: _Attribution | None, *, cued: bool) -> Statement | None:
    """The quote as a statement; None for a scare quote, a title, or a fragment.

    A short quote that carries less than half of its sentence ("Tarar said Islamabad
    had “repeatedly engaged” with …") is left to the sentence's indirect speech.
    """
    text = doc.text
    words = _words(text[quote.start : quote.end])
    if cued and who is not None:
        sentence_start, sentence_end = doc.sentence_at(quote.start)
        carries = 2 * (quote.end - quote.start) >= sentence_end - sentence_start
        if words >= _MIN_UNCUED_WORDS or (words >= _MIN_DIRECT_WORDS and carries):
            return _statement(doc, quote.start, quote.end, "direct", who)
        return None
    if words < _MIN_UNCUED_WORDS or _looks_like_title(text[quote.start : quote.end]):
        return None
    return _statement(doc, quote.start, quote.end, "direct", who)


def _clause(doc: _Text, start: int, end: int) -> tuple[int, int] | None:
    """``text[start:end]`` trimmed of spaces, "that" and end punctuation; None when too short."""
    text = doc.text
    lead = _THAT.match(text, start, end)
    if lead is not None:
        start = lead.end()
    while end > start and (text[end - 1].isspace() or text[end - 1] in ".,;:"):
        end -= 1
    return (start, end) if _words(text[start:end]) >= _MIN_CLAUSE_WORDS else None


def _reported(doc: _Text, start: int, end: int) -> tuple[tuple[int, int], _Attribution] | None:
    """The reported clause of one sentence and who reports it, or None."""
    text = doc.text
    leading = _ACCORDING.match(text, start, end)
    if leading is not None and text[leading.end() : leading.end() + 1] == ",":
        found = _clause(doc, leading.end() + 1, end)
        return (found, _attribution(leading)) if found else None
    for pattern in (_CUE_SUBJECT, _SUBJECT_CUE, _ACCORDING):
        for match in pattern.finditer(text, start, end):
            before = text[start : match.start()].rstrip()
            after = text[match.end() : end].strip()
            if before.endswith(",") and after.strip(".!?”\"") == "":
                clause = _clause(doc, start, len(before) + start - 1)
                if clause:
                    return clause, _attribution(match)
    subject = _SUBJECT_CUE.search(text, start, end)
    if subject is None or subject.group("cue").lower() not in _INDIRECT_CUES:
        return None
    if _words(text[start : subject.start()]) > 6 or doc.in_quote(subject.start()):
        return None
    clause_start = subject.end()
    if subject.group("cue").lower() not in ACCUSATION_VERBS:
        that = re.search(r"\bthat\b", text[clause_start : min(end, clause_start + 60)])
        if that is not None and _words(text[clause_start : clause_start + that.start()]) <= 6:
            clause_start += that.end()
    clause = _clause(doc, clause_start, end)
    return (clause, _attribution(subject)) if clause else None


def _claim_weight(sentence: str) -> float:
    """How much a sentence carries that a reader should not miss: figures, dates, decisions."""
    words = set(_WORDS.findall(sentence))
    figures = bool(_DIGIT.search(sentence)) or bool(words & NUMBER_WORDS)
    dates = bool(words & (MONTHS | WEEKDAYS)) or bool(_YEAR.search(sentence))
    decisions = bool({word.lower() for word in words} & CLAIM_VERBS)
    return float(figures) + 0.5 * float(dates) + float(decisions)


def extract_statements(text: str, *, language: str = "english") -> list[Statement]:
    """Direct quotes, indirect speech and a few claims of ``text``, in text order."""
    doc = _Text(text, language)
    return _extract(doc)


def _extract(doc: _Text) -> list[Statement]:
    text = doc.text
    statements = _direct_quotes(doc)
    taken = sorted((s.start, s.end) for s in statements)
    taken_starts = [start for start, _ in taken]

    def overlaps(start: int, end: int) -> bool:
        index = bisect.bisect_left(taken_starts, end)
        return index > 0 and taken[index - 1][1] > start

    claims: list[Statement] = []
    for start, end in doc.sentences:
        if overlaps(start, end) or text[end - 1 : end] not in {".", "!", '"', "”"}:
            continue
        reported = _reported(doc, start, end)
        if reported is not None:
            (clause_start, clause_end), who = reported
            statements.append(_statement(doc, clause_start, clause_end, "indirect", who))
        elif not doc.in_quote(start) and not any(mark in text[start:end] for mark in "“”\""):
            weight = _claim_weight(text[start:end])
            if weight >= 1.5 and 8 <= _words(text[start:end]) <= 60:
                claim = _statement(doc, start, end, "claim", None)
                claims.append(replace(claim, score=round(claim.score + weight, 4)))
    claims = sorted(claims, key=lambda claim: -claim.score)[:_MAX_CLAIMS]
    return sorted(statements + claims, key=lambda statement: statement.start)
