"""What the daily job remembers between runs, in one SQLite file.

    documents   every document briefed: content hash, URL, and the day whose briefing covered it
    briefings   every day built: its title and the files written
    deliveries  every attempt to send a day's briefing, with its outcome
    links       the text of every page a feed entry linked to, fetched once (``follow_links``)

Each change is one ``BEGIN IMMEDIATE`` transaction with a busy timeout, so the
file is consistent whatever else reads it; whole runs are serialised by
:func:`run_lock`, a lock file beside the database that the operating system
releases when its process ends, however it ends.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import fcntl
import hashlib
import json
import sqlite3
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from briefing.errors import StateError
from briefing.models import Document

SCHEMA_VERSION = 1
SCHEMA = """
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
);
CREATE TABLE IF NOT EXISTS links (
    url TEXT PRIMARY KEY,
    text TEXT NOT NULL,
    fetched_at TEXT NOT NULL
);
"""

Outcome = Literal["sent", "failed"]


def content_hash(document: Document) -> str:
    """The identity of a document's content, whatever it is called or wherever it was found."""
    return hashlib.sha256(document.text.encode("utf-8")).hexdigest()


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
    def open(cls, path: str | Path, *, timeout: float = 30.0) -> Iterator[State]:
        """The state in ``path`` (created if missing); waits up to ``timeout`` s for a busy file."""
        file = Path(path)
        try:
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
                for statement in filter(str.strip, SCHEMA.split(";")):
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

    def record_briefing(self, date: dt.date, title: str, documents: Iterable[Document], files: Iterable[Path]) -> None:
        """Remember that the day's briefing was built from ``documents`` into ``files``."""
        with self._transaction() as db:
            db.execute(
                "INSERT INTO briefings (date, title, built_at, files) VALUES (?, ?, ?, ?) "
                "ON CONFLICT (date) DO UPDATE SET title = excluded.title, files = excluded.files",
                (date.isoformat(), title, _now(), json.dumps([f.name for f in files])),
            )
            db.executemany(
                "INSERT OR IGNORE INTO documents (hash, url, path, title, briefing) VALUES (?, ?, ?, ?, ?)",
                [(content_hash(d), d.url, d.path, d.title, date.isoformat()) for d in documents],
            )

    def record_delivery(self, date: dt.date, recipients: Iterable[str], outcome: Outcome, detail: str = "") -> None:
        """Remember one attempt to send the day's briefing and how it ended."""
        with self._transaction() as db:
            db.execute(
                "INSERT INTO deliveries (date, attempted_at, recipients, outcome, detail) VALUES (?, ?, ?, ?, ?)",
                (date.isoformat(), _now(), ", ".join(recipients), outcome, detail),
            )

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
                outcome="sent" if outcome == "sent" else "failed",
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
