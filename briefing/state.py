"""What the daily job remembers between runs, in one SQLite file.

    documents   every document briefed: content hash, URL, and the day whose briefing covered it
    briefings   every day built: its title, the files written, and the briefing itself (as JSON),
                which every later run for the day renders and mails again, unchanged
    stories     every day's stories: headline, documents, key-term profile, summary sentences, and
                since when and on which days the story ran, so that a later day can follow it
    deliveries  every attempt to send a day's briefing: ``sending`` when it starts, then how it ended
    links       the text of every page a feed entry linked to, fetched once (``follow_links``)

Each change is one ``BEGIN IMMEDIATE`` transaction with a busy timeout, so the
file is consistent whatever else reads it; whole runs are serialised by
:func:`run_lock`, a lock file beside the database that the operating system
releases when its process ends, however it ends. The schema grows by
:data:`MIGRATIONS`, one script per version, applied in order when a file is
opened; a new table is a new script at the end.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import fcntl
import hashlib
import json
import sqlite3
import time
import types
import typing
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast, get_args, get_origin, get_type_hints

from briefing.deliver.email import Outcome
from briefing.errors import StateError
from briefing.models import Briefing, Document

if TYPE_CHECKING:
    from briefing.continuity import EarlierStory

MIGRATIONS = (
    """
    CREATE TABLE IF NOT EXISTS briefings (
        date TEXT PRIMARY KEY,
        title TEXT NOT NULL,
        built_at TEXT NOT NULL,
        files TEXT NOT NULL
    );
    CREATE TABLE IF NOT EXISTS documents (
        hash TEXT PRIMARY KEY,
        url TEXT,
        path TEXT,
        title TEXT,
        briefing TEXT NOT NULL REFERENCES briefings(date)
    );
    CREATE INDEX IF NOT EXISTS documents_by_url ON documents(url);
    CREATE INDEX IF NOT EXISTS documents_by_briefing ON documents(briefing);
    CREATE TABLE IF NOT EXISTS deliveries (
        id INTEGER PRIMARY KEY,
        date TEXT NOT NULL,
        attempted_at TEXT NOT NULL,
        recipients TEXT NOT NULL,
        outcome TEXT NOT NULL CHECK (outcome IN ('sent', 'failed')),
        detail TEXT NOT NULL DEFAULT ''
    )
    """,
    """
    CREATE TABLE IF NOT EXISTS links (
        url TEXT PRIMARY KEY,
        text TEXT NOT NULL,
        fetched_at TEXT NOT NULL
    )
    """,
    """
    ALTER TABLE briefings ADD COLUMN briefing TEXT;
    CREATE TABLE deliveries_2 (
        id INTEGER PRIMARY KEY,
        date TEXT NOT NULL,
        attempted_at TEXT NOT NULL,
        recipients TEXT NOT NULL,
        outcome TEXT NOT NULL CHECK (outcome IN ('sending', 'sent', 'failed', 'unknown')),
        detail TEXT NOT NULL DEFAULT ''
    );
    INSERT INTO deliveries_2 SELECT id, date, attempted_at, recipients, outcome, detail FROM deliveries;
    DROP TABLE deliveries;
    ALTER TABLE deliveries_2 RENAME TO deliveries;
    CREATE INDEX deliveries_by_date ON deliveries(date)
    """,
    """
    CREATE TABLE IF NOT EXISTS stories (
        date TEXT NOT NULL REFERENCES briefings(date),
        position INTEGER NOT NULL,
        title TEXT NOT NULL,
        documents TEXT NOT NULL,
        profile TEXT NOT NULL,
        summary TEXT NOT NULL,
        first_seen TEXT NOT NULL,
        previous TEXT NOT NULL,
        PRIMARY KEY (date, position)
    )
    """,
)
"""The schema, version by version: script N takes a file from version N-1 to N (``PRAGMA user_version``)."""
SCHEMA_VERSION = len(MIGRATIONS)


def content_hash(document: Document) -> str:
    """The identity of a document's content, whatever it is called or wherever it was found."""
    return hashlib.sha256(document.text.encode("utf-8")).hexdigest()


def dump_briefing(briefing: Briefing) -> str:
    """The whole briefing as JSON, documents' text included, for :func:`load_briefing` to make again."""
    return json.dumps(_plain(briefing), ensure_ascii=False)


def load_briefing(text: str) -> Briefing:
    """The briefing :func:`dump_briefing` wrote; a field it lacks takes its default."""
    briefing: Briefing = _record(Briefing, json.loads(text))
    return briefing


