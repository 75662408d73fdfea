"""Who a speaker phrase means: a person or a body named in the text, a description, or nobody.

A wrong name is worse than none. A phrase becomes a speaker only when it is a
name the text gives a person or a body ("Attaullah Tarar", "NOAA"), a pronoun
or a bare cue that points back to such a name or to a description that spoke
("he" after "a spokesperson for UCEA said"), or a description of a speaker
("a senior official", "the minister", kept as written unless it points back to
a named person with that title). Places, dates, adverbs, verb phrases, nouns
that are not speakers and fragments of longer names are nobody.
"""

from __future__ import annotations

import bisect
import re
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from briefing.statements.cues import Attribution, Grammar, spaced
from briefing.statements.lexicon import Gender
from briefing.statements.names import LOWER, Name

_PERSON_GENDERS = frozenset({"m", "f", ""})
_LOOK_BACK = 50
_PARAGRAPH_REACH = 3000
"""How far back a pronoun's person may be named: this paragraph and two before, within this many characters."""
"""Mentions looked at when resolving a pronoun: far enough for a long paragraph, and the work stays linear."""
_SENTENCE_START = re.compile(r"(?:^|[.!?:;\n]|[.!?]?[“”\"„«»‹›])\s*$")
"""What ends before a word that opens a sentence: a full stop, a line, an opening mark, a closing one after a full
stop; not "…,” Melanie said", where the comma goes on with the sentence."""
_ACRONYM = re.compile(r"[A-Z]{2,}s?")
_LOWER_WORD = re.compile(rf"(?<![\w’'-]){LOWER}+(?![\w’'-])")


def initial(text: str, pos: int) -> bool:
    """Whether ``pos`` begins a sentence, a line or a quote (where any word has a capital)."""
    found = _SENTENCE_START.search(text, max(0, pos - 4), pos)
    return pos == 0 or (found is not None and text[max(0, found.start() - 1) : found.start()] != ",")


@dataclass(frozen=True)
class Speaker:
    """Who made a statement: a full name (or a description as written) and a title.

    ``named`` says that the speaker is a person or a body named in the text,
    not a description such as "a senior official".
    """

    name: str
    title: str | None = None
    named: bool = False


@dataclass(frozen=True)
class Mention:
    """Someone a pronoun may point back to: a named person, or a description that spoke."""

    start: int
    name: Name | None = None
    description: str | None = None
    gender: Gender = ""
    subject: bool = True


