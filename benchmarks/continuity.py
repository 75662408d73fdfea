"""Continuity: are a story's later days linked to its first, and are their summaries about what is new?

Usage::

    PYTHONPATH=. python benchmarks/continuity.py DATA/duc2004-grouping-dev.jsonl [--jobs N]

Each cluster's documents, in the order of their dates, are cut into three
parts of (nearly) equal size: the "days" 1, 2 and 3 of its story. Each day is
one pile of every cluster's part, briefed as the daily job would brief it
(:func:`briefing.pipeline.assemble_briefing` on dates one day apart), with the
briefs of the days before as its history, read back from their JSON form as
``briefing build --previous`` reads them. A story belongs to the cluster most
of its documents come from.

Printed, for days 2 and 3: how many clusters have a story linked to one of an
earlier day of the same cluster, and how many links join two clusters; then,
for the stories linked, how many of their summary points repeat a point an
earlier brief of the story showed, with and without the history (the same
days briefed afresh). A point repeats when the matcher says it reports the
same (``SAME_POINT``) and, as a check that does not depend on the matcher,
when it shares at least 60 % of its distinct content words with an earlier point.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from benchmarks.evaluation_data import read_rows
from briefing.continuity import EarlierStory, earlier_stories
from briefing.models import Briefing, Document, Story
from briefing.options import BuildOptions, RunOptions
from briefing.pipeline import assemble_briefing
from briefing.render.core import briefing_to_dict
from briefing.summarize.corroborate import SAME_POINT, point_scores, story_text
from briefing.summarize.terms import event_terms

FIRST_DAY = dt.date(2026, 11, 23)
SHARED_WORDS = 0.6


def split_days(rows: dict[str, dict[str, object]]) -> list[list[Document]]:
    """Three piles of documents: each cluster's documents in date order, cut into three."""
    days: list[list[Document]] = [[], [], []]
    for row_id, row in rows.items():
        texts, dates = row["documents"], row["dates"]
        assert isinstance(texts, list) and isinstance(dates, list)
        order = sorted(range(len(texts)), key=lambda n: (dates[n], n))
        size, extra = divmod(len(order), 3)
        start = 0
        for day in range(3):
            end = start + size + (day < extra)
            for n in order[start:end]:
                published = FIRST_DAY + dt.timedelta(days=day)
                days[day].append(Document(f"{row_id}/{n}", texts[n], published=published, language="english"))
            start = end
    return days


def cluster_of(story: Story) -> str:
    return Counter(doc.rsplit("/", 1)[0] for doc in story.documents).most_common(1)[0][0]


def repeats(story: Story, documents: Sequence[Document], told: Sequence[str]) -> tuple[int, int]:
    """How many of a story's summary points repeat one of ``told``: by the matcher, and by shared words."""
    if not told or not story.summary:
        return 0, 0
    text = story_text(documents, extra=[*told, *(s.text for s in story.summary)])
    rows = text.extra_rows
    scores = point_scores(text, rows[len(told) :], rows[: len(told)])
    by_matcher = int((scores >= SAME_POINT).any(axis=1).sum())
    told_words = [set(event_terms(point, "english")) for point in told]
    by_words = 0
    for sentence in story.summary:
        words = set(event_terms(sentence.text, "english"))
        by_words += any(words and len(words & other) >= SHARED_WORDS * len(words) for other in told_words)
    return by_matcher, by_words


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("data", type=Path, help="duc2004-grouping-dev.jsonl")
    parser.add_argument("--jobs", type=int, default=1)
    args = parser.parse_args()
    rows = read_rows(args.data)
    days = split_days(rows)
    options = BuildOptions(run=RunOptions(jobs=args.jobs))
    history: list[EarlierStory] = []
    briefs: list[Briefing] = []
    for number, pile in enumerate(days):
        date = FIRST_DAY + dt.timedelta(days=number)
        briefing = assemble_briefing(pile, options, date=date, history=history)
        briefs.append(briefing)
        history += earlier_stories(json.loads(json.dumps(briefing_to_dict(briefing))))
    for number in (1, 2):
        briefing = briefs[number]
        fresh = assemble_briefing(days[number], options, date=briefing.date)  # no history
        earlier = {(cluster_of(story), brief.date): story for brief in briefs[:number] for story in brief.stories}
        linked, joined = set(), 0
        counts = Counter[str]()
        for story in briefing.stories:
            cluster = cluster_of(story)
            counts["stories"] += 1
            counts["could link"] += any(key[0] == cluster for key in earlier)
            if not story.previous:
                continue
            own = [earlier[(cluster, day)] for day in story.previous if (cluster, day) in earlier]
            if not own:
                joined += 1
                continue
            linked.add(cluster)
            counts["linked"] += 1
            told = [sentence.text for old in own for sentence in old.summary]
            documents = [briefing.document(doc) for doc in story.documents]
            twin = max(fresh.stories, key=lambda other: len(set(other.documents) & set(story.documents)))
            after, before = repeats(story, documents, told), repeats(twin, documents, told)
            counts.update(
                points=len(story.summary),
                repeated=after[0],
                repeated_words=after[1],
                marked=sum(1 for s in story.summary if s.repeated_from),
                points_before=len(twin.summary),
                repeated_before=before[0],
                repeated_words_before=before[1],
            )
        clusters = len({cluster_of(story) for story in briefing.stories})
        print(
            f"day {number + 1}: {len(linked)} of {len(rows)} clusters linked to an earlier day of their story "
            f"({clusters} clusters have a story that day); stories: {counts['linked']} of {counts['could link']} "
            f"with an earlier story of their cluster linked to it ({counts['stories']} stories in all); "
            f"{joined} linked to another cluster's story only"
        )
        print(
            f"  points of linked stories repeating an earlier brief: with the history "
            f"{counts['repeated']}/{counts['points']} by the matcher, {counts['repeated_words']} by shared words "
            f"({counts['marked']} marked as repeated); briefed afresh {counts['repeated_before']}/"
            f"{counts['points_before']} by the matcher, {counts['repeated_words_before']} by shared words"
        )


if __name__ == "__main__":
    main()
