"""Two transactions at once, on PostgreSQL: another staff member writing step by step
beside the code under test, to show what happens when their writes collide."""

import queue
import threading
import time

import pytest
from django.db import connection, connections, transaction

on_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="SQLite lets one writer in at a time"
)


class OtherStaffMember(threading.Thread):
    """Another staff member's transaction beside an import: it takes its steps one at a
    time, when the test says so, and commits at the test's word after the last one."""

    def __init__(self, *steps):
        super().__init__(daemon=True)
        self.steps = steps
        self.turn = threading.Semaphore(0)
        self.finished = queue.Queue()

    def run(self):
        try:
            with transaction.atomic():
                for step in self.steps:
                    self.turn.acquire(timeout=30)
                    step()
                    self.finished.put(step)
                self.turn.acquire(timeout=30)
        finally:
            connections.close_all()

    def take_step(self, *, wait=True):
        self.turn.release()
        if wait:
            self.finished.get(timeout=30)

    def commit(self):
        self.turn.release()
        self.join(30)


def wait_for_a_transaction_to_wait_on_a_lock():
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT count(*) FROM pg_stat_activity "
                "WHERE datname = current_database() AND wait_event_type = 'Lock'"
            )
            if cursor.fetchone()[0]:
                return
        time.sleep(0.05)
    raise AssertionError("no transaction came to wait on another's lock")
