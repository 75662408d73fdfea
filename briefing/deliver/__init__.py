"""Getting a rendered briefing to its reader: files now, e-mail for the daily job."""

from briefing.deliver.files import write_atomic

__all__ = ["write_atomic"]
