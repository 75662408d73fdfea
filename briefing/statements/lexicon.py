"""The words that mark who said what in one language, kept as data so that rules stay readable.

Each supported language has one module in :mod:`briefing.statements.languages`
holding a :class:`Lexicon`; add words there, not in the patterns that use them.
Words are lower-case unless a field says they are matched as written (names,
titles and honorifics are matched with their capitals).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from importlib import import_module
from types import MappingProxyType

from briefing.languages import check_language

Gender = str
"""``"m"``, ``"f"``, ``""`` (a person of either), ``"p"`` (people, a body) or ``"n"`` (not a person)."""


def words(*groups: str) -> frozenset[str]:
    """A set of words written as space-separated groups, so that long lists stay compact."""
    return frozenset(word for group in groups for word in group.split())


def phrases(*groups: str) -> tuple[str, ...]:
    """Phrases written as comma-separated groups: ``phrases("on X, in a statement", "to reporters")``."""
    return tuple(phrase.strip() for group in groups for phrase in group.split(",") if phrase.strip())


def verb_forms(*groups: str) -> dict[str, tuple[str, ...]]:
    """Reporting verbs, comma-separated, lemma first: ``verb_forms("say says said, tell tells told")``."""
    return {row.split()[0]: tuple(row.split()[1:]) for row in phrases(*groups)}


@dataclass(frozen=True, eq=False)
class Lexicon:
    """One language's vocabulary of reporting: cue verbs, speaker phrases, titles, quotation marks."""

    verbs: Mapping[str, tuple[str, ...]]
    """Lemma -> the forms that introduce speech (finite forms and the past participle)."""
    gerunds: frozenset[str] = frozenset()
    """Forms that carry a clause on without a subject of their own: "…, saying “…"."""
    weak: frozenset[str] = frozenset()
    """Lemmas that report speech only right before a quote, a colon or "that" ("noted: “…"), not "noted a rise"."""
    not_inverted: frozenset[str] = frozenset()
    """Lemmas whose following noun is the one spoken to ("told reporters"), never the speaker."""
    not_indirect: frozenset[str] = frozenset()
    """Lemmas whose clause is not reported speech ("continued", "described")."""
    accusations: frozenset[str] = frozenset()
    """Forms whose object clause ("accused Y of …") is the statement."""
    cue_tails: tuple[str, ...] = ()
    """Phrases that complete a cue: "wrote on X", "said in a statement", "told reporters"."""
    according_to: tuple[str, ...] = ()
    """Words before a source: "according to X", "selon X", "laut X"."""
    according_after: tuple[str, ...] = ()
    """Words after a source: "X zufolge"."""
    quote_cues: tuple[str, ...] = ()
    """Words that name the speaker right after a quote and nowhere else: German „…“, so Müller."""
    auxiliaries: tuple[str, ...] = ()
    """Words allowed between a speaker and the cue ("Tarar earlier said", "Macron a déclaré")."""
    adverb_endings: tuple[str, ...] = ()
    """Endings of adverbs that may stand between a speaker and the cue ("-ly": "Morial forcefully told")."""
    complementisers: tuple[str, ...] = ()
    """Words that open a reported clause: "that", "dass", "que"."""
    pronouns: Mapping[str, Gender] = field(default_factory=dict)
    """Subject pronouns and what they may point back to."""
    hyphen_pronouns: bool = False
    """Whether a pronoun can hang on the verb with hyphens (French "dit-il", "a-t-elle ajouté")."""
    null_subject: bool = False
    """Whether a cue may stand with no subject at all (Spanish «…», dijo): its speaker is the person before."""
    determiners: frozenset[str] = frozenset()
    definite: frozenset[str] = frozenset()
    """Determiners that point back to someone named before: "the minister" is the minister named earlier."""
    person_nouns: frozenset[str] = frozenset()
    """Heads of descriptions that name one person or several ("a senior official", "der Sprecher")."""
    person_endings: tuple[str, ...] = ()
    """Endings of nouns for people ("-ist": "ecologist Ruth Kimani"): a name after one is a person's."""
    body_nouns: frozenset[str] = frozenset()
    """Heads of descriptions that name a body ("the ministry", "die Polizei")."""
    adjectives_after: bool = False
    """Whether adjectives follow the noun, so that a description runs on after its head ("el técnico italiano")."""
    compounds: bool = False
    """Whether nouns join into one word (German "Regierungssprecher"): heads and titles match as word endings."""
    feminine: frozenset[str] = frozenset()
    """Words (honorifics, titles, nouns, as written or lower-case) that say a person is a woman."""
    masculine: frozenset[str] = frozenset()
    feminine_suffixes: tuple[str, ...] = ()
    """Endings of titles that say a person is a woman (German "-in": "Ministerin")."""
    honorifics: frozenset[str] = frozenset()
    """Courtesy titles, as written: they mark a person but are not part of the name."""
    role_words: frozenset[str] = frozenset()
    """Capitalised words, as written, that head a title ("Minister", "Sen.")."""
    role_modifiers: frozenset[str] = frozenset()
    """Capitalised words that may stand in a title before its head ("Defence", "Prime")."""
    particles: tuple[str, ...] = ()
    """Lower-case words inside names ("Ursula von der Leyen")."""
    sentence_starters: frozenset[str] = frozenset()
    """Capitalised words, as written, that begin sentences and are never names."""
    body_heads: frozenset[str] = frozenset()
    """Last words, as written, of capitalised phrases that name institutions ("Ministry", "Party")."""
    non_person_heads: frozenset[str] = frozenset()
    """Last words, as written, of capitalised phrases that name places or things ("Street", "Treaty")."""
    conjunctions: frozenset[str] = frozenset()
    """Words that join two parts of one institution's name ("National Oceanic and Atmospheric Administration")."""
    prepositions: frozenset[str] = frozenset()
    """A capitalised run after these is an object ("the MP for Newcastle Central"), not a speaker."""
    stop_words: frozenset[str] = frozenset()
    """Words that end a speaker phrase read backwards from its cue ("and said", "which says")."""
    person_relatives: tuple[str, ...] = ()
    """Relative pronouns only people take ("who"): "Raj Patel, who studies here," is a person."""
    relatives: frozenset[str] = frozenset()
    """A cue after these opens a relative clause ("a woman who said"), not a statement of the subject."""
    time_words: frozenset[str] = frozenset()
    """Words that may follow a cue that ends a sentence: "…, officials said on Monday."."""
    claim_verbs: frozenset[str] = frozenset()
    """Words of decisions and events that make an unattributed sentence worth keeping."""
    months: frozenset[str] = frozenset()
    weekdays: frozenset[str] = frozenset()
    number_words: frozenset[str] = frozenset()
    """Words that make a sentence carry a figure."""
    quote_marks: tuple[str, ...] = ("“”", '""')
    """Pairs of quotation marks, opening then closing, as this language's press uses them."""

    def __post_init__(self) -> None:
        object.__setattr__(self, "verbs", MappingProxyType(dict(self.verbs)))
        object.__setattr__(self, "pronouns", MappingProxyType(dict(self.pronouns)))


@cache
def lexicon(language: str) -> Lexicon:
    """The lexicon of a supported language; an unsupported one is a :class:`~briefing.errors.ConfigError`."""
    found: Lexicon = import_module(f"briefing.statements.languages.{check_language(language)}").LEXICON
    return found
