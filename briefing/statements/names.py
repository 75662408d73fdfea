"""People named in a text: names apart from titles, and short references resolved.

A report names a person in full once ("Information Minister Attaullah Tarar")
and then by surname ("Tarar"), pronoun ("he") or role ("the minister"). The
:class:`People` index keeps every named mention in order, so that each short
reference can be resolved to the full name that came before it (or, failing
that, anywhere in the text or in other documents of the same story).
"""

from __future__ import annotations

import bisect
import re
import sys
from collections.abc import Iterable
from dataclasses import dataclass

from briefing.statements.lexicon import (
    DETERMINERS,
    HONORIFICS,
    NAME_PARTICLES,
    NON_PERSON_HEADS,
    REPORTING_VERBS,
    ROLE_MODIFIERS,
    ROLE_WORDS,
    SENTENCE_STARTERS,
)

_NAME_WORD = r"(?:(?:Mc|Mac|O['’]|D['’])?[A-Z][a-z]+(?:[A-Z][a-z]+)?(?:-[A-Z][a-z]+)?\.?|[A-Z]\.|CEO)"
_JOINER_WORDS = frozenset((*NAME_PARTICLES, "of"))
_JOINERS = "|".join(sorted(_JOINER_WORDS))
NAME_PATTERN = rf"{_NAME_WORD}(?:[ \u00a0]+(?:(?:{_JOINERS})[ \u00a0]+)?{_NAME_WORD})*"
"""A run of capitalised words, the raw material of names and titles."""

_CHAIN = re.compile(rf"(?<![\w’'-]){NAME_PATTERN}")
_WORD = re.compile(r"\S+")
_ABBREVIATIONS = {word for word in HONORIFICS | ROLE_WORDS if len(word) <= 4} | {"St", "Jr", "Sr"}
_TITLE_WORDS = ROLE_WORDS | ROLE_MODIFIERS
_PREPOSITIONS = frozenset({"of", "for", "at", "in", "from", "with", "by", "on", "against", "to", "about"})
"""A capitalised run after these is an object ("the Center for Public Research"), not a person."""
_DETERMINER_WORDS = frozenset(DETERMINERS)
_NEVER_NAMES = SENTENCE_STARTERS | {form.capitalize() for forms in REPORTING_VERBS.values() for form in forms}
"""Capitalised words that open a run without being names: "But", "Said" in "Said Olsen: “…”"."""


@dataclass(frozen=True)
class Name:
    """A person's name as written, its title, and where it stands in the text."""

    start: int
    name: str
    title: str | None = None
    honorific: bool = False

    @property
    def surname(self) -> str:
        return self.name.split()[-1]

    @property
    def is_full(self) -> bool:
        return len(self.name.split()) > 1


def _groups(raw: str, start: int) -> Iterable[list[tuple[str, int]]]:
    """Split a capitalised run where a full stop ends a sentence inside it ("Kabul. Asif")."""
    group: list[tuple[str, int]] = []
    for match in _WORD.finditer(raw):
        word, at = match.group(), start + match.start()
        bare = word.rstrip(".")
        ends_sentence = word.endswith(".") and bare not in _ABBREVIATIONS and len(bare) > 1
        group.append((bare if ends_sentence else word, at))
        if ends_sentence:
            yield group
            group = []
    if group:
        yield group


def _in_run(tokens: list[tuple[str, int]], k: int) -> bool:
    """Whether token ``k`` belongs to a capitalised run: capitalised, or a joiner inside one ("of")."""
    if tokens[k][0][:1].isupper():
        return True
    before = next((w for w, _ in reversed(tokens[:k]) if w not in _JOINER_WORDS), "")
    after = next((w for w, _ in tokens[k + 1 :] if w not in _JOINER_WORDS), "")
    return tokens[k][0] in _JOINER_WORDS and before[:1].isupper() and after[:1].isupper()