def _plain(value: object) -> object:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value) if f.init}
    if isinstance(value, (tuple, list)):
        return [_plain(item) for item in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def _record(kind: Any, value: Any) -> Any:
    """``value`` (from JSON) as ``kind`` holds it: records, tuples and dates made again from their plain form."""
    if value is None:
        return None
    if isinstance(kind, type) and dataclasses.is_dataclass(kind):
        hints = get_type_hints(kind)
        return kind(
            **{
                f.name: _record(hints[f.name], value[f.name])
                for f in dataclasses.fields(kind)
                if f.init and f.name in value
            }
        )
    if get_origin(kind) is tuple:
        return tuple(_record(get_args(kind)[0], item) for item in value)
    if get_origin(kind) in (typing.Union, types.UnionType):
        (inner,) = (arg for arg in get_args(kind) if arg is not type(None))
        return _record(inner, value)
    if kind is dt.date:
        return dt.date.fromisoformat(value)
    return value


@dataclass(frozen=True)
class Delivery:
    """One attempt to send a day's briefing."""

    date: dt.date
    attempted_at: str
    recipients: tuple[str, ...]
    outcome: Outcome
    detail: str


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


class State:
    """The daily job's memory; open it with :meth:`open` (a context manager)."""

    def __init__(self, connection: sqlite3.Connection, path: Path) -> None:
        self._db = connection
        self.path = path

    @classmethod
    @contextlib.contextmanager
    def open(cls, path: str | Path, *, timeout: float = 30.0, snapshot: bool = False) -> Iterator[State]:
        """The state in ``path`` (created if missing, brought up to :data:`SCHEMA_VERSION`).

        Waits up to ``timeout`` s for a file another process is writing. With
        ``snapshot``, a copy in memory of the file as it is (an empty one if
        there is none): the file is only read, and stays as it was.
        """
        file = Path(path)
        try:
            if snapshot:
                connection = sqlite3.connect(":memory:", isolation_level=None)
                if file.exists():
                    uri = f"{file.resolve().as_uri()}?mode=ro"
                    with contextlib.closing(sqlite3.connect(uri, uri=True, timeout=timeout)) as source:
                        source.backup(connection)
            else:
                file.parent.mkdir(parents=True, exist_ok=True)
                connection = sqlite3.connect(file, timeout=timeout, isolation_level=None)
        except (OSError, sqlite3.Error) as exc:
            raise StateError(f"{file}: cannot open the state: {exc}") from None
        state = cls(connection, file)
        try:
            with state._transaction():
                version = connection.execute("PRAGMA user_version").fetchone()[0]
                if version > SCHEMA_VERSION:
                    raise StateError(f"{file}: made by a newer briefing (schema {version})")
                for script in MIGRATIONS[version:]:
                    for statement in filter(str.strip, script.split(";")):
                        connection.execute(statement)
                connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
            yield state
        finally:
            connection.close()

    @contextlib.contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        """One ``BEGIN IMMEDIATE`` transaction; SQLite errors become :class:`StateError`."""
        try:
            self._db.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            raise StateError(f"{self.path}: the state is busy or unusable: {exc}") from None
        except sqlite3.DatabaseError as exc:
            raise StateError(f"{self.path}: not a usable state file: {exc}") from None
        try:
            yield self._db
            self._db.execute("COMMIT")
        except BaseException as exc:
            if self._db.in_transaction:
                self._db.execute("ROLLBACK")
            if isinstance(exc, sqlite3.Error):
                raise StateError(f"{self.path}: the state could not be updated: {exc}") from None
            raise

    def _query(self, sql: str, *params: object) -> list[tuple[object, ...]]:
        try:
            return self._db.execute(sql, params).fetchall()
        except sqlite3.Error as exc:
            raise StateError(f"{self.path}: the state could not be read: {exc}") from None

    def covered_by(self, document: Document) -> dt.date | None:
        """The day whose briefing covered this document (same content, or the same URL)."""
        rows = self._query(
            "SELECT briefing FROM documents WHERE hash = ? OR (url IS NOT NULL AND url = ?) ORDER BY briefing LIMIT 1",
            content_hash(document),
            document.url,
        )
        return dt.date.fromisoformat(str(rows[0][0])) if rows else None

    def briefing_documents(self, date: dt.date) -> dict[str, str | None] | None:
        """The day's documents as content hash -> path or URL, or ``None`` if the day was not built."""
        if not self._query("SELECT 1 FROM briefings WHERE date = ?", date.isoformat()):
            return None
        rows = self._query("SELECT hash, COALESCE(path, url) FROM documents WHERE briefing = ?", date.isoformat())
        return {str(digest): None if where is None else str(where) for digest, where in rows}

    def kept_briefing(self, date: dt.date) -> Briefing | None:
        """The briefing built for the day, or ``None`` (not built, or built before briefings were kept)."""
        rows = self._query("SELECT briefing FROM briefings WHERE date = ? AND briefing IS NOT NULL", date.isoformat())
        if not rows:
            return None
        try:
            return load_briefing(str(rows[0][0]))
        except (ValueError, TypeError, KeyError) as exc:
            raise StateError(f"{self.path}: the briefing kept for {date} is damaged: {exc}") from None

    def record_briefing(self, briefing: Briefing, files: Iterable[Path]) -> None:
        """Keep the day's briefing, the files it was written to and the documents it covers."""
        date = briefing.date.isoformat()
        with self._transaction() as db:
            db.execute(
                "INSERT INTO briefings (date, title, built_at, files, briefing) VALUES (?, ?, ?, ?, ?) "
                "ON CONFLICT (date) DO UPDATE SET title = excluded.title, files = excluded.files, "
                "briefing = excluded.briefing",
                (date, briefing.title, _now(), json.dumps([f.name for f in files]), dump_briefing(briefing)),
            )
            db.executemany(
                "INSERT OR IGNORE INTO documents (hash, url, path, title, briefing) VALUES (?, ?, ?, ?, ?)",
                [(content_hash(d), d.url, d.path, d.title, date) for d in briefing.documents],
            )
            db.execute("DELETE FROM stories WHERE date = ?", (date,))
            db.executemany(
                "INSERT INTO stories (date, position, title, documents, profile, summary, first_seen, previous) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    (
                        date,
                        position,
                        story.title,
                        json.dumps(list(story.documents), ensure_ascii=False),
                        json.dumps(story.profile.plain(), ensure_ascii=False),
                        json.dumps([sentence.text for sentence in story.summary], ensure_ascii=False),
                        (story.first_seen or briefing.date).isoformat(),
                        json.dumps([day.isoformat() for day in story.previous]),
                    )
                    for position, story in enumerate(briefing.stories)
                    if story.profile is not None
                ],
            )

    def earlier_stories(self, date: dt.date, days: int) -> list[EarlierStory]:
        """The stories of the briefings of the ``days`` days before ``date``, to follow on ``date``."""
        from briefing.continuity import earlier_story

        since = (date - dt.timedelta(days=days)).isoformat()
        rows = self._query(
            "SELECT date, title, profile, summary, first_seen, previous FROM stories "
            "WHERE date >= ? AND date < ? ORDER BY date, position",
            since,
            date.isoformat(),
        )
        try:
            return [
                earlier_story(
                    {
                        "date": day,
                        "title": title,
                        "profile": json.loads(str(profile)),
                        "summary": json.loads(str(summary)),
                        "first_seen": first_seen,
                        "previous": json.loads(str(previous)),
                    }
                )
                for day, title, profile, summary, first_seen, previous in rows
            ]
        except (ValueError, TypeError, KeyError) as exc:
            raise StateError(f"{self.path}: the stories kept before {date} are damaged: {exc}") from None

    def start_delivery(self, date: dt.date, recipients: Iterable[str]) -> int:
        """Remember that an attempt to send the day's briefing begins; returns its number for :meth:`end_delivery`."""
        with self._transaction() as db:
            cursor = db.execute(
                "INSERT INTO deliveries (date, attempted_at, recipients, outcome) VALUES (?, ?, ?, 'sending')",
                (date.isoformat(), _now(), ", ".join(recipients)),
            )
        return int(cursor.lastrowid or 0)

    def end_delivery(self, attempt: int, outcome: Outcome, detail: str = "") -> None:
        """Remember how an attempt ended: one small update, the only work between the server's 250 and its record."""
        with self._transaction() as db:
            db.execute("UPDATE deliveries SET outcome = ?, detail = ? WHERE id = ?", (outcome, detail, attempt))

    def deliveries(self, date: dt.date) -> list[Delivery]:
        """Every attempt to send the day's briefing, oldest first."""
        rows = self._query(
            "SELECT date, attempted_at, recipients, outcome, detail FROM deliveries WHERE date = ? ORDER BY id",
            date.isoformat(),
        )
        return [
            Delivery(
                date=dt.date.fromisoformat(str(day)),
                attempted_at=str(at),
                recipients=tuple(str(to).split(", ")) if to else (),
                outcome=cast(Outcome, str(outcome)),  # the table's CHECK allows only these
                detail=str(detail),
            )
            for day, at, to, outcome, detail in rows
        ]

    def page(self, url: str) -> str | None:
        """The text of the page at ``url`` if a feed entry's link was followed to it before."""
        rows = self._query("SELECT text FROM links WHERE url = ?", url)
        return str(rows[0][0]) if rows else None

    def remember(self, url: str, text: str) -> None:
        """Remember the text of a page a feed entry links to, so that it is not fetched again."""
        with self._transaction() as db:
            db.execute("INSERT OR REPLACE INTO links (url, text, fetched_at) VALUES (?, ?, ?)", (url, text, _now()))

    def delivered(self, date: dt.date) -> bool:
        """Whether the day's briefing has been sent once already."""
        return any(d.outcome == "sent" for d in self.deliveries(date))


@contextlib.contextmanager
def run_lock(state_path: str | Path, *, timeout: float, sleep: Callable[[float], None] = time.sleep) -> Iterator[Path]:
    """Hold ``<state>.lock`` for one run; wait up to ``timeout`` s for another run, then refuse."""
    lock_path = Path(f"{state_path}.lock")
    try:
        lock_path.parent.mkdir(parents=True, exist_ok=True)
        handle = lock_path.open("a")
    except OSError as exc:
        raise StateError(f"{lock_path}: cannot open the lock file: {exc.strerror or exc}") from None
    deadline = time.monotonic() + timeout
    with handle:
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise StateError(f"another run holds {lock_path}; gave up after waiting {timeout:g} s") from None
                sleep(0.1)
        try:
            yield lock_path
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
