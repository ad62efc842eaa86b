"""What the database says about writes that ran into each other."""

from django.db import DatabaseError, IntegrityError

# PostgreSQL's codes for a transaction it aborted because of another one: a deadlock
# (each waited on the other) and a serialization failure. Trying again may succeed.
CONFLICT_SQLSTATES = frozenset({"40P01", "40001"})


def is_write_conflict(error: DatabaseError) -> bool:
    """Whether `error` means another transaction's writes got in the way of this one's:
    a constraint the record met when it was checked but not when it was written, or a
    deadlock the database broke by aborting this transaction."""
    if isinstance(error, IntegrityError):
        return True
    return getattr(error.__cause__, "sqlstate", None) in CONFLICT_SQLSTATES
