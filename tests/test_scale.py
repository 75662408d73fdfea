"""Archive scale: the same briefing on a Dask cluster, near-copies by MinHash, stories within a time window."""

from __future__ import annotations

import json
import random
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

import briefing.distributed
from briefing.cli import main
from briefing.config import load_config
from briefing.loaders.dedupe import merge_duplicates
from briefing.models import Document

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples" / "articles"
DATE = "2026-11-23"
SYLLABLES = ["ka", "lo", "mi", "ren", "tu", "sa", "vor", "ne", "pi", "dal", "qu", "be", "stro", "ji", "fen"]
COMMON = [
    "the",
    "a",
    "of",
    "to",
    "in",
    "and",
    "on",
    "for",
    "with",
    "was",
    "is",
    "at",
    "by",
    "from",
    "that",
    "it",
    "as",
    "has",
]


def made_words(count: int, rng: random.Random, length: int = 4) -> list[str]:
    """``count`` distinct invented words of ``length`` syllables (at most 15 ** length): text no one else wrote."""
    found: dict[str, None] = {}
    while len(found) < count:
        found["".join(rng.choice(SYLLABLES) for _ in range(length))] = None
    return list(found)


def sentence(rng: random.Random, topic: list[str], vocabulary: list[str], words: int) -> str:
    """One sentence: the topic's words mixed with common and other invented words."""
    body = [
        rng.choice(topic) if roll < 0.3 else rng.choice(COMMON) if roll < 0.65 else rng.choice(vocabulary)
        for roll in (rng.random() for _ in range(words))
    ]
    return " ".join(body).capitalize() + "."


def write_pile(folder: Path, count: int, seed: int = 7) -> Path:
    """``count`` Markdown reports, eight or so per invented event, each dated and with a quote."""
    rng = random.Random(seed)
    vocabulary = made_words(3000, rng)
    names = [word.capitalize() for word in made_words(400, rng, length=3)]
    folder.mkdir()
    for number in range(count):
        event = number // 8
        event_rng = random.Random(event)
        topic = event_rng.sample(vocabulary, 12)
        person = f"{event_rng.choice(names)} {event_rng.choice(names)}"
        lines = [sentence(rng, topic, vocabulary, rng.randint(10, 16)) for _ in range(rng.randint(3, 5))]
        lines.insert(2, f'"{sentence(rng, topic, vocabulary, 10)[:-1]}," said {person}.')
        day = 1 + event % 28
        text = (
            f"---\ndate: 2026-10-{day:02d}\nlanguage: en\n---\n# {sentence(rng, topic, vocabulary, 7)[:-1]}\n\n"
            + " ".join(lines)
        )
        (folder / f"report-{number:05d}.md").write_text(text + "\n", encoding="utf-8")
    return folder


def built(inputs: Path, out: Path, *flags: str) -> bytes:
    """The JSON briefing of ``inputs`` built with ``flags``."""
    assert main(["build", str(inputs), "-o", str(out), "--date", DATE, "-q", *flags]) == 0
    return out.read_bytes()


@pytest.fixture(scope="module")
def scheduler() -> Iterator[str]:
    """The address of a LocalCluster of two worker processes, shared by the module's builds."""
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(
        n_workers=2,
        threads_per_worker=1,
        processes=True,
        dashboard_address="127.0.0.1:0",  # not Dask's 8787, which the test below holds
        scheduler_kwargs={"dashboard": False},
    ) as cluster:
        yield cluster.scheduler_address


