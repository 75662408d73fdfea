"""Key statements of one text: direct quotes, indirect speech and claims, with speakers.

Rules over the reporting vocabulary of the text's language (see
:mod:`briefing.statements.languages`):

- a quote is attributed by a cue right after it (…,” Tarar said / «…», dijo),
  before it in the same sentence (Asif wrote on X: “…”), by the rest of a
  multi-paragraph quote, or by the statement just before it;
- a quote told in pieces around its cue ("A," she said, "B.") is one statement;
- "X said (that) …", "…, X said", "according to X, …" and "X accused Y of …"
  outside quotation marks are indirect speech;
- the speaker phrase is read by :class:`~briefing.statements.speakers.People`:
  a named person or body, a description, or nobody;
- of the remaining sentences, those with figures, dates and decisions are claims.

Everything is a pass of precompiled regular expressions over the text, so the
work grows linearly with its length.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from briefing.languages import DEFAULT_LANGUAGE
from briefing.models import Document, Statement, StatementKind
from briefing.statements.cues import Attribution, Grammar, grammar, spaced
from briefing.statements.names import Name
from briefing.statements.quotes import Quote, find_quotes
from briefing.statements.speakers import People, Speaker, initial, title_from, who_speaks
from briefing.summarize.article import Article
from briefing.text import sentence_spans

_DASHES = "―—–"
_AFTER_QUOTE = re.compile(rf"[\s,;:!?.{_DASHES}-]*")
_PIECE_GAP = re.compile(rf"[ \t\u00a0,;:.{_DASHES}-]*")
"""What may stand between a cue and the rest of the quote it splits ("A," she said, "B.")."""
_CLAUSE_END = frozenset(".,;:!?…")
_AGE = re.compile(r",\s*\d{1,3}(?:\s+[^\W\d_]{1,6})?\s*,")
"""An age after a name: "Marie Lefèvre, 54 ans," and "Dorothy Vance, 84," are people."""
_WORDS = re.compile(r"\w+")
_AUXILIARY = re.compile(r"\w+(?:['’]\w+)?")
_DIGIT = re.compile(r"\d")
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_LABEL = re.compile(r"([A-Z][A-Z'’.-]+(?: [A-Z][A-Z'’.-]+){0,2}):\s")
_OBJECT_THEN_COLON = re.compile(r"[^.!?\n]{0,80}:\s*")
"""A weak cue may reach its quote over an object that ends in a colon: "Asif warned the Taliban: “…"."""
_CLOSES_PHRASE = frozenset({"", ".", ",", ";", "\n", "!", "?", ":"})
_WINDOW = 400
"""How far before a quote its cue is looked for, so that a text without full stops stays linear."""
_MIN_DIRECT_WORDS = 3
_MIN_UNCUED_WORDS = 6
_MIN_CLAUSE_WORDS = 4
_MAX_TITLE_WORDS = 10
_MAX_CLAIMS = 3
_CLAIM_WEIGHT = 0.4
"""Per point of figures, dates and decisions; a claim still ranks below a named speaker's words."""
JOINER = " … "
"""Between the pieces of a quote told in pieces."""