@dataclass
class People:
    """The people of a text (or a story): who is named where, by full name and title.

    A capitalised name counts as a person's when it has a title or honorific,
    speaks under its full name, or speaks by a surname that a full name ends
    with; countries and institutions that "say" things stay out of pronoun
    resolution.
    """

    text: str
    grammar: Grammar
    names: list[Name]
    speakers: list[Name]
    descriptions: list[tuple[int, str]] = field(default_factory=list)
    others: list[People] = field(default_factory=list)
    """Indexes of the other documents of a story, asked when this one does not know a name."""

    def __post_init__(self) -> None:
        self.lexicon = self.grammar.lexicon
        self.reader = self.grammar.names
        self.names = sorted(self.names, key=lambda name: name.start)
        full_surnames = {name.surname for name in self.names if name.is_full}
        person_surnames = (
            {name.surname for name in self.names if name.title or name.honorific or name.person}
            | {name.surname for name in self.speakers if name.is_full or name.title or name.honorific}
            | {name.surname for name in self.speakers if name.surname in full_surnames}
        )
        persons = [name for name in self.names if name.surname in person_surnames]
        self.known = {
            word
            for name in self.names
            if name.is_full or name.title or name.honorific or not self._initial(name.start)
            for word in name.name.split()
        }
        """Capitalised words the text uses as names, not only because a sentence begins with them."""
        self._lower_words = frozenset(_LOWER_WORD.findall(self.text))
        """Words the text writes in lower case: common words, even where a sentence gives them a capital."""
        self._by_surname: dict[str, list[Name]] = {}
        self._by_first: dict[str, set[str]] = {}
        for name in persons:
            if name.is_full:
                self._by_surname.setdefault(name.surname, []).append(name)
                self._by_first.setdefault(name.name.split()[0], set()).add(name.name)
        for name in self.names:  # a full name no evidence made a person's still completes its surname
            if name.is_full and name.surname not in self._by_surname:
                self._by_surname.setdefault(name.surname, []).append(name)
        self._surname_starts = {word: [name.start for name in names] for word, names in self._by_surname.items()}
        self._tails: dict[str, str] = {}
        """Ends of full names longer than a surname: "Pérez Raya" -> "Florentino Pérez Raya"."""
        for names in self._by_surname.values():
            for name in names:
                words = name.name.split()
                for cut in range(1, len(words) - 1):
                    self._tails.setdefault(" ".join(words[cut:]), name.name)
        self.speakers = sorted(self.speakers, key=lambda name: name.start)
        self._speaker_starts = [name.start for name in self.speakers]
        self._titles: dict[str, str] = {}
        for name in [*persons, *self.speakers]:
            if name.title:
                self._titles.setdefault(name.surname, name.title)
        self._genders: dict[str, Gender] = {}
        for name in [*persons, *self.speakers]:
            gender = self._gender_of(name)
            if gender:
                self._genders.setdefault(self.full_name(name.name, name.start), gender)
        self._mentions = [Mention(name.start, name=name, subject=self.is_subject(name)) for name in persons]
        self._mention_starts = [mention.start for mention in self._mentions]
        described = [self._described_mention(start, words) for start, words in self.descriptions]
        self._mentions = sorted([*self._mentions, *described], key=lambda mention: mention.start)
        self._mention_starts = [mention.start for mention in self._mentions]

    def _described_mention(self, start: int, words: str) -> Mention:
        """A description that spoke, as the person it points back to ("the minister") or as written."""
        speaker = self._description(words, self.grammar.head(words), start)
        if speaker.named:
            return Mention(start, name=Name(start, speaker.name, speaker.title, start + len(speaker.name)))
        return Mention(start, description=words, gender=self._description_gender(words))

    def _initial(self, pos: int) -> bool:
        return initial(self.text, pos)

    def is_subject(self, name: Name) -> bool:
        """Whether a name stands as a subject: not a possessive, not after a preposition ("aus Neukölln")."""
        end = name.end or name.start + len(name.name)
        if self.text[end : end + 1] in {"’", "'"}:
            return False
        before = self.text[max(0, name.start - 20) : name.start].split()
        return not before or before[-1].lower() not in self.lexicon.prepositions

    def _gender_of(self, name: Name) -> Gender:
        lexicon = self.lexicon
        words = [name.honorific or "", *(name.title or "").split()]
        if any(word in lexicon.feminine for word in words):
            return "f"
        if any(word in lexicon.masculine for word in words):
            return "m"
        title_head = (name.title or "").split()[-1:] or [""]
        endings = lexicon.feminine_suffixes
        if endings and self.reader.is_role(title_head[0]) and title_head[0].lower().endswith(endings):
            return "f"
        return ""

    def _description_gender(self, words: str) -> Gender:
        lowered = {word.lower() for word in words.split()}
        if lowered & {word.lower() for word in self.lexicon.feminine}:
            return "f"
        if lowered & {word.lower() for word in self.lexicon.masculine}:
            return "m"
        head = words.rsplit(maxsplit=1)[-1].lower() if words.split() else ""
        return "p" if head in self.lexicon.body_nouns else ""

    # Names and titles.

    def full_name(self, name: str, before: int) -> str:
        """The full form of ``name`` ("Asif" -> "Khawaja Asif"), the latest one before ``before``, else any."""
        for people in (self, *self.others):
            found = people._full_name(name, before if people is self else sys.maxsize)
            if found is not None:
                return found
        return name

    def _full_name(self, word: str, before: int) -> str | None:
        """By surname, the latest full name before ``before`` (else the first); by first name, only if one."""
        if " " in word:
            return self._tails.get(word)
        candidates = self._by_surname.get(word)
        if candidates:
            index = bisect.bisect_left(self._surname_starts[word], before)
            return candidates[max(0, index - 1)].name
        firsts = self._by_first.get(word, set())
        return next(iter(firsts)) if len(firsts) == 1 else None

    def title(self, name: str) -> str | None:
        """The title this person was given anywhere in the text (or the story)."""
        surname = name.rsplit(maxsplit=1)[-1]
        found = self._titles.get(surname)
        for other in self.others:
            found = found or other._titles.get(surname)
        return found

    def _is_known(self, word: str) -> bool:
        return word in self.known or any(word in other.known for other in self.others)

    # What a phrase means.

    def speaker(self, attribution: Attribution, before: int) -> Speaker | None:
        """The speaker ``attribution`` names, or None when it names nobody a reader could trust.

        ``before`` bounds where a pronoun's person may be named (the quote's opening mark).
        """
        who = spaced(attribution.who)
        lowered = who.lower()
        pronouns = self.lexicon.pronouns
        if not who:  # a cue with no subject: its form may say who (Czech "dodala" is a woman's)
            cue = (attribution.cue or "").lower()
            gender = "f" if cue in self.lexicon.feminine else "m" if cue in self.lexicon.masculine else ""
            return self.antecedent(before, gender)
        if lowered in pronouns:
            return self.antecedent(before, pronouns[lowered]) if pronouns[lowered] in _PERSON_GENDERS else None
        head = self.grammar.head(who)
        for phrase in dict.fromkeys((head, who)):
            name = self.reader.name_of(phrase, attribution.at)
            if name is not None and (attribution.labelled or self._acceptable(name)):
                full = self.full_name(name.name, before)
                title = name.title or title_from(self.grammar, attribution.appositive) or self.title(full)
                return Speaker(full, title, named=True)
        appositive = attribution.appositive or ""
        named = self.reader.name_of(appositive, attribution.at) if appositive[:1].isupper() else None
        if named is not None and self._acceptable(named) and self.grammar.head_noun(head):
            full = self.full_name(named.name, before)
            return Speaker(full, title_from(self.grammar, who) or who, named=True)
        body = self._body(who)
        if body is not None:
            return Speaker(body, None, named=True)
        return self._description(who, head, before) if self.grammar.head_noun(head) else None

    def _acceptable(self, name: Name) -> bool:
        """Whether a name is one a reader can trust; a lone capitalised word needs more than its capital.

        "Tarar" is a name when the text also writes "Attaullah Tarar", or
        capitalises it in the middle of a sentence, and the text never writes
        it in lower case; "Eventually" or "Shopkeepers" opening a sentence is
        not. A date never speaks, nor does "Officials" (a description).
        """
        if name.is_full or name.title or name.honorific:
            return True
        word = name.name.rstrip(".")
        if word in self.lexicon.months | self.lexicon.weekdays or self.grammar.is_speaker_noun(word.lower()):
            return False
        return self._is_known(word) and word.lower() not in self._lower_words

    def _description(self, who: str, head: str, before: int) -> Speaker:
        """ "the minister" -> the minister named last; "a senior official" stays as written.

        A definite description with no titled person to point to ("el técnico
        italiano") is the person who spoke last in the same paragraph, if that
        person has no title that says otherwise.
        """
        words = head.lower().split()
        noun = self.grammar.head_noun(head)
        if noun and words[0] in self.lexicon.definite and len(words) <= 4:
            role = self._role_noun(noun.lower())
            person = self.titled(before, role) or self._last_speaker(before, role)
            if person is not None:
                return person
        return Speaker(who, None, named=False)

    def _role_noun(self, word: str) -> str:
        """The noun a compound title ends with: "gewerkschaftschef" -> "chef"."""
        if not self.lexicon.compounds:
            return word
        nouns = [noun for noun in self.lexicon.person_nouns if word.endswith(noun) and len(noun) >= 4]
        return max(nouns, key=len) if nouns else word

    def _last_speaker(self, before: int, role: str) -> Speaker | None:
        index = bisect.bisect_left(self._speaker_starts, before) - 1
        if index < 0 or "\n" in self.text[self.speakers[index].start : before]:
            return None  # nobody spoke before in this paragraph
        last = self.speakers[index]
        full = self.full_name(last.name, last.start)
        title = (self.title(full) or "").lower()
        if title and role not in title:
            return None
        return Speaker(full, self.title(full), named=True)

    def _body(self, who: str) -> str | None:
        """A body named in the text ("the Pentagon", "NOAA", "Labour Party"), without its article."""
        words = who.split()
        if words and words[0].lower() in self.lexicon.determiners:
            words = words[1:]
        joining = self.reader.joiners | self.lexicon.conjunctions
        if not words or not all(word[:1].isupper() or word in joining for word in words):
            return None
        last = words[-1].rstrip(".")
        if words[0].rstrip(".") in self.reader.never_names or (
            len(words) == 1 and self.grammar.is_speaker_noun(last.lower())
        ):
            return None  # "Police said", "Analysts warn": a description with a capital, not a name
        if any(word.rstrip(".") in self.lexicon.body_heads for word in words) or _ACRONYM.fullmatch(last):
            return " ".join(words)
        if len(words) == 1 and self._is_known(last) and last not in self.lexicon.non_person_heads:
            return last if last not in self.lexicon.months else None
        return None

    # Pointing back.

    def antecedent(self, before: int, gender: Gender) -> Speaker | None:
        """The person a pronoun (or a bare cue) before ``before`` points to: the nearest compatible mention.

        A subject (not a possessive, not after a preposition) is preferred to
        a nearer object; a description that spoke counts as a person.
        """
        index = bisect.bisect_left(self._mention_starts, before)
        fallback: Mention | None = None
        earliest = self._previous_paragraph(before)
        for mention in reversed(self._mentions[max(0, index - _LOOK_BACK) : index]):
            if mention.start < earliest:
                break  # a person two paragraphs back is no longer who "he" means
            if not self._compatible(mention, gender):
                continue
            if mention.subject:
                return self._learn(self._mentioned(mention), gender)
            fallback = fallback or mention
        return self._learn(self._mentioned(fallback), gender) if fallback else None

    def _previous_paragraph(self, pos: int) -> int:
        """Where the second paragraph before the one holding ``pos`` begins (blank lines skipped), within a reach."""
        text, low = self.text, max(0, pos - _PARAGRAPH_REACH)
        start = pos
        for _ in range(3):
            while start > low and text[start - 1] == "\n":
                start -= 1
            start = text.rfind("\n", low, start) + 1 or low
        return start

    def _compatible(self, mention: Mention, gender: Gender) -> bool:
        known = mention.gender
        if mention.name is not None:
            known = self._genders.get(self.full_name(mention.name.name, mention.start), "")
        if known in {"p", "n"}:
            return False
        return not gender or not known or known == gender

    def _mentioned(self, mention: Mention) -> Speaker:
        if mention.name is None:
            return Speaker(mention.description or "", None, named=False)
        full = self.full_name(mention.name.name, mention.start)
        return Speaker(full, self.title(full), named=True)

    def _learn(self, speaker: Speaker, gender: Gender) -> Speaker:
        """Remember the gender a pronoun gave a person, so that a later "she" does not point to him."""
        if speaker.named and gender in {"m", "f"}:
            self._genders.setdefault(speaker.name, gender)
        return speaker

    def titled(self, before: int, role: str) -> Speaker | None:
        """The person named last before ``before`` whose title holds ``role`` ("minister")."""
        index = bisect.bisect_left(self._mention_starts, before)
        for mention in reversed(self._mentions[max(0, index - _LOOK_BACK) : index]):
            if mention.name is None:
                continue
            full = self.full_name(mention.name.name, mention.start)
            title = (self.title(full) or "").lower().split()
            if role in title or (self.lexicon.compounds and any(word.endswith(role) for word in title)):
                return Speaker(full, self.title(full), named=True)
        return None


