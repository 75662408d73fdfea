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
from dataclasses import replace

from briefing.models import Statement, StatementKind
from briefing.statements.cues import (
    Attribution,
    according_to,
    according_to_at,
    cue_subject_at,
    cue_subjects,
    participles,
    subject_cue_at,
    subject_cues,
)
from briefing.statements.lexicon import (
    ACCUSATION_VERBS,
    CLAIM_VERBS,
    DETERMINERS,
    MONTHS,
    NUMBER_WORDS,
    PERSON_PRONOUNS,
    PRONOUNS,
    REPORTING_VERBS,
    WEEKDAYS,
)
from briefing.statements.names import NAME_PATTERN, Name, People, find_names, name_of
from briefing.statements.quotes import Quote, find_quotes
from briefing.text import DEFAULT_LANGUAGE, check_language, sentence_spans

_DASHES = "―—–"
_AFTER_QUOTE = re.compile(rf"[\s,;:!?.{_DASHES}-]*")
_SIGNATURE = re.compile(rf"(?P<who>{NAME_PATTERN})[\s.]*$")
"""A name alone after a dash that follows a quote: "“…” ― Jorge Falcon"."""
_NOT_INDIRECT = frozenset({"continue", "post", "speak", "respond", "answer", "agree", "comment", "describe"})
_INDIRECT_CUES = frozenset(
    form for lemma, forms in REPORTING_VERBS.items() if lemma not in _NOT_INDIRECT for form in (lemma, *forms)
)
_THAT = re.compile(r"\s*(?:,\s*)?(?:that\b)?\s*")
_WORDS = re.compile(r"\w+")
_DIGIT = re.compile(r"\d")
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_ADJACENT = re.compile(r"[\s,:—–-]*(?:that\s*)?")
_WHEN = re.compile(
    rf"(?:\s+(?:on\s+|last\s+|this\s+|late\s+|early\s+)?(?:{'|'.join(WEEKDAYS)}|yesterday|today|week|month"
    r"|year|night|morning|afternoon|evening|earlier|later))*[\s.!?”\"]*"
)
"""What may follow a cue that ends a sentence: "…, officials said on Monday."."""
_LABEL = re.compile(r"([A-Z][A-Z'’.-]+(?: [A-Z][A-Z'’.-]+){0,2}):\s")
_CLOSES_PHRASE = frozenset({"", ".", ",", ";", "\n", "!", "?", ":"})
_WINDOW = 400
"""How far before a quote its cue is looked for, so that a text without full stops stays linear."""
_MIN_DIRECT_WORDS = 3
_MIN_UNCUED_WORDS = 6
_MIN_CLAUSE_WORDS = 4
_MAX_CLAIMS = 3
_CLAIM_WEIGHT = 0.4
"""Per point of figures, dates and decisions; a claim still ranks below a named speaker's words."""


class _Text:
    """One text with its sentences, quotes and people, and the lookups the rules share."""

    def __init__(self, text: str, language: str) -> None:
        self.text = text
        language = check_language(language)
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

    def quoted(self, start: int, end: int) -> int:
        """How many characters of ``text[start:end]`` are quoted words."""
        first = max(0, bisect.bisect_right(self.quote_starts, start) - 1)
        last = bisect.bisect_left(self.quote_starts, end)
        return sum(max(0, min(end, quote.end) - max(start, quote.start)) for quote in self.quotes[first:last])

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
        """Names that speak ("Tarar said", "…,” said Tarar."): evidence that a name is a person's."""
        text = self.text
        inverted = [
            found for found in cue_subjects(text, 0, len(text)) if text[found.end : found.end + 1] in _CLOSES_PHRASE
        ]
        found = []
        for attribution in [*subject_cues(text, 0, len(text)), *inverted]:
            name = name_of(attribution.who, attribution.at)
            if name is not None and not self.in_quote(attribution.at):
                described = _appositive_title(attribution.appositive)
                found.append(replace(name, title=name.title or described))
        return found

    def resolve(self, attribution: Attribution) -> tuple[str | None, str | None]:
        """Full name (or the phrase as written) and title of whoever ``attribution`` names."""
        who = " ".join(attribution.who.split())
        lowered = who.lower()
        if lowered in PRONOUNS:
            is_person = lowered in PERSON_PRONOUNS
            return self._person(self.people.last_person(attribution.at) if is_person else None)
        name = name_of(who, attribution.at)
        if name is None and (who[:1].islower() or lowered.split()[0] in DETERMINERS):
            return self._role(who, attribution.at)
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