class _Text:
    """One text with its sentences, quotes and people, and the lookups the rules share."""

    def __init__(self, text: str, language: str, sentences: Sequence[tuple[int, int]] | None = None) -> None:
        self.text = text
        self.grammar: Grammar = grammar(language)
        self.lexicon = self.grammar.lexicon
        if sentences is None:
            sentences = sentence_spans(text, language) if text.strip() else []
        self.sentences = list(sentences)
        self.sentence_starts = [start for start, _ in self.sentences]
        self.quotes = find_quotes(text, self.lexicon.quote_marks)
        self.quote_starts = [quote.opening for quote in self.quotes]
        self.marks = frozenset("".join(self.lexicon.quote_marks) + '"')
        marks = re.escape("".join(self.marks))
        self.when = re.compile(
            rf"(?:\s+(?i:{'|'.join(map(re.escape, self.lexicon.time_words))}))*[\s.!?{marks}]*"
            if self.lexicon.time_words
            else rf"[\s.!?{marks}]*"
        )
        """What may follow a cue that ends a sentence: "…, officials said on Monday."."""
        that = "|".join(map(re.escape, self.lexicon.complementisers)) or "(?!)"
        self.that = re.compile(rf"\s*(?:,\s*)?(?:(?i:{that})\b)?\s*")
        """A complementiser and the spaces and comma around it: "…said, that …"."""
        self.complementiser = re.compile(rf"(?<!\w)(?i:{that})\b")
        relatives = "|".join(map(re.escape, self.lexicon.person_relatives)) or "(?!)"
        self.person_relative = re.compile(rf",\s*(?i:{relatives})\b")
        """A relative pronoun for people after a name: "Raj Patel, who …"."""
        self.adjacent = re.compile(rf"[\s,:{_DASHES}-]*(?:(?i:{that})\s*)?")
        """What may stand between a cue and the quote it opens: "said that “…", "wrote on X: “…"."""
        names = self._introduced(
            [name for name in self.grammar.names.find_names(text) if not self.in_quote(name.start)]
        )
        speakers, descriptions = who_speaks(self.grammar, self._spoken())
        self.people = People(text, self.grammar, names, speakers, descriptions)

    def _introduced(self, names: list[Name]) -> list[Name]:
        """Names with what the words around them say: a title before or after, or that they are a person's.

        "Syed Muhammad Ali, a Lahore-based security analyst," and "astronomer
        Maura McLaughlin" are people; so is "Ecologist Ruth Kimani" opening a
        sentence, where the first word is a noun for a person, not a name.
        """
        middle = {word for name in names if not initial(self.text, name.start) for word in name.name.split()}
        return [self._introduce(name, middle) for name in names]

    def _introduce(self, name: Name, middle: set[str]) -> Name:
        """One name with what the words around it say (see :meth:`_introduced`)."""
        text, grammar = self.text, self.grammar
        appositive = grammar.apposition_after.match(text, name.end)
        title = title_from(grammar, appositive.group("appos")) if appositive else None
        described = self._description_before(name.start)  # "La maire de Paris, Anne Hidalgo, a présenté…"
        if described:
            title = title or title_from(grammar, described) or described
        before = text[max(0, name.start - 40) : name.start].split()[-1:]
        person = bool(
            (title and grammar.describes(title))
            or _AGE.match(text, name.end)  # "Marie Lefèvre, 54 ans,"
            or self.person_relative.match(text, name.end)  # "Raj Patel, who studies …"
            or (before and before[0].islower() and self._for_a_person(before[0]))
        )
        found = replace(name, title=name.title or (title if person else None), person=name.person or person)
        first, *rest = found.name.split()
        if rest and initial(text, found.start) and first not in middle and self._for_a_person(first.lower()):
            start = found.start + len(first) + 1
            found = replace(found, start=start, name=" ".join(rest), title=first, person=True)
        return found

    def _description_before(self, pos: int) -> str | None:
        """A description that ends in a comma right before ``pos`` and opens its clause ("the defence minister, ")."""
        text = self.text
        low = max(0, pos - 80)
        if not text[low:pos].rstrip().endswith(","):
            return None
        comma = low + len(text[low:pos].rstrip()) - 1
        clause = re.split(r"[.;:!?\n,]", text[low:comma])[-1].strip()
        according = self.grammar.according.match(clause) if self.grammar.according else None
        opening = clause.split(maxsplit=1)
        if according:  # "Pour le ministre du travail, Olivier Dussopt, « … »"
            clause = clause[according.end() :].strip()
        elif len(opening) == 2 and opening[0].lower() in self.lexicon.prepositions:
            clause = opening[1]
        described = self.grammar.description_at(clause, 0, len(clause))
        return clause if described == spaced(clause) and self.grammar.describes(clause) else None

    def _for_a_person(self, word: str) -> bool:
        """Whether a lower-case word is a noun for a person ("analyst", "ecologist")."""
        lexicon = self.lexicon
        if word in lexicon.person_nouns:
            return True
        plain = word not in lexicon.stop_words | lexicon.prepositions | lexicon.determiners | self.grammar.not_subjects
        return plain and len(word) > 4 and word.endswith(lexicon.person_endings)

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

    def _spoken(self) -> list[Attribution]:
        """Speaker phrases of the cues outside quotes ("Tarar said", "…,” said Tarar."): who speaks in the text."""
        text, cues = self.text, self.grammar
        inverted = [found for found in cues.cue_subjects(text, 0, len(text)) if self._ends_phrase(found.end)]
        subjects = list(cues.subject_cues(text, 0, len(text)))
        return [found for found in [*subjects, *inverted] if found.who and not self.in_quote(found.at)]

    def _ends_phrase(self, pos: int) -> bool:
        """Whether an inverted speaker ends at ``pos`` ("said Tarar.", "dijo Ancelotti en…"), not "said Smith would"."""
        if self.text[pos : pos + 1] in _CLOSES_PHRASE:
            return True
        word = _WORDS.match(self.text, pos + 1)
        following = word.group().lower() if word else ""
        return following not in self.grammar.not_subjects | self.grammar.aux_words

    def speaker(self, attribution: Attribution | None, before: int) -> Speaker | None:
        return self.people.speaker(attribution, min(before, attribution.at)) if attribution else None