def _parse_name(tokens: list[tuple[str, int]]) -> Name | None:
    """Title, honorific and name of a speaker phrase; None when no name is left.

    The name is the capitalised run at the end; the words before it and the
    title words that open the run make the title ("Clinton campaign spokesman",
    "Information Minister").
    """
    cut = max((k + 1 for k in range(len(tokens)) if not _in_run(tokens, k)), default=0)
    descriptor, tokens = [word for word, _ in tokens[:cut]], tokens[cut:]
    if descriptor and descriptor[-1].lower() in _PREPOSITIONS:
        return None
    while descriptor and descriptor[0].lower() in _DETERMINER_WORDS:
        descriptor = descriptor[1:]
    while tokens and tokens[0][0].rstrip(".") in _NEVER_NAMES:
        tokens = tokens[1:]
    honorific = False
    while tokens and tokens[0][0].rstrip(".") in HONORIFICS:
        tokens, honorific = tokens[1:], True
    words = [word for word, _ in tokens]
    bare = [word.rstrip(".") for word in words]
    title_end = 0
    if any(word in ROLE_WORDS for word in bare):
        title_end = max(i + 1 for i, word in enumerate(bare) if word in _TITLE_WORDS)
    while title_end < len(words) and bare[title_end] in HONORIFICS:
        title_end, honorific = title_end + 1, True
    name_words = words[title_end:]
    if not name_words or name_words[-1].rstrip(".") in NON_PERSON_HEADS:
        return None
    title_words = [word for word in words[:title_end] if word.rstrip(".") not in HONORIFICS]
    title = " ".join(descriptor + title_words) if title_words or descriptor else None
    return Name(tokens[title_end][1], " ".join(name_words), title, honorific)


def name_of(raw: str, at: int) -> Name | None:
    """The name in a speaker phrase as written ("Information Minister Tarar", "Tarar.")."""
    group = next(iter(_groups(raw, at)), [])
    return _parse_name(group) if group else None


def find_names(text: str, start: int = 0, end: int | None = None) -> list[Name]:
    """Every capitalised run in ``text[start:end]`` read as a name (persons or not)."""
    names = []
    for match in _CHAIN.finditer(text, start, len(text) if end is None else end):
        for group in _groups(match.group(), match.start()):
            name = _parse_name(group)
            if name is not None:
                names.append(name)
    return names


class People:
    """The people of a text (or a story): who is named where, by full name and title.

    A capitalised name counts as a person's when it has a title or honorific,
    speaks under its full name, or speaks by a surname that a full name ends with;
    countries and institutions that "say" things stay out of pronoun resolution.
    """

    def __init__(self, names: Iterable[Name], speakers: Iterable[Name]) -> None:
        self._names = sorted(names, key=lambda name: name.start)
        speakers = list(speakers)
        full_surnames = {name.surname for name in self._names if name.is_full}
        person_surnames = (
            {name.surname for name in self._names if name.title or name.honorific}
            | {name.surname for name in speakers if name.is_full or name.title or name.honorific}
            | {name.surname for name in speakers if name.surname in full_surnames}
        )
        self._persons = [name for name in self._names if name.surname in person_surnames]
        self._person_starts = [name.start for name in self._persons]
        self._full: dict[str, list[Name]] = {}
        self._titles: dict[str, str] = {}
        for name in self._persons:
            if name.is_full:
                self._full.setdefault(name.surname, []).append(name)
        self._full_starts = {surname: [name.start for name in names] for surname, names in self._full.items()}
        for name in [*self._persons, *speakers]:
            if name.title:
                self._titles.setdefault(name.surname, name.title)
        self.others: list[People] = []
        """Indexes of the other documents of a story, asked when this one does not know a name."""

    def full_name(self, name: str, before: int) -> str:
        """The full form of ``name`` ("Asif" -> "Khawaja Asif"), the latest one before ``before``."""
        if len(name.split()) > 1:
            return name
        for people in (self, *self.others):
            found = people._full_name(name, before if people is self else sys.maxsize)
            if found is not None:
                return found
        return name

    def _full_name(self, surname: str, before: int) -> str | None:
        candidates = self._full.get(surname)
        if not candidates:
            return None
        index = bisect.bisect_left(self._full_starts[surname], before)
        return candidates[max(0, index - 1)].name

    def title(self, name: str) -> str | None:
        """The title this person was given anywhere in the text (or the story)."""
        surname = name.rsplit(maxsplit=1)[-1]
        found = self._titles.get(surname)
        for other in self.others:
            found = found or other._titles.get(surname)
        return found

    def last_person(self, before: int, role: str | None = None) -> Name | None:
        """The person named last before ``before``; with ``role``, the last whose title holds it."""
        index = bisect.bisect_left(self._person_starts, before)
        for name in reversed(self._persons[max(0, index - 50) : index]):
            if role is None or role in (self.title(name.name) or "").lower():
                return name
        return None
