"""Every request has an id: sent back as X-Request-ID, carried by its log
lines (as JSON in production) and shown on the error pages for a user to quote."""

import json
import logging

import pytest
from django import db
from django.conf import settings
from django.test import RequestFactory, override_settings

from baliprocess.lib.logs import RequestIdFilter, set_request_id
from baliprocess.views import server_error

pytestmark = pytest.mark.django_db


def test_every_response_carries_a_fresh_request_id(client):
    first = client.get("/")["X-Request-ID"]
    second = client.get("/")["X-Request-ID"]

    assert len(first) == 32
    assert int(first, 16) >= 0
    assert first != second


def test_a_clients_own_request_id_is_ignored_unless_the_proxy_sets_it(client):
    sent = {"HTTP_X_REQUEST_ID": "chosen-by-the-client-1234"}

    assert client.get("/", **sent)["X-Request-ID"] != "chosen-by-the-client-1234"
    with override_settings(REQUEST_ID_HEADER="HTTP_X_REQUEST_ID"):
        assert client.get("/", **sent)["X-Request-ID"] == "chosen-by-the-client-1234"
        # Not an id: text for the logs is never taken from a header.
        odd = client.get("/", HTTP_X_REQUEST_ID="a b\nforged log line")["X-Request-ID"]
        assert "forged" not in odd


def _error_page(exception: Exception):
    request = RequestFactory().get("/meetings/")
    request.request_id = "0123456789abcdef0123456789abcdef"
    try:
        raise exception
    except Exception:
        return server_error(request)


def test_the_500_page_shows_the_request_id_to_quote():
    response = _error_page(ValueError("a bug"))

    assert response.status_code == 500
    assert "0123456789abcdef0123456789abcdef" in response.text


@pytest.mark.parametrize(
    "exception",
    [
        db.OperationalError('connection failed: connection to server at "127.0.0.1" refused'),
        db.InterfaceError("connection already closed"),
    ],
)
def test_an_unreachable_database_is_a_503_with_retry_after(exception):
    response = _error_page(exception)

    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert "Temporarily unavailable" in response.text
    assert "0123456789abcdef0123456789abcdef" in response.text


def test_a_wrong_query_is_still_a_500_not_an_outage():
    response = _error_page(db.OperationalError("no such column: meetings_meeting.colour"))

    assert response.status_code == 500


def test_json_log_lines_carry_the_request_id():
    spec = dict(settings.LOGGING["formatters"]["json"])
    formatter_class = spec.pop("()")
    module, _, name = formatter_class.rpartition(".")
    formatter = getattr(__import__(module, fromlist=[name]), name)(**spec)
    record = logging.LogRecord("django.request", logging.ERROR, __file__, 1, "Boom", (), None)
    set_request_id("feedfacefeedfacefeedfacefeedface")
    RequestIdFilter().filter(record)

    line = json.loads(formatter.format(record))

    assert line["request_id"] == "feedfacefeedfacefeedfacefeedface"
    assert (line["level"], line["logger"], line["message"]) == ("ERROR", "django.request", "Boom")


def test_passwords_are_hashed_with_argon2_outside_the_tests():
    from django.contrib.auth.hashers import Argon2PasswordHasher, check_password, make_password

    from baliprocess.settings import base

    with override_settings(PASSWORD_HASHERS=base.PASSWORD_HASHERS):
        hashed = make_password("a-long-test-password", hasher=Argon2PasswordHasher())
        accepted = check_password("a-long-test-password", hashed)

    assert base.PASSWORD_HASHERS[0].endswith("Argon2PasswordHasher")
    assert hashed.startswith("argon2$")
    assert accepted