@dataclass(frozen=True)
class _Piece:
    """A quote with the cues found after and before it."""

    quote: Quote
    after: Attribution | None
    before: Attribution | None

    @property
    def found(self) -> Attribution | None:
        return self.after or self.before


def _after(doc: _Text, quote: Quote) -> Attribution | None:
    """A cue right after the closing mark: "…,” Tarar said." / "…,” said the minister." / «…», dijo."""
    text, cues = doc.text, doc.grammar
    if not quote.closed:
        return None
    gap = _AFTER_QUOTE.match(text, quote.closing)
    pos = gap.end() if gap else quote.closing
    reach = min(len(text), quote.closing + _WINDOW)
    line_end = text.find("\n", quote.closing, reach)
    line_end = reach if line_end < 0 else line_end
    if pos >= line_end:
        return None
    signed = _signature(doc, quote, pos, line_end)
    if signed is not None:
        return signed
    verb = _skip_auxiliaries(doc, pos, line_end)
    ends_sentence = text[quote.end - 1] in ".!?" or "." in text[quote.closing : pos]
    finders: tuple[tuple[Callable[[str, int, int], Attribution | None], int], ...] = (
        (cues.cue_subject_at, verb),
        (cues.subject_cue_at, pos),
        (cues.according_to_at, pos),
        (cues.quote_cue_at, pos),
        (cues.bare_cue_at, verb),
    )
    for find, at in finders:
        found = find(text, at, line_end)
        if found is None:
            continue
        if ends_sentence and text[found.end : found.end + 2].lstrip(" ")[:1] not in _CLOSES_PHRASE:
            continue
        return found
    return None


def _skip_auxiliaries(doc: _Text, pos: int, end: int) -> int:
    """Where the verb begins after auxiliaries («…», ha dicho Sánchez; «…», s’est félicité le ministre)."""
    words = doc.grammar.aux_words
    for _ in range(3):
        word = _AUXILIARY.match(doc.text, pos, end)
        if word is None or word.group().lower() not in words:
            break
        pos = word.end()
        while pos < end and doc.text[pos] in " \u00a0":
            pos += 1
    return pos


def _signature(doc: _Text, quote: Quote, pos: int, line_end: int) -> Attribution | None:
    """A name alone after a dash that follows a quote: "“…” ― Jorge Falcon"."""
    if not any(dash in doc.text[quote.closing : pos] for dash in _DASHES):
        return None
    signed = doc.grammar.signature.match(doc.text, pos, line_end)
    if signed is None:
        return None
    return Attribution(signed.group("who"), pos, None, begin=pos, end=signed.end("who"), labelled=True)


def _before(doc: _Text, quote: Quote, window_start: int) -> Attribution | None:
    """A cue earlier in the quote's sentence: "Asif wrote on X: “…" / "…, saying that “…" / "Scholz: „…“"."""
    text, cues = doc.text, doc.grammar
    start, end = window_start, quote.opening
    if not text[start:end].strip():
        previous = doc.previous_sentence(quote.opening)
        if previous is None or not text[previous[0] : previous[1]].rstrip().endswith(":"):
            return None
        start, end = max(previous[0], previous[1] - _WINDOW), previous[1]
    label = _colon_label(doc, start, end)
    adjacent = [found for found in cues.cue_subjects(text, start, end) if _reaches(doc, found.end, end)]
    return label or (adjacent[-1] if adjacent else None) or _cued_before(doc, start, end)


