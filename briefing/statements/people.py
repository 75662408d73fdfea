"""Who's who: the people and bodies quoted in a briefing, with their titles, stories and statements."""

from __future__ import annotations

from collections.abc import Sequence

from briefing.models import Person, Statement, Story


def who_is_who(stories: Sequence[Story]) -> tuple[Person, ...]:
    """Everyone a briefing quotes by name, in the order a reader meets them.

    Only named speakers count ("a senior official" is nobody to look up). A
    speaker known in one story only by surname ("Asif") is the one person of
    the briefing whose full name ends with it ("Khawaja Asif"); the title is
    the first one a statement gives.
    """
    said = [(index, statement) for index, story in enumerate(stories) for statement in _in_reading_order(story)]
    said = [(index, statement) for index, statement in said if statement.named and statement.speaker]
    full_names: dict[str, set[str]] = {}  # by surname: one look-up per statement, not a pass over every name
    for _, statement in said:
        if statement.speaker and " " in statement.speaker:
            full_names.setdefault(statement.speaker.rsplit(maxsplit=1)[-1], set()).add(statement.speaker)
    people: dict[str, list[tuple[int, Statement]]] = {}
    for index, statement in said:
        people.setdefault(_full(statement.speaker or "", full_names), []).append((index, statement))
    return tuple(
        Person(
            name=name,
            title=next((statement.speaker_title for _, statement in found if statement.speaker_title), None),
            stories=tuple(dict.fromkeys(index for index, _ in found)),
            statements=tuple(statement for _, statement in found),
        )
        for name, found in people.items()
    )


def _in_reading_order(story: Story) -> list[Statement]:
    """The statements the brief shows first, then the others, each group best first."""
    return sorted(story.statements, key=lambda statement: not statement.shown)


def _full(name: str, full_names: dict[str, set[str]]) -> str:
    """ "Asif" -> "Khawaja Asif" when exactly one full name of the briefing (by surname) ends with it."""
    if " " in name:
        return name
    longer = full_names.get(name, set())
    return next(iter(longer)) if len(longer) == 1 else name
