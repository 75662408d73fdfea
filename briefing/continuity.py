"""What a brief knows of earlier ones: which of today's stories continue an earlier story, and what
of them was told before.

An earlier brief's stories come from the daily job's state or from a JSON
brief (``--previous``), each with its date, its key-term profile, its
headline and its summary. A story of today continues an earlier one when the
grouping would have merged the two (:func:`briefing.summarize.cluster.same_story`
on their profiles): it keeps the earlier story's ``first_seen`` and the dates
of every brief that carried it. Its summary then prefers what is new: the
sentences that report a point an earlier brief already made (the same
sentence-level match as corroboration, :mod:`briefing.summarize.corroborate`)
are set aside and the summary is chosen again from the rest; only when too
little is new (fewer than :data:`FEWEST_POINTS`) do the earlier points come
back, marked with the date of the brief that carried them.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from os import PathLike
from pathlib import Path
from typing import TYPE_CHECKING, Any

from briefing.models import Document, InputWarning, Profile, SummarySentence
from briefing.options import SummaryOptions
from briefing.summarize.api import summarize_story
from briefing.summarize.cluster import StoryProfile, merge_threshold
from briefing.summarize.corroborate import SAME_POINT, StoryText, point_scores

if TYPE_CHECKING:
    from scipy.sparse import csr_matrix

MAX_PREVIOUS_BYTES = 50 * 1024 * 1024
"""Largest earlier JSON brief read."""
FEWEST_POINTS = 3
"""A summary with fewer new points than this takes back points told before to reach it: a story
that moved on by four points tells those four, not four and yesterday's lead."""


@dataclass(frozen=True)
class EarlierStory:
    """A story of an earlier brief, as much of it as following it needs."""

    date: dt.date
    """The date of the brief that carried it."""
    title: str
    profile: Profile
    summary: tuple[str, ...]
    first_seen: dt.date
    previous: tuple[dt.date, ...] = ()
    """The briefs before ``date`` that carried it."""


@dataclass(frozen=True)
class Continuation:
    """What a story of today takes from the earlier stories it continues."""

    first_seen: dt.date
    previous: tuple[dt.date, ...]
    """Every earlier brief that carried it, oldest first."""
    points: tuple[tuple[str, dt.date], ...]
    """The summary sentences those briefs showed, with the date of each brief."""


def profile_record(profile: StoryProfile) -> Profile:
    """The grouping's JSON-able profile as the record a story keeps."""
    return Profile.of(profile["documents"], profile["terms"])


def follow(profiles: Sequence[Profile], earlier: Sequence[EarlierStory], date: dt.date) -> list[Continuation | None]:
    """For each profile of today's stories, what it continues of the stories of briefs before ``date``.

    All similarities are one sparse product of today's profiles with the
    earlier ones, so a long history costs one matrix, not a loop over pairs.
    """
    import numpy as np

    before = [story for story in earlier if story.date < date]
    if not profiles or not before:
        return [None] * len(profiles)
    today, past = _profile_matrix([*profiles, *(story.profile for story in before)], len(profiles))
    similarity = (today @ past.T).toarray()
    pairs = np.outer([p.documents for p in profiles], [story.profile.documents for story in before])
    counts, at = np.unique(pairs, return_inverse=True)  # few distinct pair counts: the rule once per count
    threshold = np.array([merge_threshold(count) for count in counts.tolist()])[at].reshape(pairs.shape)
    found: list[Continuation | None] = []
    for row in similarity >= threshold:
        matched = [before[column] for column in np.flatnonzero(row).tolist()]
        found.append(_continuation(matched) if matched else None)
    return found


def _profile_matrix(profiles: Sequence[Profile], split: int) -> tuple[csr_matrix, csr_matrix]:
    """The profiles as rows over one vocabulary: the first ``split`` and the rest."""
    import numpy as np
    from scipy.sparse import csr_matrix

    columns: dict[str, int] = {}
    indices = [columns.setdefault(term, len(columns)) for profile in profiles for term in profile.terms]
    weights = [weight for profile in profiles for weight in profile.weights]
    indptr = np.cumsum([0, *(len(profile.terms) for profile in profiles)])
    matrix = csr_matrix((weights, indices, indptr), shape=(len(profiles), max(len(columns), 1)))
    return matrix[:split], matrix[split:]


def _continuation(matched: Sequence[EarlierStory]) -> Continuation:
    dates = sorted({story.date for story in matched} | {day for story in matched for day in story.previous})
    points = tuple((sentence, story.date) for story in matched for sentence in story.summary)
    return Continuation(first_seen=min(story.first_seen for story in matched), previous=tuple(dates), points=points)