def _cued_before(doc: _Text, start: int, end: int) -> Attribution | None:
    """A cue in ``text[start:end]`` whose speaker stands before it, the latest one; else the colon's subject."""
    text, cues = doc.text, doc.grammar
    according = list(cues.according_to(text, start, end))
    subjects = [
        found
        for found in cues.subject_cues(text, start, end)
        if not doc.in_quote(found.at) and (found.lemma not in doc.lexicon.weak or _reaches(doc, found.end, end))
    ]
    later_cues = [match for match in cues.participles(text, start, end) if not doc.in_quote(match.start())]
    if according and (not subjects or according[-1].at > subjects[-1].at):
        return according[-1]
    if subjects:
        last = subjects[-1]
        later = [match for match in later_cues if match.start() > last.end]
        return replace(last, cue=later[-1].group(), end=later[-1].end()) if later else last
    if later_cues:
        participle = later_cues[-1]
        named = [
            name for name in cues.names.find_names(text, start, participle.start()) if not doc.in_quote(name.start)
        ]
        if named:
            return Attribution(named[0].name, named[0].start, participle.group(), begin=start, end=participle.end())
    return _colon_intro(doc, start, end)


def _colon_intro(doc: _Text, start: int, end: int) -> Attribution | None:
    """The subject of a sentence that introduces the quote with a colon and no cue ("Weber sieht es gelassener: „…“").

    The subject is the first name of the sentence, or a description that opens it.
    """
    text = doc.text
    if not text[start:end].rstrip().endswith(":"):
        return None
    named = [name for name in doc.grammar.names.find_names(text, start, end) if not doc.in_quote(name.start)]
    named = [name for name in named if doc.people.is_subject(name)]
    if named:
        return Attribution(named[0].name, named[0].start, None, begin=start, end=end)
    opening = len(text[start:end]) - len(text[start:end].lstrip())
    described = doc.grammar.description_at(text, start + opening, end)
    return Attribution(described, start + opening, None, begin=start, end=end) if described else None


def _reaches(doc: _Text, cue_end: int, opening: int) -> bool:
    """Whether a weak cue ("noted", "maintains") stands right before the quote, or before a colon that opens it."""
    text = doc.text
    gap = text[cue_end:opening]
    if doc.adjacent.fullmatch(gap):
        return True
    return _OBJECT_THEN_COLON.fullmatch(text, cue_end, opening) is not None


def _colon_label(doc: _Text, start: int, end: int) -> Attribution | None:
    """A name and a colon right before the quote, opening its sentence: "Scholz: „Wir schaffen das“"."""
    label = doc.grammar.colon_label.fullmatch(doc.text, start, end)
    if label is None:
        return None
    return Attribution(label.group("who"), label.start("who"), None, begin=label.start("who"), end=end, labelled=True)


def _words(text: str) -> int:
    return len(_WORDS.findall(text))


def _looks_like_title(doc: _Text, words: str) -> bool:
    """ "Shark Tank", "Test Us at Your Own Peril", "State of the Union.": the name of a thing, not words said.

    A title capitalises its words of four letters or more (German capitalises
    every noun, so there all of them); a quote that ends a sentence is words
    said, unless it is short and still capitalised throughout.
    """
    tokens = words.split()
    long_words = [token for token in tokens if len(token.strip(".,!?")) >= 4]
    if not long_words or len(tokens) > _MAX_TITLE_WORDS:
        return False
    if words[-1:] in {"!", "?"} or (words[-1:] == "." and len(tokens) > 5):
        return False
    if doc.lexicon.compounds:  # German capitalises every noun: a title capitalises every word
        return all(token[:1].isupper() or not token[:1].isalpha() for token in tokens)
    capitalised = sum(token[:1].isupper() for token in long_words)
    return capitalised >= 0.8 * len(long_words)


def _named_thing(doc: _Text, quote: Quote) -> bool:
    """Whether the quote follows an article or a possessive: "a “list of dangerous groups”" may name a thing."""
    before = doc.text[max(0, quote.opening - 30) : quote.opening].split()[-1:]
    if not before:
        return False
    word = before[0].lower()
    article = word in doc.lexicon.determiners and word not in doc.lexicon.complementisers
    return article or word.endswith(("’s", "'s"))


