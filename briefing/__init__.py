"""briefing: turn a pile of documents into a briefing a busy person reads in five minutes."""

__version__ = "0.1.0"
