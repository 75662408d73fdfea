"""Reporting cues and the speaker phrases they carry: "Tarar said", "said the minister", "according to X".

The search is anchored on the cue words: one fast pass finds them, and the
speaker phrase is then read a few words backwards (or forwards) from each.
Trying a speaker pattern at every position of the text instead is many times
slower. What a phrase means (a name, a pronoun, a description, or nothing a
reader could trust) is decided in :mod:`briefing.statements.speakers`.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, lru_cache

from briefing.statements.lexicon import Lexicon, lexicon
from briefing.statements.names import UPPER, NameReader, alternatives, name_reader


@dataclass(frozen=True)
class Attribution:
    """Who (as written, starting at ``at``), by which cue, with an optional appositive.

    ``who`` is empty for a cue with no subject (Spanish «…», dijo.); ``begin``
    and ``end`` bound the whole phrase, speaker and cue; ``lemma`` is the cue
    verb's dictionary form; ``labelled`` says that the phrase is a name by its
    place (a transcript's label, a signature), even if the text uses it nowhere else.
    """

    who: str
    at: int
    cue: str | None
    appositive: str | None = None
    begin: int = 0
    end: int = 0
    lemma: str | None = None
    labelled: bool = False


@dataclass(frozen=True)
class _Cue:
    """A reporting verb found in the text, with its tail ("wrote on X")."""

    start: int
    end: int
    words: str
    lemma: str


_Token = tuple[str, int, int]
_TOKENS = re.compile(r"[\w’'.-]+|[^\w\s]")
_LETTERS = re.compile(r"[^\W\d_]+")
_WORD = re.compile(r"\S+")
_APPOSITIVE_TOKENS = 24
"""Longest appositive between a name and its cue (", the chief executive of the National Urban League,")."""
_MAX_LEAD_WORDS = 5
"""Words of description a speaker may carry before the name ("Clinton campaign spokesman")."""
_REACH = 160
"""How far back from a cue a speaker (with an appositive) may start."""
_BREAK = re.compile(rf"(?P<word>[^\W\d_]+)[.!?]\s+{UPPER}|[“”„«»‹›\"]")
"""A sentence end or a quotation mark, which no appositive holds (a full stop after "Mr" ends no sentence)."""
_SENTENCE_ENDS = frozenset('.!?:"“”„«»‹›')
"""A capitalised cue ("Said Ellis: …") counts only where a sentence begins."""


def spaced(words: str) -> str:
    return " ".join(words.split())


@dataclass(frozen=True)
class _Parts:
    """Pieces of the speaker-phrase patterns of one language."""

    determiner: str
    modifier: str
    noun: str
    """A speaker noun: one of the list, or (in German) a compound ending with one, or a word with a person's
    ending ("ecologist", "centrocampista")."""
    complement: str
    """What a speaker noun is of: "for Newcastle Central", "de l’agriculture", "del Gobierno"."""
    after_noun: str
    """Adjectives after the noun, where the language puts them there: "el técnico italiano"."""


def _parts(lex: Lexicon, name: str, speaker_nouns: frozenset[str]) -> _Parts:
    """The pieces the speaker patterns share, built once from the lexicon so that each pattern stays readable."""
    space = r"[ \u00a0]+"
    spaced_determiners = lex.determiners - frozenset(lex.complementisers)
    elided = [word for word in spaced_determiners if word.endswith(("'", "’"))]
    determiner = rf"(?:(?i:{alternatives(spaced_determiners - set(elided))}){space}"
    determiner += rf"|(?i:{alternatives(elided)}))" if elided else ")"
    blocked = alternatives([*lex.stop_words, *lex.pronouns, *lex.complementisers, *lex.prepositions, *lex.determiners])
    modifier = rf"(?:(?!(?i:{blocked})\b)(?:[\w/’'-]+|(?:\w\.)+){space})"
    compound = r"[\w-]*" if lex.compounds else ""
    lower_word = rf"(?!(?i:{blocked})\b)(?=[^\W\d_])(?!{UPPER})[\w-]{{3,}}"
    by_ending = rf"|{lower_word}(?:{alternatives(lex.person_endings)})" if lex.person_endings else ""
    noun = rf"(?:{compound}(?i:{alternatives(speaker_nouns)}){by_ending})\b"
    times = alternatives([*lex.time_words, *lex.weekdays, *lex.months]) or "(?!)"
    plain = rf"(?!(?i:{times})\b){lower_word}"
    glued = [word for word in lex.prepositions if word.endswith(("'", "’"))]
    preposition = rf"{space}(?i:{alternatives(lex.prepositions - set(glued))}){space}"
    preposition += rf"|{space}(?i:{alternatives(glued)})" if glued else ""
    complement = rf"(?:(?:{preposition})(?:{determiner})?(?!(?i:{times})\b)(?:{name}|{plain}(?:{space}{plain})?))?"
    after_noun = rf"(?:{space}{plain}){{0,2}}" if lex.adjectives_after else ""
    return _Parts(determiner, modifier, noun, complement, after_noun)


class Grammar:
    """One language's cue patterns, compiled once (see :func:`grammar`)."""

    def __init__(self, lex: Lexicon) -> None:
        self.lexicon = lex
        self.names: NameReader = name_reader(lex)
        self.lemmas = {form.lower(): lemma for lemma, forms in lex.verbs.items() for form in (lemma, *forms)}
        self.aux_words = frozenset(word for phrase in lex.auxiliaries for word in phrase.split())
        self.not_subjects = lex.stop_words | frozenset(self.lemmas) | frozenset(lex.complementisers)
        """Words that cannot end a speaker phrase: "and said" has its subject elsewhere, "is observed" is passive."""
        self.speaker_nouns = lex.person_nouns | lex.body_nouns
        self.noun_endings = tuple(noun for noun in self.speaker_nouns if len(noun) >= 4) if lex.compounds else ()
        space = r"[ \u00a0]+"
        name = self.names.pattern
        part = _parts(lex, name, self.speaker_nouns)
        determiner, modifier, noun = part.determiner, part.modifier, part.noun
        label = r"(?:[ \u00a0]*\([^()\n]{1,24}\))?"
        """A party label after a name: "Rep. Jim Clyburn (D-S.C.)"."""
        self.name_after = re.compile(
            rf"[ \u00a0]+(?P<who>(?:{determiner})?{modifier}{{0,4}}{name}){label}"
            rf"(?:{space}(?i:{alternatives(lex.prepositions)}){space}(?:{determiner})?{name}(?=\s*[,.;]))?"
        )
        """ "said Elena Ruiz", "said Clinton campaign spokesman Brian Fallon", "said Ruiz of the Wildlife Trust"."""
        self.nominal_after = re.compile(
            rf"[ \u00a0]+(?P<who>(?:{determiner})?{modifier}{{0,3}}{noun}{part.after_noun}{part.complement})"
        )
        pronouns = alternatives(lex.pronouns)
        self.pronoun_after = re.compile(
            rf"(?:-(?:t-)?|[ \u00a0]+)(?P<who>(?i:{pronouns}))\b"
            if lex.hyphen_pronouns
            else rf"[ \u00a0]+(?P<who>(?i:{pronouns}))\b"
        )
        self.hyphen_pronoun = re.compile(rf"-(?:t-)?(?P<who>(?i:{pronouns}))$") if lex.hyphen_pronouns else None
        marks = re.escape("".join(set("".join(lex.quote_marks))))
        self.source_after = re.compile(
            rf"\s+(?P<who>[^\s,.;:!?()\n{marks}][^,.;:!?()\n{marks}]{{1,59}}?)(?=\s*(?:[,.;:!?\n]|$))"
        )
        """After "according to": the source, whatever it is, up to the next punctuation."""
        self.source_before = (
            re.compile(rf"(?<!\w)(?i:{alternatives(lex.according_after)})\b") if lex.according_after else None
        )
        """Words after a source ("dem Minister zufolge"): the source is read backwards to the punctuation."""
        self.clause_break = re.compile(rf"[,.;:!?()\n{marks}]")
        self.apposition_after = re.compile(
            rf",\s+(?P<appos>(?:(?:{determiner}|(?={noun}))[^,;\n{marks}]{{2,80}}?|{name}))(?=\s*(?:[,;]|\.(?:\s|$)|$))"
        )
        """", an Islamabad-based analyst," / ", secrétaire générale de la CGT." / ", Khawaja Asif," after a speaker."""
        self.name_apposition = re.compile(rf",\s+(?P<appos>{name})(?=\s*,)")
        """A name set off by commas after a description: "Pour le ministre du travail, Olivier Dussopt, «…»"."""
        self.signature = re.compile(rf"(?P<who>{name})[\s.]*$")
        """A name alone after a dash that follows a quote: "“…” ― Jorge Falcon"."""
        self.colon_label = re.compile(rf"\s*(?P<who>{name})\s*:\s*$")
        """A name and a colon right before a quote: "Scholz: „Wir schaffen das“"."""
        self.tail = re.compile(rf"\s+(?:{alternatives(lex.cue_tails)})\b") if lex.cue_tails else None
        self.according = re.compile(rf"(?<!\w)(?i:{alternatives(lex.according_to)})\b") if lex.according_to else None
        self.quote_cues = frozenset(lex.quote_cues)
        self.gerunds = re.compile(rf"(?<!\w)(?:{alternatives(lex.gerunds)})\b") if lex.gerunds else None

    def _cue_at(self, text: str, word: re.Match[str], end: int) -> _Cue | None:
        """The cue that ``word`` starts, if it is a reporting verb standing as a word of its own.

        After a determiner or a possessive the word is a noun ("the report", "Obama's remarks").
        """
        found = word.group()
        lemma = self.lemmas.get(found.lower())
        if lemma is None or (found != found.lower() and found != found.lower().capitalize()):
            return None
        after = text[word.end() : word.end() + 1]
        if after in {"’", "'"} or (after == "-" and not self._hyphen_pronoun_at(text, word.end(), end)):
            return None
        if word.start() > 0 and (text[word.start() - 1].isalnum() or text[word.start() - 1] in "’'-"):
            return None
        before = text[max(0, word.start() - 30) : word.start()].split()
        if found[0].isupper() and before and before[-1][-1:] not in _SENTENCE_ENDS:
            return None
        if before and (before[-1].lower() in self.lexicon.determiners or before[-1].endswith(("’s", "'s"))):
            return None
        tail = self.tail.match(text, word.end(), end) if self.tail else None
        cue_end = tail.end() if tail else word.end()
        return _Cue(word.start(), cue_end, spaced(text[word.start() : cue_end]), lemma)

    def _hyphen_pronoun_at(self, text: str, pos: int, end: int) -> bool:
        return self.hyphen_pronoun is not None and self.pronoun_after.match(text, pos, end) is not None

    def cues(self, text: str, start: int, end: int) -> Iterator[_Cue]:
        """Reporting verbs in ``text[start:end]``.

        The words that may be cues are found once per text (a word scan and a
        dictionary lookup, faster than one big regex); the many windows the
        rules look into then only pick theirs out.
        """
        starts, words = _cue_words(self, text)
        for word in words[bisect.bisect_left(starts, start) : bisect.bisect_left(starts, end)]:
            if word.end() <= end:
                cue = self._cue_at(text, word, end)
                if cue is not None:
                    yield cue

    def head(self, who: str) -> str:
        """``who`` without the complement after its head: "a spokesperson for UCEA" -> "a spokesperson"."""
        words = who.split()
        elided = tuple(word for word in self.lexicon.prepositions if word.endswith(("'", "’")))
        for k in range(1, len(words)):
            before = words[k - 1].rstrip(",")
            lowered = words[k].lower()
            preposition = lowered in self.lexicon.prepositions or bool(elided and lowered.startswith(elided))
            if preposition and (before[:1].isupper() or self.is_speaker_noun(before)):
                return " ".join(words[:k])
            if lowered in self.lexicon.person_relatives and self.is_speaker_noun(before):
                return " ".join(words[:k])  # "an engineer who was laid off" -> "an engineer"
        return who

    def head_noun(self, who: str) -> str | None:
        """The noun a description is about: "a spokesperson for UCEA" -> "spokesperson", "el técnico italiano"."""
        words = [word.rstrip(".,") for word in self.head(who).split()]
        for word in reversed(words[-3:] if self.lexicon.adjectives_after else words[-1:]):
            if self.is_speaker_noun(word) or self.names.is_role(word):
                return word
        return None

    def describes(self, who: str) -> bool:
        """Whether a speaker phrase is a description ("a spokesperson for UCEA"), not a name or a pronoun."""
        noun = self.head_noun(who) is not None
        return noun and who.lower() not in self.lexicon.pronouns and self.names.name_of(who, 0) is None

    def description_at(self, text: str, pos: int, end: int) -> str | None:
        """A description of a speaker starting at ``pos`` ("Una camarera de un hotel de Benidorm")."""
        found = self.nominal_after.match(" " + text[pos:end])
        return spaced(found.group("who")) if found else None

    def is_speaker_noun(self, word: str) -> bool:
        """Whether a word is a noun for a speaker: listed, a compound of one (German), or with a person's ending."""
        lowered = word.lower()
        if lowered in self.speaker_nouns or bool(self.noun_endings and lowered.endswith(self.noun_endings)):
            return True
        endings = self.lexicon.person_endings
        return bool(endings) and word.islower() and len(word) > 5 and lowered.endswith(endings)

    # Speaker phrases before a cue: "Tarar said", "Sen. Dana Whitfield (R-Ore.), the panel's chair, said".

    def _capitalised(self, tokens: list[_Token], index: int) -> bool:
        return index >= 0 and tokens[index][0][:1].isupper()

    def _particle(self, tokens: list[_Token], index: int) -> bool:
        return index >= 0 and tokens[index][0] in self.names.joiners

    def _run_start(self, tokens: list[_Token], i: int) -> int:
        """First token of the capitalised run (with particles) that ends at token ``i``."""
        j = i
        while self._capitalised(tokens, j - 1) or (self._particle(tokens, j - 1) and self._capitalised(tokens, j - 2)):
            j -= 1
        return j

    def _description_start(self, tokens: list[_Token], i: int) -> int | None:
        """First token of a description whose head noun is token ``i`` ("a senior official"), or None."""
        lex = self.lexicon
        if not self.is_speaker_noun(tokens[i][0]):
            return self._described_by_complement(tokens, i)
        j = i
        while j > 0 and i - j < 4 and tokens[j - 1][0][:1].isalnum():
            previous = tokens[j - 1][0].lower()
            if previous in lex.stop_words or previous in lex.pronouns or previous.endswith("."):
                break
            if previous in lex.prepositions or previous in self.lemmas:
                break
            j -= 1
            if previous in lex.determiners:
                break
        return j

    def _described_by_complement(self, tokens: list[_Token], i: int) -> int | None:
        """The start of "a narrator in the Clinton ad" (or "an engineer who was laid off"), read back to the noun."""
        for k in range(i - 1, max(0, i - 6), -1):
            word = tokens[k][0].lower()
            if (
                word in self.lexicon.prepositions or word in self.lexicon.person_relatives
            ):  # "an engineer who was laid off"
                return self._description_start(tokens, k - 1) if self.is_speaker_noun(tokens[k - 1][0]) else None
            if word in self.lemmas or not tokens[k][0][:1].isalnum():
                return None
        return None

    def _phrase_start(self, tokens: list[_Token], i: int) -> int | None:
        """Index of the first token of the speaker phrase that ends with token ``i``, or None.

        A capitalised run after a preposition is an object ("the MP for
        Newcastle Central", "Morgan of the Sierra Club"): the phrase is read on
        to the noun or name it belongs to, and is None when there is none.
        """
        lex = self.lexicon
        word = tokens[i][0]
        lowered = word.lower()
        if lowered in lex.pronouns:
            return i
        if lowered in self.not_subjects and not word[:1].isupper():
            return None
        if not word[:1].isupper():
            return None if lowered in lex.relatives else self._description_start(tokens, i)
        return self._run_phrase_start(tokens, i)

    def _run_phrase_start(self, tokens: list[_Token], i: int) -> int | None:
        """Like :meth:`_phrase_start`, for a phrase that ends with a capitalised word."""
        lex = self.lexicon
        j = self._run_start(tokens, i)
        if {token.rstrip(".") for token, _, _ in tokens[j : i + 1]} <= self.names.never_names:
            return None
        k = j - 1
        if k >= 1 and tokens[k][0].lower() in lex.determiners and tokens[k - 1][0].lower() in lex.prepositions:
            k -= 1
        if k >= 0 and tokens[k][0].lower() in lex.prepositions:
            owner = k - 1
            if owner < 0:
                return None
            return (
                self._run_start(tokens, owner)
                if self._capitalised(tokens, owner)
                else self._description_start(tokens, owner)
            )
        joined = k >= 1 and tokens[k][0].lower() in lex.conjunctions and self._capitalised(tokens, k - 1)
        if joined and tokens[i][0].rstrip(".") in lex.body_heads:  # "National Oceanic and Atmospheric Administration"
            return self._run_start(tokens, k - 1)
        return j

    def _skip_back(self, tokens: list[_Token], i: int, opening: str, closing: str, reach: int) -> int:
        """Index before a bracketed or comma-enclosed stretch that ends at token ``i``, or ``i`` itself."""
        if i < 0 or tokens[i][0] != closing:
            return i
        for j in range(i - 1, max(-1, i - reach), -1):
            if tokens[j][0] == opening:
                return j - 1
        return i

    def _breaks(self, stretch: str) -> bool:
        """Whether a stretch holds a quotation mark or the end of a sentence."""
        for found in _BREAK.finditer(stretch):
            word = found.group("word")
            if word is None or (len(word) > 3 and word not in self.names.abbreviations):
                return True
        return False

    def _is_name_stretch(self, tokens: list[_Token]) -> bool:
        return (
            bool(tokens)
            and tokens[0][0][:1].isupper()
            and all(token[:1].isupper() or token in self.names.joiners for token, _, _ in tokens)
        )

    def speaker_before(self, text: str, floor: int, cue_start: int) -> tuple[int, int, str | None] | None:
        """``(start, end, appositive)`` of the speaker phrase just before a cue ("Minister Tarar earlier said").

        Between the two may stand auxiliaries ("had earlier"), an appositive
        (", an Islamabad-based analyst,"), a party label in brackets
        ("(R-Utah)"), or the name a description introduces ("the chief
        justice, Abdul Hakim Haqqani, said": the name is the speaker, the
        description its appositive).
        """
        low = max(floor, cue_start - _REACH)
        newline = text.rfind("\n", low, cue_start)
        low = max(low, newline + 1)
        tokens = [(m.group(), m.start(), m.end()) for m in _TOKENS.finditer(text, low, cue_start)]
        i = len(tokens) - 1
        if i >= 0 and self.hyphen_pronoun is not None:
            hung = self.hyphen_pronoun.search(tokens[i][0])
            if hung is not None:  # French "a-t-il déclaré"
                return tokens[i][1] + hung.start("who"), tokens[i][2], None
        skipped = 0
        while i >= 0 and skipped < 3 and self._auxiliary(tokens[i][0]):
            i, skipped = i - 1, skipped + 1
        appositive = None
        before_comma = self._skip_back(tokens, i, ",", ",", _APPOSITIVE_TOKENS)
        if before_comma != i and before_comma >= 0:
            inner = tokens[before_comma + 2 : i]
            inner_text = text[inner[0][1] : inner[-1][2]] if inner else ""
            named = self._is_name_stretch(inner)
            described = self._phrase_start(tokens, before_comma) if named else None
            description = text[tokens[described][1] : tokens[before_comma][2]] if described is not None else ""
            if description and self.describes(description):  # "the chief justice, Abdul Hakim Haqqani, said"
                return inner[0][1], inner[-1][2], description
            head = tokens[before_comma][0]
            described_head = not named and inner_text.split()[0].lower() in self.lexicon.determiners if inner else False
            if not inner or self._breaks(inner_text) or not (head[:1].isupper() or head == ")" or described_head):
                return None  # no appositive: the commas belong to two sentences, a quote or a list
            appositive, i = inner_text, before_comma
        i = self._skip_back(tokens, i, "(", ")", 8)
        first = self._phrase_start(tokens, i) if i >= 0 else None
        return None if first is None else (tokens[first][1], tokens[i][2], appositive)

    def _auxiliary(self, word: str) -> bool:
        """Whether a word may stand between a speaker and the cue: "had earlier", "forcefully"."""
        lowered = word.lower()
        endings = self.lexicon.adverb_endings
        return lowered in self.aux_words or bool(
            endings and word.islower() and len(word) > 5 and lowered.endswith(endings)
        )

    def subject_cues(self, text: str, start: int, end: int) -> Iterator[Attribution]:
        """Every "speaker cue" in ``text[start:end]``: "Tarar said", "Asif wrote on X", "he added"."""
        for cue in self.cues(text, start, end):
            found = self.speaker_before(text, start, cue.start)
            if found is not None:
                who_start, who_end, appositive = found
                who = spaced(text[who_start:who_end])
                yield Attribution(who, who_start, cue.words, appositive, who_start, cue.end, cue.lemma)

    def cue_subjects(self, text: str, start: int, end: int) -> Iterator[Attribution]:
        """Every "cue speaker" in ``text[start:end]``: "said Tarar", "added the minister", "dit-il"."""
        for cue in self.cues(text, start, end):
            found = self._who_after(text, cue, end)
            if found is not None:
                yield found

    def _who_after(self, text: str, cue: _Cue, end: int) -> Attribution | None:
        if cue.lemma in self.lexicon.not_inverted:
            return None
        pronoun = self.pronoun_after.match(text, cue.end, end)
        if pronoun is not None:
            return Attribution(
                pronoun.group("who"), pronoun.start("who"), cue.words, None, cue.start, pronoun.end(), cue.lemma
            )
        matches = [
            found
            for found in (self.name_after.match(text, cue.end, end), self.nominal_after.match(text, cue.end, end))
            if found
        ]
        if not matches:
            return None
        who = max(matches, key=lambda found: found.end())
        return self._with_appositive(text, cue, who, end)

    def _with_appositive(self, text: str, cue: _Cue, who: re.Match[str], end: int) -> Attribution:
        who_end = who.end("who")
        for word in _WORD.finditer(text, who.start("who"), who_end):
            if (
                word.group().endswith(".")
                and len(word.group()) > 2
                and word.group()[:-1] not in self.names.abbreviations
            ):
                who_end = word.end() - 1  # "said Omar Haddad." and "so Stenger. Er …" end the sentence there
                break
        who_end = who.end() if who_end == who.end("who") else who_end
        appositive = self.apposition_after.match(text, who_end, end)
        return Attribution(
            spaced(text[who.start("who") : min(who_end, who.end("who"))]),
            who.start("who"),
            cue.words,
            appositive.group("appos") if appositive else None,
            cue.start,
            appositive.end() if appositive else who_end,
            cue.lemma,
        )

    def cue_subject_at(self, text: str, pos: int, end: int) -> Attribution | None:
        """ "said Tarar" starting exactly at ``pos``."""
        word = _LETTERS.match(text, pos, end)
        cue = self._cue_at(text, word, end) if word else None
        return self._who_after(text, cue, end) if cue is not None else None

    def bare_cue_at(self, text: str, pos: int, end: int) -> Attribution | None:
        """A cue with no subject at ``pos`` (Spanish «…», dijo.), in a language that drops subjects."""
        word = _LETTERS.match(text, pos, end) if self.lexicon.null_subject else None
        cue = self._cue_at(text, word, end) if word else None
        if cue is None or text[cue.end : cue.end + 2].lstrip(" ")[:1] not in {"", ".", ",", ";", "\n", "!", "?"}:
            return None
        return Attribution("", cue.start, cue.words, None, cue.start, cue.end, cue.lemma)

    def quote_cue_at(self, text: str, pos: int, end: int) -> Attribution | None:
        """A word that names the speaker right after a quote (German „…“, so Müller.)."""
        word = _LETTERS.match(text, pos, end)
        if word is None or word.group().lower() not in self.quote_cues:
            return None
        cue = _Cue(word.start(), word.end(), word.group(), word.group().lower())
        found = self.name_after.match(text, cue.end, end) or self.nominal_after.match(text, cue.end, end)
        return self._with_appositive(text, cue, found, end) if found else None

    def subject_cue_at(self, text: str, pos: int, end: int) -> Attribution | None:
        """ "Tarar said" starting at ``pos``, after at most a few words of description ("IMF chief economist")."""
        for cue in self.cues(text, pos, min(end, pos + _REACH)):
            found = self.speaker_before(text, pos, cue.start)
            if found is None:
                return None
            lead = text[pos : found[0]]
            if found[2] and spaced(lead.rstrip(", ")) == spaced(found[2]):  # "a nurse in São Paulo, Ana Lima, said"
                return Attribution(
                    spaced(text[found[0] : found[1]]), found[0], cue.words, found[2], pos, cue.end, cue.lemma
                )
            if len(lead.split()) > _MAX_LEAD_WORDS or any(mark in lead for mark in '.,;:!?“”"«»„'):
                return None
            if self.lexicon.stop_words.intersection(lead.lower().split()):
                return None  # "…,” when Clinton blasted him": the cue belongs to another clause
            begin = pos if not lead or lead[-1].isspace() else found[0]
            return Attribution(spaced(text[begin : found[1]]), begin, cue.words, found[2], begin, cue.end, cue.lemma)
        return None

    def according_to(self, text: str, start: int, end: int) -> Iterator[Attribution]:
        """Every "according to X" (and "X zufolge") in ``text[start:end]``."""
        if self.according is not None:
            for match in self.according.finditer(text, start, end):
                found = self._source(text, match, end)
                if found is not None:
                    yield found
        if self.source_before is not None:
            for match in self.source_before.finditer(text, start, end):
                low = max(start, match.start() - _REACH // 2)
                breaks = list(self.clause_break.finditer(text, low, match.start()))
                who_start = breaks[-1].end() if breaks else low
                who = text[who_start : match.start()]
                if who.strip():
                    at = who_start + len(who) - len(who.lstrip())
                    yield Attribution(spaced(who), at, match.group(), None, at, match.end())

    def according_to_at(self, text: str, pos: int, end: int) -> Attribution | None:
        match = self.according.match(text, pos, end) if self.according else None
        return self._source(text, match, end) if match else None

    def _source(self, text: str, match: re.Match[str], end: int) -> Attribution | None:
        """The source after "according to", with the name or description that may follow it (", Olivier Dussopt,")."""
        source = self.source_after.match(text, match.end(), end)
        if source is None:
            return None
        appositive = self.name_apposition.match(text, source.end(), end)
        return Attribution(
            spaced(source.group("who")),
            source.start("who"),
            spaced(match.group()),
            appositive.group("appos") if appositive else None,
            match.start(),
            appositive.end() if appositive else source.end(),
        )

    def participles(self, text: str, start: int, end: int) -> list[re.Match[str]]:
        """Cues that carry on a clause with no subject of their own: "…, saying that “…"."""
        return list(self.gerunds.finditer(text, start, end)) if self.gerunds else []


@lru_cache(maxsize=8)
def _cue_words(grammar: Grammar, text: str) -> tuple[list[int], list[re.Match[str]]]:
    """Where the words of ``text`` that are forms of reporting verbs stand (the text's hash is computed once)."""
    words = [word for word in _LETTERS.finditer(text) if word.group().lower() in grammar.lemmas]
    return [word.start() for word in words], words


@cache
def grammar(language: str) -> Grammar:
    """The compiled cue patterns of a supported language."""
    return Grammar(lexicon(language))