def _weak_cue_before(doc: _Text, quote: Quote) -> bool:
    """Whether a weak cue earlier in the sentence has the quote as its object ("Meta maintains a “list …”")."""
    start = max(doc.sentence_at(quote.opening)[0], quote.opening - _WINDOW)
    return any(found.lemma in doc.lexicon.weak for found in doc.grammar.subject_cues(doc.text, start, quote.opening))


def _headline(doc: _Text, quote: Quote) -> bool:
    """Whether a quote fills a line of its own that is a headline: a question, or a first line with no full stop."""
    text = doc.text
    line_start = text.rfind("\n", 0, quote.opening) + 1
    line_end = text.find("\n", quote.closing)
    line_end = len(text) if line_end < 0 else line_end
    rest = text[line_start : quote.opening] + text[quote.closing : line_end]
    if rest.strip(" \t\u00a0.!?" + "".join(doc.marks)):
        return False
    ending = text[quote.end - 1]
    return ending == "?" or (ending not in ".!" and not text[:line_start].strip())


def _statement(doc: _Text, parts: Sequence[tuple[int, int]], kind: StatementKind, who: Attribution | None) -> Statement:
    """The statement of ``parts`` (one span, or the pieces of one quote) by ``who``."""
    speaker = doc.speaker(who, parts[0][0]) if who else None
    text = JOINER.join(doc.text[start:end] for start, end in parts)
    start, end = parts[0][0], parts[-1][1]
    return Statement(
        text=text,
        start=start,
        end=end,
        speaker=speaker.name if speaker else None,
        cue=who.cue if who and speaker else None,
        kind=kind,
        speaker_title=speaker.title if speaker else None,
        score=_score(doc, text, start, kind, speaker),
        parts=tuple(parts) if len(parts) > 1 else (),
        named=bool(speaker and speaker.named),
    )


def _score(doc: _Text, text: str, start: int, kind: StatementKind, speaker: Speaker | None) -> float:
    """Ranking weight: own words first, then reported speech, then claims; named, mid-length, early."""
    base = {"direct": 3.0, "indirect": 2.0, "claim": 1.0}[kind]
    words = _words(text)
    length = 1.0 if 8 <= words <= 60 else 0.5 if words >= 5 else 0.0
    named = 1.0 if speaker and speaker.named else 0.5 if speaker else 0.0
    position = 0.5 * (1 - start / max(1, len(doc.text)))
    return round(base + length + named + position, 4)


def _pieces(doc: _Text) -> list[_Piece]:
    text = doc.text
    pieces = []
    for quote in doc.quotes:
        window_start = max(doc.sentence_at(quote.opening)[0], quote.opening - _WINDOW)
        if "\n" in text[window_start : quote.opening]:
            window_start = text.rindex("\n", window_start, quote.opening) + 1
        pieces.append(_Piece(quote, _after(doc, quote), _before(doc, quote, window_start)))
    return pieces


def _continues(doc: _Text, unit: list[_Piece], piece: _Piece) -> bool:
    """Whether ``piece`` carries on the quote of ``unit`` in the same paragraph ("A," she said, "B.")."""
    text = doc.text
    previous = unit[-1]
    if not previous.quote.closed or previous.quote.continued or piece.after is not None:
        return False
    cue = previous.after
    if cue is not None:
        gap = _AFTER_QUOTE.match(text, previous.quote.closing)
        if _skip_auxiliaries(doc, gap.end() if gap else previous.quote.closing, cue.begin) != cue.begin:
            return False  # "“A” and then Lopez said “B”": the cue opens the next quote, it does not split one
    gap_start = cue.end if cue else previous.quote.closing
    if gap_start > piece.quote.opening or "\n" in text[previous.quote.closing : piece.quote.opening]:
        return False
    gap = doc.when.match(text, gap_start, piece.quote.opening) if cue else None
    gap_end = gap.end() if gap else gap_start
    if cue is not None and not _PIECE_GAP.fullmatch(text, gap_end, piece.quote.opening):
        gap_end = _rest_of_sentence(doc, gap_end, piece.quote.opening)  # "…,” Santos told supporters. “B.”"
    if not _PIECE_GAP.fullmatch(text, gap_end, piece.quote.opening):
        return False
    if cue is None:
        return text[previous.quote.end - 1] in _CLAUSE_END and not text[gap_start : piece.quote.opening].strip()
    return piece.before is None or piece.before.at == cue.at


