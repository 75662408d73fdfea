"""Names in a text: capitalised runs split into title and name, in any supported language.

A report names a person in full once ("Information Minister Attaullah Tarar")
and then by surname ("Tarar"), pronoun ("he") or role ("the minister"); the
:class:`~briefing.statements.speakers.People` index resolves those. This module
only reads names: which capitalised words form one, which of them are a title.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache

from briefing.statements.lexicon import Lexicon

_BLOCKS = ((0x41, 0x17F), (0x370, 0x3FF))
"""Basic and extended Latin, and modern Greek: the letters of the supported languages."""


def _letter_class(keep: Callable[[str], bool]) -> str:
    """A regex character class of the letters of :data:`_BLOCKS` that ``keep`` accepts, as ranges."""
    codes = [code for first, last in _BLOCKS for code in range(first, last + 1) if keep(chr(code))]
    ranges: list[tuple[int, int]] = []
    for code in codes:
        if ranges and ranges[-1][1] == code - 1:
            ranges[-1] = (ranges[-1][0], code)
        else:
            ranges.append((code, code))
    parts = (re.escape(chr(a)) if a == b else f"{re.escape(chr(a))}-{re.escape(chr(b))}" for a, b in ranges)
    return f"[{''.join(parts)}]"


UPPER = _letter_class(str.isupper)
LOWER = _letter_class(str.islower)
_WORD_BODY = rf"{UPPER}{LOWER}+(?:{UPPER}{LOWER}+)?"
NAME_WORD = (
    rf"(?:(?:(?:Mc|Mac|O['’]|D['’]|L['’])?{_WORD_BODY}|{UPPER}{{2,6}}s?)(?:-{_WORD_BODY}|-{UPPER}{{2,6}})*"
    rf"(?![^\W\d_])\.?|{UPPER}\.)"
)
"""One word of a name: "Tarar", "São", "McLaughlin", "O’Brien", "Jean-Luc", "NOAA", "J."."""

_WORD = re.compile(r"\S+")


def alternatives(words: Iterable[str]) -> str:
    """A regex alternation that tries longer phrases first; a space in a phrase matches any spaces."""
    return "|".join(re.escape(word).replace(r"\ ", r"\s+") for word in sorted(set(words), key=len, reverse=True))


@dataclass(frozen=True)
class Name:
    """A name as written, its title, and where it stands in the text."""

    start: int
    name: str
    title: str | None = None
    end: int = 0
    honorific: str | None = None
    """The courtesy title written before the name ("Ms"), which may tell whether this is a woman."""
    person: bool = False
    """Whether the words around the name say it is a person's ("astronomer Maura McLaughlin", "Ali, an analyst")."""

    @property
    def surname(self) -> str:
        return self.name.split()[-1]

    @property
    def is_full(self) -> bool:
        return len(self.name.split()) > 1


