"""Real app servers for the tests that need one: gunicorn in another process,
running the settings the caller's environment names, and a small HTTP client.
"""

import http.client
import os
import socket
import subprocess
import sys
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
STARTUP_SECONDS = 60


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@dataclass
class AppServer:
    port: int
    process: subprocess.Popen
    cookies: dict[str, str] = field(default_factory=dict)

    def request(self, method: str, path: str, *, body: bytes = b"", headers=None, cookies=None):
        """One request; `cookies` (the server's signed-in session by default)
        are sent whatever their Secure flag, as the load balancer's TLS would."""
        jar = self.cookies if cookies is None else cookies
        sent = dict(headers or {})
        if jar:
            sent["Cookie"] = "; ".join(f"{name}={value}" for name, value in jar.items())
        client = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        try:
            client.request(method, path, body=body or None, headers=sent)
            response = client.getresponse()
            text = response.read().decode("utf-8", errors="replace")
        finally:
            client.close()
        for header, value in response.getheaders():
            if header.lower() == "set-cookie":
                name, _, rest = value.partition("=")
                jar[name.strip()] = rest.split(";", 1)[0]
        return response.status, dict(response.getheaders()), text


def start_app_server(environment) -> AppServer:
    port = free_port()
    process = subprocess.Popen(  # noqa: S603 - the project's own gunicorn
        [
            str(Path(sys.executable).with_name("gunicorn")),
            "baliprocess.wsgi",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            "1",
        ],
        cwd=ROOT,
        env=environment,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"gunicorn stopped: {process.stderr.read().decode()[-2000:]}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return AppServer(port=port, process=process)
        except OSError:
            time.sleep(0.2)
    process.kill()
    raise RuntimeError(f"gunicorn did not answer on port {port} in {STARTUP_SECONDS} s")


def stop_app_server(server: AppServer) -> None:
    """Stop it; print its traceback, if it logged one, for pytest to show on failure."""
    server.process.terminate()
    try:
        server.process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        server.process.kill()
    errors = server.process.stderr.read().decode(errors="replace")
    server.process.stderr.close()
    if "Traceback" in errors:
        print(errors[-5000:])


def production_environment(files: Path, *, database_url: str, **extra: str) -> dict[str, str]:
    """This process's environment with the production settings on top: a fresh
    secret key, 127.0.0.1 as the host, no TLS redirect, files under `files`,
    the database at `database_url`; `extra` adds or overrides variables."""
    environment = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith("DJANGO_") and key not in ("DATABASE_URL", "REDIS_URL")
    }
    environment.update(
        DJANGO_SETTINGS_MODULE="baliprocess.settings.production",
        DJANGO_SECRET_KEY=f"test-{uuid.uuid4().hex}-{uuid.uuid4().hex}",
        DJANGO_ALLOWED_HOSTS="127.0.0.1",
        DJANGO_SECURE_SSL_REDIRECT="false",
        DJANGO_SECURE_HSTS_SECONDS="0",
        DJANGO_MEDIA_ROOT=str(files / "media"),
        DJANGO_STATIC_ROOT=str(files / "static"),
        DJANGO_LOG_LEVEL="WARNING",
        DATABASE_URL=database_url,
    )
    environment.update(extra)
    return environment


def manage(environment: dict[str, str], *command: str) -> None:
    """`manage.py <command>` in another process, with `environment`."""
    subprocess.run(  # noqa: S603 - the project's own manage.py
        [sys.executable, "manage.py", *command],
        cwd=ROOT,
        env=environment,
        check=True,
        timeout=600,
    )