def _rest_of_sentence(doc: _Text, start: int, end: int) -> int:
    """Where the sentence holding ``start`` ends, if before ``end`` and with no quote in it; else ``start``."""
    sentence_end = doc.sentence_at(start)[1]
    rest = doc.text[start:sentence_end]
    if sentence_end > end or len(rest) > _WINDOW // 5 or any(mark in rest for mark in doc.marks):
        return start
    return sentence_end


def _units(doc: _Text) -> list[list[_Piece]]:
    """The quotes of the text, with the pieces of one quote told in pieces joined."""
    units: list[list[_Piece]] = []
    for piece in _pieces(doc):
        if units and _continues(doc, units[-1], piece):
            units[-1].append(piece)
        else:
            units.append([piece])
    return units


def _direct_quotes(doc: _Text) -> list[Statement]:
    """Quotes as statements, attributed, in text order."""
    statements: list[Statement] = []
    group: list[list[_Piece]] = []
    last: Attribution | None = None
    last_end = -1
    for unit in _units(doc):
        group.append(unit)
        if unit[-1].quote.continued:
            continue
        shared = next((piece.found for unit in group for piece in unit if piece.found), None)
        opening = group[0][0].quote.opening
        if shared is None and last is not None and _near(doc, last_end, opening):
            shared = replace(last, cue=None)
        current = shared or _previous_speaker(doc, opening)
        for part in group:
            found = next((piece.found for piece in part if piece.found), None)
            label = _labelled(doc, part[0].quote)
            current = label or current
            who = label or found or current
            adjacent = bool(part[0].after) or bool(
                found and doc.adjacent.fullmatch(doc.text, found.end, part[0].quote.opening)
            )
            statement = _accept(doc, part, who, cued=found is not None, adjacent=adjacent or len(group) > 1)
            if statement is not None:
                statements.append(statement)
                if who is not None and statement.speaker:
                    last, last_end = who, part[-1].quote.closing
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
    found = [a for a in doc.grammar.subject_cues(doc.text, start, end) if not doc.in_quote(a.at)]
    return replace(found[-1], cue=None) if found else None


def _labelled(doc: _Text, quote: Quote) -> Attribution | None:
    """A transcript's speaker label opening the quote: "“PENCE: Well, look, …"."""
    label = _LABEL.match(doc.text, quote.start, quote.end)
    return Attribution(label.group(1).title(), label.start(1), None, labelled=True) if label else None


def _accept(doc: _Text, unit: list[_Piece], who: Attribution | None, *, cued: bool, adjacent: bool) -> Statement | None:
    """The quote as a statement; None for a scare quote, a title, a headline, or a fragment.

    A quote next to its cue ("…,” Tarar said) needs three words. A short quote
    inside reported speech ("Tarar said Islamabad had “repeatedly engaged” with …")
    is a statement only when quotes carry most of its sentence; otherwise the
    sentence is left to indirect speech.
    """
    text = doc.text
    first, last = unit[0].quote, unit[-1].quote
    parts = [(piece.quote.start, piece.quote.end) for piece in unit]
    words = sum(_words(text[start:end]) for start, end in parts)
    alone = len(unit) == 1
    if alone and (
        _looks_like_title(doc, text[first.start : first.end])
        or (who is None and _headline(doc, first))
        or (_named_thing(doc, first) and _weak_cue_before(doc, first))
    ):
        return None
    if who is not None and adjacent:
        keep = words >= _MIN_DIRECT_WORDS
    elif who is not None and cued:
        sentence_end = min(max(doc.sentence_at(first.start)[1], last.end), last.end + _WINDOW)
        clause_start = (
            who.end if who.end <= first.opening else max(doc.sentence_at(first.start)[0], first.start - _WINDOW)
        )
        clause = len(text[clause_start:sentence_end].strip())
        carries = 2 * doc.quoted(clause_start, sentence_end) >= clause
        keep = words >= _MIN_DIRECT_WORDS and carries
    else:
        keep = words >= _MIN_UNCUED_WORDS
    return _statement(doc, parts, "direct", who) if keep else None


def _clause(doc: _Text, start: int, end: int) -> tuple[int, int] | None:
    """``text[start:end]`` trimmed of spaces, "that" and end punctuation; None when too short."""
    text = doc.text
    lead = doc.that.match(text, start, end)
    if lead is not None:
        start = lead.end()
    while end > start and (text[end - 1].isspace() or text[end - 1] in ".,;:" or text[end - 1] in doc.marks):
        end -= 1
    return (start, end) if _words(text[start:end]) >= _MIN_CLAUSE_WORDS else None