def _appositive_title(appositive: str | None) -> str | None:
    """ "an Islamabad-based security analyst" -> "Islamabad-based security analyst"; "speaking …" -> None."""
    words = appositive.split() if appositive else []
    if not words or words[0].lower() not in DETERMINERS:
        return None
    return " ".join(words[1:]) or None


def _after(doc: _Text, quote: Quote) -> Attribution | None:
    """A cue right after the closing mark: "…,” Tarar said." / "…,” said the minister."""
    text = doc.text
    if not quote.closed:
        return None
    gap = _AFTER_QUOTE.match(text, quote.closing)
    pos = gap.end() if gap else quote.closing
    reach = min(len(text), quote.closing + _WINDOW)
    line_end = text.find("\n", quote.closing, reach)
    line_end = reach if line_end < 0 else line_end
    if pos >= line_end:
        return None
    signed = _SIGNATURE.match(text, pos, line_end)
    if signed is not None and any(dash in text[quote.closing : pos] for dash in _DASHES):
        return Attribution(signed.group("who"), pos, None, begin=pos, end=signed.end("who"))
    ends_sentence = text[quote.end - 1] in ".!?" or "." in text[quote.closing : pos]
    for find in (cue_subject_at, subject_cue_at, according_to_at):
        found = find(text, pos, line_end)
        if found is None:
            continue
        if ends_sentence and text[found.end : found.end + 2].lstrip(" ")[:1] not in _CLOSES_PHRASE:
            continue
        return found
    return None


def _before(doc: _Text, quote: Quote, window_start: int) -> Attribution | None:
    """A cue earlier in the quote's sentence: "Asif wrote on X: “…" / "…, saying that “…"."""
    text = doc.text
    start, end = window_start, quote.opening
    if not text[start:end].strip():
        previous = doc.previous_sentence(quote.opening)
        if previous is None or not text[previous[0] : previous[1]].rstrip().endswith(":"):
            return None
        start, end = max(previous[0], previous[1] - _WINDOW), previous[1]
    inverted = cue_subjects(text, start, end)
    adjacent = [found for found in inverted if _ADJACENT.fullmatch(text, found.end, end)]
    if adjacent:
        return adjacent[-1]
    according = list(according_to(text, start, end))
    subjects = [found for found in subject_cues(text, start, end) if not doc.in_quote(found.at)]
    later_cues = participles(text, start, end)
    if according and (not subjects or according[-1].at > subjects[-1].at):
        return according[-1]
    if subjects:
        last = subjects[-1]
        later = [match for match in later_cues if match.start() > last.end]
        return replace(last, cue=later[-1].group(), end=later[-1].end()) if later else last
    if later_cues:
        participle = later_cues[-1]
        named = next(iter(find_names(text, start, participle.start())), None)
        if named is not None:
            return Attribution(named.name, named.start, participle.group(), begin=start, end=participle.end())
    return None


def _words(text: str) -> int:
    return len(_WORDS.findall(text))


def _looks_like_title(words: str) -> bool:
    """ "Shark Tank", "Test Us at Your Own Peril": a name of a thing, not words someone said."""
    tokens = words.split()
    capitalised = sum(token[:1].isupper() for token in tokens)
    return words[-1:] not in {".", "!", "?"} and capitalised >= 0.6 * len(tokens)


