"""Two app servers, no local state: what one writes, the other sees at once.

Two real gunicorn servers run the production settings on two ports and share
the test's PostgreSQL database, Redis and the uploaded-file storage, as app
servers behind a load balancer would. A delegate list previewed on one is
confirmed on the other, and the anonymous page cache of either never shows
the record as it was before a write made through the other.

PostgreSQL only: SQLite's test database lives in the test process's memory,
where no server can reach it.
"""

import socket
import uuid
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import quote, urlsplit

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import PBKDF2PasswordHasher
from django.contrib.auth.models import Group
from django.db import connection

from baliprocess import roles
from meetings.models import Delegate
from tests.factories import MeetingFactory, MembershipPeriodFactory, ParticipantFactory
from tests.servers import (
    AppServer,
    manage,
    production_environment,
    start_app_server,
    stop_app_server,
)

REDIS_URL = "redis://127.0.0.1:6379/13"
PASSWORD = "a-long-test-password"

pytestmark = [
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="app servers in other processes cannot reach SQLite's in-memory test database",
    ),
    pytest.mark.django_db(transaction=True),
]


def _redis_reachable() -> bool:
    try:
        with socket.create_connection(("127.0.0.1", 6379), timeout=1):
            return True
    except OSError:
        return False


def _database_url() -> str:
    settings = connection.settings_dict
    user = quote(settings["USER"] or "")
    password = f":{quote(settings['PASSWORD'])}" if settings["PASSWORD"] else ""
    host = settings["HOST"] or "127.0.0.1"
    port = settings["PORT"] or "5432"
    return f"postgres://{user}{password}@{host}:{port}/{settings['NAME']}"


@pytest.fixture(scope="module")
def server_environment(tmp_path_factory):
    """The environment both servers share, with the static files collected once."""
    if not _redis_reachable():
        pytest.skip("Redis does not answer at 127.0.0.1:6379")
    shared = tmp_path_factory.mktemp("app-servers")
    environment = production_environment(shared, database_url=_database_url(), REDIS_URL=REDIS_URL)
    manage(environment, "collectstatic", "--no-input", "-v0")
    return environment


@pytest.fixture
def servers(server_environment):
    import redis

    redis.Redis.from_url(REDIS_URL).flushdb()
    started = []
    try:
        started = [start_app_server(server_environment), start_app_server(server_environment)]
        yield started
    finally:
        for server in started:
            stop_app_server(server)


class _FormFields(HTMLParser):
    """The submittable fields of the form whose action ends with `action`."""

    def __init__(self, action: str):
        super().__init__()
        self.action = action
        self.inside = False
        self.select: str | None = None
        self.fields: dict[str, str] = {}

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "form":
            self.inside = (attributes.get("action") or "").endswith(self.action)
        elif not self.inside:
            return
        elif tag == "input" and attributes.get("name") and attributes.get("type") != "submit":
            if attributes.get("type") not in ("checkbox", "radio") or "checked" in attributes:
                self.fields[attributes["name"]] = attributes.get("value") or ""
        elif tag == "select":
            self.select = attributes.get("name")
        elif tag == "option" and self.select and "selected" in attributes:
            self.fields[self.select] = attributes.get("value") or ""

    def handle_endtag(self, tag):
        if tag == "form":
            self.inside = False
        elif tag == "select":
            self.select = None


def _form_fields(html: str, action: str) -> dict[str, str]:
    parser = _FormFields(action)
    parser.feed(html)
    return parser.fields


def _encoded(fields: dict[str, str]) -> tuple[bytes, dict[str, str]]:
    from urllib.parse import urlencode

    return urlencode(fields).encode(), {"Content-Type": "application/x-www-form-urlencoded"}