def who_speaks(grammar: Grammar, attributions: Iterable[Attribution]) -> tuple[list[Name], list[tuple[int, str]]]:
    """The names and the descriptions among speaker phrases: evidence of who is a person in the text.

    A name is titled by its appositive ("Syed Muhammad Ali, an analyst, said");
    a description that introduces a name ("the interior minister, Gérald
    Darmanin, said") gives that name its title.
    """
    names, descriptions = [], []
    for attribution in attributions:
        who, appositive = attribution.who, attribution.appositive or ""
        name = grammar.names.name_of(who, attribution.at)
        introduced = grammar.names.name_of(appositive, attribution.at) if appositive[:1].isupper() else None
        if name is not None:
            names.append(replace(name, title=name.title or title_from(grammar, appositive)))
        elif introduced is not None and grammar.describes(who):
            names.append(replace(introduced, title=introduced.title or title_from(grammar, who) or who))
        elif grammar.describes(who):
            descriptions.append((attribution.at, who))
    return names, descriptions


def title_from(grammar: Grammar, phrase: str | None) -> str | None:
    """The title a description gives: "an Islamabad-based security analyst" -> "Islamabad-based security analyst".

    An owner is left out ("the Taliban's chief justice" -> "chief justice"); a
    phrase that opens with neither a determiner nor a speaker noun ("speaking
    at a rally") is no description.
    """
    words = phrase.split() if phrase else []
    if not words or not (words[0].lower() in grammar.lexicon.determiners or grammar.is_speaker_noun(words[0])):
        return None
    while words and (words[0].lower() in grammar.lexicon.determiners or words[0].endswith(("’s", "'s"))):
        words = words[1:]
    return " ".join(words) or None
