"""Fixtures of the record's tests.

`loaded_record` runs the loader once per test module, inside a transaction
that is rolled back when the module ends; each test then runs in its own
savepoint on top of it (pytest-django's `db`), so a test that writes leaves
the next one the record exactly as loaded, and the record is loaded once per
module instead of once per test.
"""

import sys

import pytest
from django.db import transaction

from baliprocess.record.loader import record_load


@pytest.fixture(scope="module")
def loaded_record(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        try:
            tally = record_load()
        except BaseException:
            outer.__exit__(*sys.exc_info())
            raise
    yield tally
    with django_db_blocker.unblock():
        transaction.set_rollback(True)
        outer.__exit__(None, None, None)