def _multipart(fields: dict[str, str], filename: str, content: bytes) -> tuple[bytes, dict]:
    boundary = uuid.uuid4().hex
    parts = [
        f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode()
        for name, value in fields.items()
    ]
    parts.append(
        f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="{filename}"\r\n'
        "Content-Type: text/csv\r\n\r\n".encode()
        + content
        + b"\r\n"
    )
    parts.append(f"--{boundary}--\r\n".encode())
    return b"".join(parts), {"Content-Type": f"multipart/form-data; boundary={boundary}"}


def _sign_in(server: AppServer, username: str) -> None:
    status, _headers, page = server.request("GET", "/accounts/login/")
    assert status == 200
    fields = _form_fields(page, "/accounts/login/")
    body, headers = _encoded({**fields, "username": username, "password": PASSWORD})
    status, _headers, page = server.request("POST", "/accounts/login/", body=body, headers=headers)
    assert status == 302, page[-2000:]
    assert "sessionid" in server.cookies


@pytest.fixture
def editor(db):
    roles.roles_sync()
    # Hashed as production hashes (the test settings' fast hasher is not among its hashers).
    hasher = PBKDF2PasswordHasher()
    user = get_user_model().objects.create(
        username="two-servers-editor",
        password=hasher.encode(PASSWORD, hasher.salt()),
        is_staff=True,
    )
    user.groups.add(Group.objects.get(name=roles.EDITORS))
    return user


@pytest.fixture
def meeting(db):
    nauru = ParticipantFactory(name="Republic of Nauru", short_name="Nauru")
    MembershipPeriodFactory(participant=nauru)
    return MeetingFactory(custom_title="Eighteenth Ad Hoc Group Senior Officials Meeting")


def _path(location: str) -> str:
    parts = urlsplit(location)
    return parts.path + (f"?{parts.query}" if parts.query else "")


NAURU_LIST = b"Country,Full name\r\nNauru,Jane Citizen\r\n"


def _upload(server: AppServer, meeting, content: bytes) -> str:
    """Upload a delegate list; the address of its preview."""
    upload_path = f"/admin/meetings/meeting/{meeting.pk}/import-delegates/"
    status, _headers, page = server.request("GET", upload_path)
    assert status == 200
    token = {"csrfmiddlewaretoken": _form_fields(page, "")["csrfmiddlewaretoken"]}
    body, headers = _multipart(token, "delegates.csv", content)
    status, headers, page = server.request("POST", upload_path, body=body, headers=headers)
    assert status == 302, page[-2000:]
    return _path(headers["Location"])


def _confirm(server: AppServer, preview_path: str) -> None:
    status, _headers, preview = server.request("GET", preview_path)
    assert status == 200
    assert "Jane Citizen" in preview
    body, headers = _encoded({**_form_fields(preview, ""), "action": "confirm"})
    status, _headers, page = server.request("POST", preview_path, body=body, headers=headers)
    assert status == 302, page[-2000:]


def test_an_import_previewed_on_one_server_is_confirmed_on_the_other(
    server_environment, servers, editor, meeting
):
    first, second = servers
    _sign_in(first, editor.username)
    second.cookies = first.cookies  # one browser; the load balancer picks a server per request

    _confirm(second, _upload(first, meeting, NAURU_LIST))

    assert list(Delegate.objects.values_list("name", "delegation__meeting")) == [
        ("Jane Citizen", meeting.pk)
    ]
    pending = Path(server_environment["DJANGO_MEDIA_ROOT"]) / "imports"
    assert [folder.name for folder in pending.iterdir()] == []  # the confirm removed it


def test_an_edit_through_one_server_shows_on_the_next_anonymous_request_to_the_other(
    servers, editor, meeting
):
    first, second = servers
    page_path = f"/meetings/{meeting.slug}/participants/"
    status, _headers, before = second.request("GET", page_path, cookies={})
    assert status == 200
    assert "Nauru" not in before
    assert second.request("GET", page_path, cookies={})[2] == before  # now from the cache
    _sign_in(first, editor.username)

    _confirm(first, _upload(first, meeting, NAURU_LIST))
    status, _headers, after = second.request("GET", page_path, cookies={})

    assert status == 200
    assert "Nauru" in after