@pytest.fixture(scope="module")
def pile(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_pile(tmp_path_factory.mktemp("pile") / "pile", 2000)


def test_the_examples_on_a_local_cluster_are_the_briefing_of_one_process(tmp_path: Path) -> None:
    alone = built(EXAMPLES, tmp_path / "alone.json", "--jobs", "1")
    with socket.socket() as dashboard:  # another Dask cluster's dashboard port, taken (if it is not already)
        try:
            dashboard.bind(("127.0.0.1", 8787))
            dashboard.listen()
        except OSError:
            pass
        assert built(EXAMPLES, tmp_path / "cluster.json", "--scheduler", "local", "--jobs", "2") == alone


def test_a_pile_of_2000_on_a_cluster_of_two_workers_is_the_briefing_of_one_process(
    scheduler: str, pile: Path, tmp_path: Path
) -> None:
    alone = built(pile, tmp_path / "alone.json", "--jobs", "1")
    assert built(pile, tmp_path / "cluster.json", "--scheduler", scheduler) == alone
    stories = json.loads(alone)["stories"]
    assert 200 <= len(stories) <= 300  # about one story per invented event: the pile is not one blur
    assert sum(len(story["statements"]) > 0 for story in stories) > len(stories) // 2


def test_a_scheduler_where_nothing_answers_is_a_config_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    pytest.importorskip("distributed")
    monkeypatch.setattr(briefing.distributed, "CONNECT_SECONDS", 1)
    with socket.socket() as probe:  # a port nothing listens on once the probe is closed
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    out = tmp_path / "brief.json"
    assert main(["build", str(EXAMPLES), "-o", str(out), "--scheduler", f"tcp://127.0.0.1:{port}"]) == 1
    errors = capsys.readouterr().err
    assert f"no Dask scheduler answers at tcp://127.0.0.1:{port}" in errors
    assert "Traceback" not in errors
    assert not out.exists()


def test_the_scheduler_is_read_from_the_config_file(tmp_path: Path) -> None:
    path = tmp_path / "briefing.toml"
    path.write_text('sources = ["in/*.md"]\n\n[dask]\nscheduler = "tcp://10.0.0.5:8786"\n', encoding="utf-8")
    assert load_config(path).build.run.scheduler == "tcp://10.0.0.5:8786"


def four_grams(text: str) -> set[tuple[str, ...]]:
    words = text.lower().split()
    return {tuple(words[at : at + 4]) for at in range(len(words) - 3)}


def jaccard(first: str, second: str) -> float:
    """The exact share of word 4-grams two texts have in common: what MinHash estimates."""
    one, other = four_grams(first), four_grams(second)
    return len(one & other) / len(one | other)


def near_copies(rng: random.Random, pairs: int) -> list[tuple[str, str]]:
    """Texts of 300 invented words, each with a copy that has 0 to 45 of its words changed."""
    vocabulary = made_words(20000, rng)
    made = []
    for _ in range(pairs):
        words = rng.sample(vocabulary, 300)
        copy = list(words)
        for at in rng.sample(range(300), rng.randint(0, 45)):
            copy[at] = rng.choice(vocabulary)
        made.append((" ".join(words), " ".join(copy)))
    return made


def test_minhash_merges_what_exact_shingles_call_copies_and_nothing_far_below() -> None:
    pairs = near_copies(random.Random(11), 1200)
    documents = [
        Document(id=f"{n}-{side}", text=text, url=f"https://example.org/{n}/{side}")
        for n, pair in enumerate(pairs)
        for side, text in enumerate(pair)
    ]
    merged_copies = {int(doc.id.split("-")[0]) for doc in merge_duplicates(documents) if doc.duplicates}
    overlap = [jaccard(*pair) for pair in pairs]
    near = [n for n, share in enumerate(overlap) if share >= 0.8]
    far = [n for n, share in enumerate(overlap) if share < 0.5]
    assert len(near) > 200 and len(far) > 200  # both kinds are well represented
    assert len(merged_copies & set(near)) / len(near) >= 0.98
    assert not merged_copies & set(far)
    assert len(merge_duplicates(documents)) == len(documents) - len(merged_copies)  # no text merged across pairs


def dated(folder: Path, name: str, day: str, text: str) -> None:
    (folder / name).write_text(f"---\ndate: {day}\n---\n{text}\n", encoding="utf-8")


def test_a_window_keeps_same_topic_reports_months_apart_in_two_stories(tmp_path: Path) -> None:
    folder = tmp_path / "archive"
    folder.mkdir()
    report = (
        "# Harbour crane {0} at Port Averley\n\n"
        "The harbour crane at Port Averley {0} on {1}, the port authority said. "
        "Dock workers at the container terminal stopped loading ships while engineers inspected the crane. "
        "The terminal handles most of the region's container traffic, and the crane is its largest."
    )
    dated(folder, "march.md", "2026-03-02", report.format("failed", "Monday"))
    dated(folder, "march-later.md", "2026-03-03", report.format("failed again", "Tuesday"))
    dated(folder, "october.md", "2026-10-14", report.format("broke down", "Wednesday"))

    def stories(*flags: str) -> list[list[str]]:
        brief = json.loads(built(folder, tmp_path / "brief.json", "--jobs", "1", *flags))
        return sorted(sorted(story["documents"]) for story in brief["stories"])

    assert stories() == [["march", "march-later", "october"]]
    assert stories("--window", "3") == [["march", "march-later"], ["october"]]


def test_dask_is_imported_only_for_a_scheduler(tmp_path: Path) -> None:
    script = (
        "import sys\nfrom briefing.cli import main\n"
        f"assert main(['build', {str(EXAMPLES)!r}, '-o', {str(tmp_path / 'b.json')!r}, '-q', '--jobs', '1']) == 0\n"
        "print(sorted(name for name in ('dask', 'distributed') if name in sys.modules))\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, check=True)
    assert done.stdout.strip() == "[]"
