"""The database goes down and comes back: visitors get "temporarily
unavailable" (503, Retry-After) within 2 s, and the site recovers by itself.

A real PostgreSQL cluster of the test's own (initdb, pg_ctl) is stopped and
started under a real gunicorn running the production settings: nothing is
simulated. Skipped where the PostgreSQL server binaries are not installed.
"""

import contextlib
import glob
import os
import shutil
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import pytest
from django.db import connection

from tests.servers import (
    free_port,
    manage,
    production_environment,
    start_app_server,
    stop_app_server,
)

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="runs once, in the PostgreSQL run: the cluster it stops is its own",
)


def _server_binaries() -> Path | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"))
    return Path(found[-1]).parent if found else None


@dataclass
class Cluster:
    """A PostgreSQL cluster in a temporary directory, on its own port."""

    binaries: Path
    data: Path
    port: int

    def run(self, *command: str, timeout: int = 120) -> None:
        # The server refuses to run as root: run its tools as "postgres" then.
        prefix = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
        subprocess.run(  # noqa: S603 - PostgreSQL's own tools
            [*prefix, *command], check=True, timeout=timeout, capture_output=True
        )

    def start(self) -> None:
        options = f"-p {self.port} -c listen_addresses=127.0.0.1 -k {self.data.parent}"
        # The server's output goes to a file: on a pipe, it would hold this call open.
        log = str(self.data.parent / "server.log")
        self.run(
            str(self.binaries / "pg_ctl"),
            "-D",
            str(self.data),
            "-o",
            options,
            "-l",
            log,
            "-w",
            "start",
        )

    def stop(self) -> None:
        self.run(str(self.binaries / "pg_ctl"), "-D", str(self.data), "-m", "fast", "-w", "stop")

    @property
    def url(self) -> str:
        return f"postgres://postgres@127.0.0.1:{self.port}/postgres"


@pytest.fixture(scope="module")
def cluster():
    binaries = _server_binaries()
    if binaries is None:
        pytest.skip("the PostgreSQL server binaries (initdb, pg_ctl) are not installed")
    home = Path(tempfile.mkdtemp(prefix="bp-outage-", dir="/tmp"))
    if os.geteuid() == 0:
        shutil.chown(home, "postgres")
    cluster = Cluster(binaries=binaries, data=home / "data", port=free_port())
    cluster.run(str(binaries / "initdb"), "-D", str(cluster.data), "-U", "postgres", "-A", "trust")
    cluster.start()
    try:
        yield cluster
    finally:
        # It may be stopped already, by a failing test.
        with contextlib.suppress(subprocess.CalledProcessError):
            cluster.stop()
        shutil.rmtree(home, ignore_errors=True)


@pytest.fixture(scope="module")
def server(cluster, tmp_path_factory):
    files = tmp_path_factory.mktemp("outage")
    # The outage's error lines are expected: only a crash should be logged.
    environment = production_environment(
        files, database_url=cluster.url, DJANGO_LOG_LEVEL="CRITICAL"
    )
    manage(environment, "migrate", "--no-input", "-v0")
    manage(environment, "collectstatic", "--no-input", "-v0")
    app = start_app_server(environment)
    try:
        yield app
    finally:
        stop_app_server(app)


def _timed(app, path: str):
    started = time.monotonic()
    status, headers, text = app.request("GET", path)
    return status, headers, text, time.monotonic() - started


def test_an_outage_answers_503_within_2_s_and_the_site_recovers_by_itself(server, cluster):
    assert server.request("GET", "/meetings/")[0] == 200

    cluster.stop()
    try:
        for path in ("/meetings/", "/", "/members/", "/documents/", "/outcomes/"):
            status, headers, text, seconds = _timed(server, path)
            assert status == 503, path
            assert headers["Retry-After"] == "30"
            assert "Temporarily unavailable" in text
            assert headers["X-Request-ID"] in text  # the reference a user can quote
            assert seconds < 2, f"{path} took {seconds:.2f} s"
    finally:
        cluster.start()

    deadline = time.monotonic() + 15
    status = None
    while time.monotonic() < deadline and status != 200:
        status = server.request("GET", "/meetings/")[0]
        if status != 200:
            time.sleep(0.5)
    assert status == 200