class NameReader:
    """The name-reading rules of one language."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        self.joiners = frozenset(word for particle in lexicon.particles for word in particle.split())
        joiners = alternatives(lexicon.particles) or "(?!)"
        self.pattern = rf"{NAME_WORD}(?:[ \u00a0]+(?:(?:{joiners})[ \u00a0]+)?{NAME_WORD})*"
        """A run of capitalised words, the raw material of names and titles."""
        self.chain = re.compile(rf"(?<![\w’'-]){self.pattern}")
        self.abbreviations = {word for word in lexicon.honorifics | lexicon.role_words if len(word) <= 4} | {
            "St",
            "Jr",
            "Sr",
        }
        self.title_words = lexicon.role_words | lexicon.role_modifiers
        self.bodies = lexicon.body_heads
        self.not_person = lexicon.body_heads | lexicon.non_person_heads
        self.role_endings = tuple(noun for noun in lexicon.person_nouns if len(noun) >= 4) if lexicon.compounds else ()
        self.never_names = (
            lexicon.sentence_starters
            | lexicon.weekdays
            | {form.capitalize() for forms in lexicon.verbs.values() for form in forms}
        )
        """Capitalised words that open a run without being names: "But", "Said" in "Said Olsen: “…”"."""

    def is_role(self, word: str) -> bool:
        """Whether a capitalised word heads a title ("Minister", and in German "Regierungssprecherin")."""
        bare = word.rstrip(".")
        if bare in self.lexicon.role_words:
            return True
        return bool(self.role_endings) and bare.lower().endswith(self.role_endings)

    def _groups(self, raw: str, start: int) -> Iterable[list[tuple[str, int]]]:
        """Split a capitalised run where a full stop ends a sentence inside it ("Kabul. Asif")."""
        group: list[tuple[str, int]] = []
        for match in _WORD.finditer(raw):
            word, at = match.group(), start + match.start()
            bare = word.rstrip(".")
            ends_sentence = word.endswith(".") and bare not in self.abbreviations and len(bare) > 1
            group.append((bare if ends_sentence else word, at))
            if ends_sentence:
                yield group
                group = []
        if group:
            yield group

    def _in_run(self, tokens: list[tuple[str, int]], k: int) -> bool:
        """Whether token ``k`` belongs to a capitalised run: capitalised, or a joiner inside one ("von der")."""
        if tokens[k][0][:1].isupper():
            return True
        before = next((w for w, _ in reversed(tokens[:k]) if w not in self.joiners), "")
        after = next((w for w, _ in tokens[k + 1 :] if w not in self.joiners), "")
        return tokens[k][0] in self.joiners and before[:1].isupper() and after[:1].isupper()

    def parse(self, tokens: list[tuple[str, int]]) -> Name | None:
        """Title, honorific and name of a speaker phrase; None when no name is left.

        The name is the capitalised run at the end; the words before it and the
        title words that open the run make the title ("Clinton campaign
        spokesman", "Information Minister"); an owner before the title ("the
        Taliban's chief justice") is left out of it, and so is an affiliation
        after the name ("Maura McLaughlin of West Virginia University").
        """
        lexicon = self.lexicon
        cut = max((k + 1 for k in range(len(tokens)) if not self._in_run(tokens, k)), default=0)
        descriptor, tokens = [word for word, _ in tokens[:cut]], tokens[cut:]
        last, before = (
            (descriptor[-1].lower(), descriptor[-2].lower() if len(descriptor) > 1 else "") if descriptor else ("", "")
        )
        if last in lexicon.prepositions or (last in lexicon.determiners and before in lexicon.prepositions):
            return None  # an object: "in São Paulo", "dans le Gers"
        after_article = bool(descriptor) and descriptor[-1].lower() in lexicon.determiners
        while descriptor and (descriptor[0].lower() in lexicon.determiners or _possessive(descriptor[0])):
            descriptor = descriptor[1:]
        honorific = next((word.rstrip(".") for word in descriptor if word.rstrip(".") in lexicon.honorifics), None)
        descriptor = [word for word in descriptor if word.rstrip(".") not in lexicon.honorifics]
        while tokens and tokens[0][0].rstrip(".") in self.never_names:
            after_article = after_article or tokens[0][0].lower() in lexicon.determiners
            tokens = tokens[1:]
        while tokens and tokens[-1][0].rstrip(".") in self.never_names:
            tokens = tokens[:-1]
        while tokens and _possessive(tokens[0][0]) and len(tokens) > 1 and not descriptor:
            tokens = tokens[1:]
        while tokens and tokens[0][0].rstrip(".") in lexicon.honorifics:
            honorific, tokens = tokens[0][0].rstrip("."), tokens[1:]
        bare = [word.rstrip(".") for word, _ in tokens]
        if len(bare) > 1 and all(word.isupper() for word in bare):
            return None  # A SHOUTED HEADLINE, not a name
        owner_end = max(
            (i + 1 for i, word in enumerate(bare[:-1]) if word in self.bodies and bare[i + 1] not in self.joiners),
            default=0,
        )
        if owner_end:  # "Washington Post Trump", "White House Press Secretary Karine Jean-Pierre"
            descriptor += [word for word, _ in tokens[:owner_end]]
            tokens, bare = tokens[owner_end:], bare[owner_end:]
        title_end = self._title_end(bare, after_article)
        while title_end < len(bare) and bare[title_end] in lexicon.honorifics:
            honorific, title_end = bare[title_end], title_end + 1
        name_end = self._name_end(bare, title_end, after_article)
        if name_end is None:
            return None
        title_words = [word for word, _ in tokens[:title_end] if word.rstrip(".") not in lexicon.honorifics]
        title = " ".join(descriptor + title_words) if title_words or descriptor else None
        name = " ".join(word for word, _ in tokens[title_end:name_end])
        end = tokens[name_end - 1][1] + len(tokens[name_end - 1][0])
        return Name(tokens[title_end][1], name, title, end, honorific)

    def _title_end(self, bare: list[str], after_article: bool) -> int:
        """How many words open the run as a title ("Defence Minister" of "Defence Minister Khawaja Asif").

        A word that is a title only by its ending ("…minister") is a title
        before a name, not as the last word ("Hans Richter"); a listed title may
        be the whole phrase ("the Labour MP"). In German, where every noun has a
        capital, an article before three capitalised words makes the first a
        noun: "die Krankenpflegerin Anna Brenner".
        """
        role_words = self.lexicon.role_words
        roles = [i for i, word in enumerate(bare) if self.is_role(word) and (word in role_words or i < len(bare) - 1)]
        if roles:
            return max(i + 1 for i, word in enumerate(bare) if word in self.title_words or i in roles)
        return 1 if self.lexicon.compounds and after_article and len(bare) >= 3 else 0

    def _name_end(self, bare: list[str], start: int, after_article: bool) -> int | None:
        """Where the name that begins at ``start`` ends; None when there is no person's name there.

        A run that names an institution or a place ("Ministerio de Hacienda",
        "Labour Party") is no name; an affiliation after a name is left out
        ("Maura McLaughlin of West Virginia University").
        A lone German noun ("Eine Mutter", "Bahnsprecher") is no name either.
        """
        words = bare[start:]
        if not words or words[0] in self.joiners or all(word in self.never_names for word in words):
            return None  # "Deutschland-Chef von Flixbus": a title and what it is of, no name
        if self.lexicon.compounds and len(words) == 1 and (after_article or self.is_role(words[0])):
            return None
        heads = [i for i, word in enumerate(words) if word in self.bodies]
        if words[-1] in self.lexicon.non_person_heads:  # a place or a thing ends its name: "Central Park"
            heads.append(len(words) - 1)
        if not heads:  # "Grace Whitfield of Northgate Research": a name, then where the person works
            prepositions = self.lexicon.prepositions
            split = next((i for i, word in enumerate(words) if word in prepositions and 2 <= i <= len(words) - 3), None)
            return start + split if split else len(bare)
        joiner = next((i for i, word in enumerate(words[: heads[0]]) if word in self.joiners), None)
        return start + joiner if joiner else None

    def name_of(self, raw: str, at: int) -> Name | None:
        """The name in a speaker phrase as written ("Information Minister Tarar", "Tarar.")."""
        group = next(iter(self._groups(raw, at)), [])
        return self.parse(group) if group else None

    def find_names(self, text: str, start: int = 0, end: int | None = None) -> list[Name]:
        """Every capitalised run in ``text[start:end]`` read as a name (persons or not)."""
        names = []
        for match in self.chain.finditer(text, start, len(text) if end is None else end):
            if match.group().isupper() and _shouted(text, match.start(), match.end()):
                continue
            for group in self._groups(match.group(), match.start()):
                name = self.parse(group)
                if name is not None:
                    names.append(name)
        return names


def _shouted(text: str, start: int, end: int) -> bool:
    """Whether capitals at ``text[start:end]`` stand among other words in capitals (a headline, not "NATO")."""
    before = text[max(0, start - 20) : start].split()[-1:]
    after = text[end : end + 20].split()[:1]
    return any(len(word) > 1 and word.isupper() for word in before + after)


def _possessive(word: str) -> bool:
    return word.endswith(("’s", "'s", "’", "s'")) and word[:1].isupper()


@cache
def name_reader(lexicon: Lexicon) -> NameReader:
    return NameReader(lexicon)