def _reported(doc: _Text, start: int, end: int) -> tuple[tuple[int, int], Attribution] | None:
    """The reported clause of one sentence and who reports it, or None."""
    text, cues = doc.text, doc.grammar
    leading = cues.according_to_at(text, start, end)
    if leading is not None and text[leading.end : leading.end + 1] == ",":
        found = _clause(doc, leading.end + 1, end)
        return (found, leading) if found else None
    trailing = (cues.cue_subjects, cues.subject_cues, cues.according_to)
    for attribution in (found for find in trailing for found in find(text, start, end)):
        before = text[start : attribution.begin].rstrip()
        if before.endswith(",") and doc.when.fullmatch(text, attribution.end, end):
            clause = _clause(doc, start, start + len(before) - 1)
            if clause:
                return clause, attribution
    return _said_that(doc, start, end)


def _said_that(doc: _Text, start: int, end: int) -> tuple[tuple[int, int], Attribution] | None:
    """ "X said (that) …", "X accused Y of …" opening a sentence: the clause after the cue."""
    text, lexicon = doc.text, doc.lexicon
    subject = next(doc.grammar.subject_cues(text, start, end), None)
    if subject is None or subject.lemma is None or subject.lemma in lexicon.not_indirect:
        return None
    if _words(text[start : subject.at]) > 6 or doc.in_quote(subject.at):
        return None
    clause_start = subject.end
    if (subject.cue or "").split()[0].lower() not in lexicon.accusations:
        that = doc.complementiser.search(text, clause_start, min(end, clause_start + 60))
        if that is not None and _words(text[clause_start : that.start()]) <= 6:
            clause_start = that.end()
    clause = _clause(doc, clause_start, end)
    return (clause, subject) if clause else None


def _claim_weight(doc: _Text, sentence: str) -> float:
    """How much a sentence carries that a reader should not miss: figures, dates, decisions."""
    lexicon = doc.lexicon
    words = set(_WORDS.findall(sentence))
    lowered = {word.lower() for word in words}
    figures = bool(_DIGIT.search(sentence)) or bool(lowered & lexicon.number_words)
    dates = bool(words & (lexicon.months | lexicon.weekdays)) or bool(_YEAR.search(sentence))
    decisions = bool(lowered & lexicon.claim_verbs)
    return float(figures) + 0.5 * float(dates) + float(decisions)


def extract_statements(text: str, *, language: str = DEFAULT_LANGUAGE) -> list[Statement]:
    """Direct quotes, indirect speech and a few claims of ``text``, in text order.

    Any text gives a list (perhaps empty); only an unsupported ``language`` raises
    :class:`~briefing.errors.ConfigError`.
    """
    return _extract(_Text(text, language))


def extract_related(
    documents: Sequence[Document | Article], *, default_language: str = DEFAULT_LANGUAGE
) -> list[list[Statement]]:
    """The statements of each document's prose, in its own language, with names one leaves short resolved by others.

    For the documents of one story: "Tarar" in one report is "Attaullah Tarar"
    in another. An article's sentences are taken as they were split.
    """
    docs = [
        _Text(item.document.prose, item.language, item.spans.tolist())
        if isinstance(item, Article)
        else _Text(item.prose, item.language or default_language)
        for item in documents
    ]
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
        if overlaps(start, end) or text[end - 1 : end] not in doc.marks | {".", "!"}:
            continue
        reported = _reported(doc, start, end)
        statement = _statement(doc, [reported[0]], "indirect", reported[1]) if reported else None
        if statement is not None and statement.speaker:
            statements.append(statement)
        elif reported is None and not doc.in_quote(start) and not any(mark in text[start:end] for mark in doc.marks):
            weight = _claim_weight(doc, text[start:end])
            if weight >= 1.5 and 8 <= _words(text[start:end]) <= 60:
                claim = _statement(doc, [(start, end)], "claim", None)
                claims.append(replace(claim, score=round(claim.score + _CLAIM_WEIGHT * weight, 4)))
    claims = sorted(claims, key=lambda claim: -claim.score)[:_MAX_CLAIMS]
    return sorted(statements + claims, key=lambda statement: statement.start)