def prefer_new(
    text: StoryText,
    documents: Sequence[Document],
    summary: Sequence[SummarySentence],
    options: SummaryOptions,
    points: Sequence[tuple[str, dt.date]],
) -> list[SummarySentence]:
    """The story's summary with what an earlier brief told (``points``) set aside while anything new is left;
    a point told before that stays is marked ``repeated_from``. ``text`` is the story's :class:`StoryText`
    with the points as its extra texts, in order.
    """
    if not points or not summary:
        return list(summary)
    told = point_scores(text, text.extra_rows) >= SAME_POINT
    told_on = {
        row: max(points[point][1] for point in told[:, row].nonzero()[0].tolist())
        for row in told.any(axis=0).nonzero()[0].tolist()
    }
    rows = [text.row(sentence) for sentence in summary]
    if not any(row in told_on for row in rows):
        return list(summary)
    spans: dict[str, list[tuple[int, int]]] = {}
    for row in told_on:
        sentence = text.sentences[row]
        spans.setdefault(sentence.document, []).append((sentence.start, sentence.end))
    rest = [_without(doc, spans.get(doc.id, ())) for doc in documents]
    fresh = [s for s in summarize_story(rest, replace(options, sentences=len(summary))) if text.row(s) not in told_on]
    room = min(len(summary), FEWEST_POINTS) - len(fresh)
    repeats = [s for s, row in zip(summary, rows, strict=True) if row in told_on][: max(room, 0)]
    order = {doc.id: n for n, doc in enumerate(documents)}

    def place(sentence: SummarySentence) -> tuple[int, int]:
        row = text.row(sentence)
        return (text.sentences[row].index if row is not None else len(text.sentences), order[sentence.document or ""])

    marked = [replace(s, repeated_from=told_on[row]) for s in repeats if (row := text.row(s)) is not None]
    return sorted([*fresh, *marked], key=place)


def _without(document: Document, spans: Sequence[tuple[int, int]]) -> Document:
    """``document`` with ``spans`` blanked in its prose as furniture is: offsets still point into its text."""
    if not spans:
        return document
    merged: list[tuple[int, int]] = []
    for start, end in sorted([*document.furniture, *spans]):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return replace(document, furniture=tuple(merged))


def earlier_stories(data: Mapping[str, Any]) -> list[EarlierStory]:
    """The stories of a JSON brief (``briefing build -o brief.json``) that carry a profile.

    Raises ValueError (or KeyError, TypeError, AttributeError) for JSON that is not such a brief.
    """
    return [
        earlier_story({**story, "date": data["date"], "summary": [sentence["text"] for sentence in story["summary"]]})
        for story in data["stories"]
        if story.get("profile")
    ]


def earlier_story(data: Mapping[str, Any]) -> EarlierStory:
    """A story as kept: ``date``, ``title``, ``profile`` (the grouping's JSON form), ``summary`` (texts),
    ``first_seen`` and ``previous`` (ISO dates; by default the story's own date, and none)."""
    date = dt.date.fromisoformat(str(data["date"]))
    profile = data["profile"]
    return EarlierStory(
        date=date,
        title=str(data["title"]),
        profile=Profile.of(
            int(profile["documents"]), {str(term): float(weight) for term, weight in dict(profile["terms"]).items()}
        ),
        summary=tuple(str(sentence) for sentence in data["summary"]),
        first_seen=dt.date.fromisoformat(str(data.get("first_seen") or date)),
        previous=tuple(dt.date.fromisoformat(str(day)) for day in data.get("previous") or ()),
    )


def read_previous(paths: Sequence[str | PathLike[str]]) -> tuple[list[EarlierStory], list[InputWarning]]:
    """The stories of earlier JSON briefs, and a warning for each file that is not one."""
    stories: list[EarlierStory] = []
    warnings: list[InputWarning] = []
    for path in map(Path, paths):
        try:
            with path.open("rb") as handle:
                raw = handle.read(MAX_PREVIOUS_BYTES + 1)
            if len(raw) > MAX_PREVIOUS_BYTES:
                raise ValueError("larger than an earlier brief can be")
            found = earlier_stories(json.loads(raw.decode("utf-8")))
        except OSError as exc:
            warnings.append(InputWarning(str(path), f"earlier brief not read: {exc.strerror or exc}"))
            continue
        except (ValueError, KeyError, TypeError, AttributeError, RecursionError) as exc:
            warnings.append(InputWarning(str(path), f"not a JSON brief of briefing's, not followed: {exc}"))
            continue
        if not found:
            warnings.append(
                InputWarning(str(path), "an earlier brief without story profiles (older briefing): not followed")
            )
        stories += found
    return stories, warnings