def _statement(doc: _Text, start: int, end: int, kind: StatementKind, who: Attribution | None) -> Statement:
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
    group: list[tuple[Quote, Attribution | None, bool]] = []
    last: Attribution | None = None
    last_end = -1
    for quote in doc.quotes:
        window_start = max(doc.sentence_at(quote.opening)[0], quote.opening - _WINDOW)
        if "\n" in text[window_start : quote.opening]:
            window_start = text.rindex("\n", window_start, quote.opening) + 1
        after = _after(doc, quote)
        who = after or _before(doc, quote, window_start)
        adjacent = after is not None or bool(who and _ADJACENT.fullmatch(text, who.end, quote.opening))
        group.append((quote, who, adjacent))
        if quote.continued:
            continue
        shared = next((found for _, found, _ in group if found is not None), None)
        opening = group[0][0].opening
        if shared is None and last is not None and _near(doc, last_end, opening):
            shared = replace(last, cue=None)
        shared = shared or _previous_speaker(doc, opening)
        for part, found, next_to_cue in group:
            who = found or _labelled(doc, part) or shared
            adjacent = next_to_cue or len(group) > 1
            statement = _accept(doc, part, who, cued=found is not None, adjacent=adjacent)
            if statement is not None:
                statements.append(statement)
                if who is not None:
                    last, last_end = who, part.closing
        group = []
    return statements


def _near(doc: _Text, last_end: int, pos: int) -> bool:
    """Whether ``pos`` follows ``last_end`` closely: one sentence between in a paragraph, none across."""
    starts = doc.sentence_starts
    between = bisect.bisect_left(starts, pos) - bisect.bisect_right(starts, last_end)
    if between > 1:
        return False
    return between == 0 or not _apart(doc.text, last_end, pos)


def _apart(text: str, start: int, end: int) -> bool:
    """Whether a paragraph break, or more than a window of text, separates ``start`` from ``end``."""
    return end - start > _WINDOW or text.find("\n", start, end) >= 0


def _previous_speaker(doc: _Text, pos: int) -> Attribution | None:
    """Who speaks in the sentence before ``pos`` in the same paragraph ("…, Schiff said. “…")."""
    previous = doc.previous_sentence(pos)
    if previous is None or _apart(doc.text, previous[1], pos):
        return None
    start, end = max(previous[0], previous[1] - _WINDOW), previous[1]
    found = [a for a in subject_cues(doc.text, start, end) if not doc.in_quote(a.at)]
    return replace(found[-1], cue=None) if found else None


def _labelled(doc: _Text, quote: Quote) -> Attribution | None:
    """A transcript's speaker label opening the quote: "“PENCE: Well, look, …"."""
    label = _LABEL.match(doc.text, quote.start, quote.end)
    return Attribution(label.group(1).title(), label.start(1), None) if label else None


def _accept(doc: _Text, quote: Quote, who: Attribution | None, *, cued: bool, adjacent: bool) -> Statement | None:
    """The quote as a statement; None for a scare quote, a title, or a fragment.

    A quote next to its cue ("…,” Tarar said) needs three words. A short quote
    inside reported speech ("Tarar said Islamabad had “repeatedly engaged” with …")
    is a statement only when quotes carry most of its sentence; otherwise the
    sentence is left to indirect speech.
    """
    text = doc.text
    words = _words(text[quote.start : quote.end])
    if _looks_like_title(text[quote.start : quote.end]):
        return None
    if who is not None and adjacent and words >= _MIN_DIRECT_WORDS:
        return _statement(doc, quote.start, quote.end, "direct", who)
    if who is not None and cued:
        sentence_start, sentence_end = doc.sentence_at(quote.start)
        sentence_start = max(sentence_start, quote.start - _WINDOW)
        sentence_end = min(sentence_end, quote.end + _WINDOW)
        carries = 2 * doc.quoted(sentence_start, sentence_end) >= sentence_end - sentence_start
        if words >= _MIN_UNCUED_WORDS or (words >= _MIN_DIRECT_WORDS and carries):
            return _statement(doc, quote.start, quote.end, "direct", who)
        return None
    if words < _MIN_UNCUED_WORDS:
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


def _reported(doc: _Text, start: int, end: int) -> tuple[tuple[int, int], Attribution] | None:
    """The reported clause of one sentence and who reports it, or None."""
    text = doc.text
    leading = according_to_at(text, start, end)
    if leading is not None and text[leading.end : leading.end + 1] == ",":
        found = _clause(doc, leading.end + 1, end)
        return (found, leading) if found else None
    trailing = (cue_subjects, subject_cues, according_to)
    for attribution in (found for find in trailing for found in find(text, start, end)):
        before = text[start : attribution.begin].rstrip()
        if before.endswith(",") and _WHEN.fullmatch(text, attribution.end, end):
            clause = _clause(doc, start, start + len(before) - 1)
            if clause:
                return clause, attribution
    subject = next(subject_cues(text, start, end), None)
    if subject is None or subject.cue is None or subject.cue.split()[0].lower() not in _INDIRECT_CUES:
        return None
    if _words(text[start : subject.at]) > 6 or doc.in_quote(subject.at):
        return None
    clause_start = subject.end
    if subject.cue.split()[0].lower() not in ACCUSATION_VERBS:
        that = re.search(r"\bthat\b", text[clause_start : min(end, clause_start + 60)])
        if that is not None and _words(text[clause_start : clause_start + that.start()]) <= 6:
            clause_start += that.end()
    clause = _clause(doc, clause_start, end)
    return (clause, subject) if clause else None


def _claim_weight(sentence: str) -> float:
    """How much a sentence carries that a reader should not miss: figures, dates, decisions."""
    words = set(_WORDS.findall(sentence))
    figures = bool(_DIGIT.search(sentence)) or bool(words & NUMBER_WORDS)
    dates = bool(words & (MONTHS | WEEKDAYS)) or bool(_YEAR.search(sentence))
    decisions = bool({word.lower() for word in words} & CLAIM_VERBS)
    return float(figures) + 0.5 * float(dates) + float(decisions)


def extract_statements(text: str, *, language: str = DEFAULT_LANGUAGE) -> list[Statement]:
    """Direct quotes, indirect speech and a few claims of ``text``, in text order.

    Any text gives a list (perhaps empty); only an unsupported ``language`` raises
    :class:`~briefing.errors.ConfigError`.
    """
    return _extract(_Text(text, language))


def extract_related(texts: Sequence[str], *, language: str | Sequence[str] = DEFAULT_LANGUAGE) -> list[list[Statement]]:
    """The statements of each text, with names one text leaves short resolved by the others.

    For the documents of one story: "Tarar" in one report is "Attaullah Tarar"
    in another. ``language`` is one for all texts, or one per text.
    """
    languages = [language] * len(texts) if isinstance(language, str) else list(language)
    docs = [_Text(text, each) for text, each in zip(texts, languages, strict=True)]
    for doc in docs:
        doc.people.others = [other.people for other in docs if other is not doc]
    return [_extract(doc) for doc in docs]


def _extract(doc: _Text) -> list[Statement]:
    """Quotes first; then, sentence by sentence, reported speech or (the best few) claims."""
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
        elif not doc.in_quote(start) and not any(mark in text[start:end] for mark in '“”"'):
            weight = _claim_weight(text[start:end])
            if weight >= 1.5 and 8 <= _words(text[start:end]) <= 60:
                claim = _statement(doc, start, end, "claim", None)
                claims.append(replace(claim, score=round(claim.score + _CLAIM_WEIGHT * weight, 4)))
    claims = sorted(claims, key=lambda claim: -claim.score)[:_MAX_CLAIMS]
    return sorted(statements + claims, key=lambda statement: statement.start)
