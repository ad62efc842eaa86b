"""The anonymous page cache: never stale, never anyone's but the public's.

Every write to the record (through the admin, a service, the loader) shows on
the very next anonymous request; a signed-in visitor never gets the cached
page, and no cached page carries a cookie or a CSRF token; a hit costs no
database query; conditional requests get 304 Not Modified.
"""

import datetime
import io
import time

import pytest
from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection, transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.test import Client, RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from baliprocess.apps import NOT_ON_ANONYMOUS_PAGES
from baliprocess.lib.cache import (
    CLOCK_MARGIN_SECONDS,
    VERSION_KEY,
    local_today,
    page_cache_key,
    page_last_modified,
    record_version,
    record_version_bump,
)
from baliprocess.record.loader import record_load
from meetings.importers import DelegateRow, delegation_import
from meetings.models import Document, Meeting
from meetings.services import meetings_publish
from membership.models import Participant
from tests.baliprocess.test_settings import PRODUCTION_ENV, run_django
from tests.factories import DocumentFactory, MeetingFactory, ParticipantFactory
from tests.membership.test_admin import AdminForm, admin_url
from tests.portal import builders

pytestmark = pytest.mark.django_db


@pytest.fixture
def anonymous():
    """A visitor of its own: `client` is the one the role fixtures sign in."""
    return Client()


def cached_entry(path: str):
    """What the cache holds today for an anonymous GET of `path`, or None."""
    return cache.get(page_cache_key(RequestFactory().get(path), today=local_today()))


def queries_of(client, path: str, **headers) -> tuple[int, object]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path, headers=headers)
    return len(queries), response


def public_pages() -> list[str]:
    """An address of every kind of page, feed and file an anonymous visitor reads (the
    participant list downloads say Cache-Control: private, so none is cached)."""
    meeting = builders.full_meeting(custom_title="Regional Ministerial Meeting")
    document = meeting.documents.filter(visibility=Document.Visibility.PUBLIC).get()
    participant = meeting.delegations.first().participant
    return [
        "/",
        "/meetings/",
        meeting.get_absolute_url(),
        reverse("meetings:participant_list", args=[meeting.slug]),
        "/members/",
        participant.get_absolute_url(),
        "/groups/",
        "/workshops/",
        "/outcomes/",
        meeting.outcomes.get().get_absolute_url(),
        "/documents/",
        document.get_absolute_url(),
        "/search/?q=ministerial",
        "/feeds/documents/",
        "/feeds/documents/atom/",
        "/feeds/outcomes/",
        "/feeds/outcomes/atom/",
        "/calendar.ics",
        reverse("meeting_calendar", args=[meeting.slug]),
        "/sitemap.xml",
        "/robots.txt",
    ]


# --- Hits ----------------------------------------------------------------------------


def test_every_public_page_is_served_again_from_the_cache_without_a_query(anonymous):
    for path in public_pages():
        first = anonymous.get(path)
        count, again = queries_of(anonymous, path)

        assert first.status_code == 200, path
        assert (count, again.status_code, again.content) == (0, 200, first.content), path


def test_a_hit_keeps_every_header_of_the_page_and_sets_no_cookie(anonymous):
    for path in public_pages():
        first = anonymous.get(path)
        again = anonymous.get(path)

        assert again.cookies == {}, path
        assert "Set-Cookie" not in again.headers, path
        assert b"csrfmiddlewaretoken" not in again.content, path
        for header in ("Content-Type", "Content-Security-Policy", "X-Frame-Options", "Vary"):
            assert again.headers.get(header) == first.headers.get(header), (path, header)
        if first.headers["Content-Type"].startswith("text/html"):
            assert again.headers["Vary"] == "Cookie", path
        assert again.headers["Cache-Control"] == "no-cache", path


def test_a_head_request_is_answered_from_the_page_a_get_cached(anonymous):
    MeetingFactory(custom_title="Ad Hoc Group Meeting")
    first = anonymous.get("/meetings/")

    with CaptureQueriesContext(connection) as queries:
        head = anonymous.head("/meetings/")

    assert (len(queries), head.status_code, head.content) == (0, 200, b"")
    assert head.headers["ETag"] == first.headers["ETag"]


@pytest.mark.parametrize("item_count", [1, 3])
def test_a_hit_makes_no_query_at_any_size(anonymous, django_assert_num_queries, item_count):
    for _ in range(item_count):
        builders.full_meeting()
    anonymous.get("/")

    with django_assert_num_queries(0):
        response = anonymous.get("/")

    assert response.status_code == 200


def test_the_middleware_comes_right_after_whitenoise():
    middleware = settings.MIDDLEWARE

    position = middleware.index("baliprocess.middleware.AnonymousPageCacheMiddleware")

    assert middleware[position - 1] == "whitenoise.middleware.WhiteNoiseMiddleware"
    assert position < middleware.index("django.contrib.sessions.middleware.SessionMiddleware")


# --- Writes show on the next request ----------------------------------------------------


def test_an_admin_edit_shows_on_the_very_next_anonymous_request(anonymous, editor_client):
    participant = builders.member(short_name="Testland")
    page = participant.get_absolute_url()
    assert "<h1>Testland</h1>" in anonymous.get(page).text
    assert cached_entry(page) is not None

    form = AdminForm(editor_client, admin_url(Participant, "change", participant.pk))
    response = form.set(short_name="Newland").post()

    assert response.status_code == 302
    assert "<h1>Newland</h1>" in anonymous.get(page).text
    assert "Newland" in anonymous.get("/members/").text


def test_an_admin_delete_shows_on_the_very_next_anonymous_request(anonymous, manager_client):
    document = DocumentFactory(title="Withdrawn paper")
    assert "Withdrawn paper" in anonymous.get("/documents/").text

    response = manager_client.post(admin_url(Document, "delete", document.pk), {"post": "yes"})

    assert response.status_code == 302
    assert "Withdrawn paper" not in anonymous.get("/documents/").text


def test_a_bulk_write_of_the_delegate_import_shows_on_the_next_request(anonymous):
    meeting = MeetingFactory()
    fiji = ParticipantFactory(short_name="Fiji")
    page = reverse("meetings:participant_list", args=[meeting.slug])
    assert "Fiji" not in anonymous.get(page).text

    # bulk_create, bulk_update: no signals, so the service retires the pages itself.
    delegation_import(meeting=meeting, rows=[DelegateRow(row=2, participant=fiji, name="Ana")])

    assert "Fiji" in anonymous.get(page).text


def test_a_meeting_published_by_the_service_shows_on_the_next_request(anonymous, manager_user):
    meeting = MeetingFactory(custom_title="Tenth Ministerial Conference", is_published=False)
    assert "Tenth Ministerial Conference" not in anonymous.get("/meetings/").text

    meetings_publish(meeting_ids=[meeting.pk], published=True, user=manager_user)

    assert "Tenth Ministerial Conference" in anonymous.get("/meetings/").text


def test_a_queryset_update_followed_by_the_bump_shows(anonymous):
    meeting = MeetingFactory(custom_title="Old title")
    assert "Old title" in anonymous.get("/meetings/").text
    version = record_version()

    # What a service that writes with update() must do: update() sends no signal.
    Meeting.objects.filter(pk=meeting.pk).update(custom_title="New title", title="New title")
    assert record_version() == version
    record_version_bump()

    assert "New title" in anonymous.get("/meetings/").text


def test_the_loader_shows_on_the_next_request(anonymous):
    assert "Ministerial Conference" not in anonymous.get("/meetings/").text

    record_load()

    assert "Ministerial Conference" in anonymous.get("/meetings/").text


def test_every_model_shown_to_the_public_retires_the_pages_when_written():
    for model in apps.get_models(include_auto_created=True):
        listened = (
            post_save.has_listeners(model)
            and post_delete.has_listeners(model)
            and m2m_changed.has_listeners(model)
        )
        assert listened == (model._meta.app_label not in NOT_ON_ANONYMOUS_PAGES), model


def test_signing_in_leaves_the_cached_pages_alone(anonymous, member_user):
    anonymous.get("/")
    version = record_version()

    signed_in = Client()
    response = signed_in.post(
        reverse("login"), {"username": "official", "password": "a-long-test-password"}
    )

    assert response.status_code == 302
    assert record_version() == version
    assert queries_of(anonymous, "/")[0] == 0


# --- Only anonymous visitors, only pages meant for anyone ---------------------------------


def test_a_member_never_gets_the_anonymous_page_nor_leaves_one(anonymous, member_client):
    DocumentFactory(title="Public report")
    DocumentFactory(title="Members briefing", visibility=Document.Visibility.MEMBERS)

    before = anonymous.get("/documents/").text
    member = member_client.get("/documents/").text
    after_count, after = queries_of(anonymous, "/documents/")

    assert ("Public report" in before, "Members briefing" in before) == (True, False)
    assert "Members briefing" in member
    assert after_count == 0
    assert "Members briefing" not in after.text
    assert b"Members briefing" not in cached_entry("/documents/")[3]


def test_an_anonymous_visitor_never_gets_the_page_a_member_saw_first(anonymous, member_client):
    DocumentFactory(title="Members briefing", visibility=Document.Visibility.MEMBERS)

    assert "Members briefing" in member_client.get("/documents/").text
    assert cached_entry("/documents/") is None
    assert "Members briefing" not in anonymous.get("/documents/").text


def test_a_page_with_a_csrf_token_is_never_cached(anonymous):
    first = anonymous.get(reverse("login"))
    again = anonymous.get(reverse("login"))

    assert b"csrfmiddlewaretoken" in again.content
    assert settings.CSRF_COOKIE_NAME in first.cookies
    assert cached_entry(reverse("login")) is None


def test_a_visitor_with_a_message_waiting_passes_by_the_cache(anonymous):
    anonymous.get("/")
    anonymous.cookies["messages"] = "a message for this visitor"

    count, response = queries_of(anonymous, "/")

    assert response.status_code == 200
    assert count > 0


def test_error_pages_are_not_cached(anonymous):
    anonymous.get("/meetings/no-such-meeting/")

    assert cached_entry("/meetings/no-such-meeting/") is None


# --- Conditional requests -----------------------------------------------------------------


def test_a_current_etag_gets_304_and_a_changed_page_a_new_one(anonymous):
    MeetingFactory(custom_title="Ad Hoc Group Meeting")
    etag = anonymous.get("/meetings/").headers["ETag"]

    unchanged = anonymous.get("/meetings/", headers={"if-none-match": etag})
    MeetingFactory(custom_title="Workshop on Identity")
    changed = anonymous.get("/meetings/", headers={"if-none-match": etag})

    assert (unchanged.status_code, unchanged.content, unchanged.headers["ETag"]) == (304, b"", etag)
    assert changed.status_code == 200
    assert "Workshop on Identity" in changed.text
    assert changed.headers["ETag"] != etag


def test_a_304_is_answered_on_the_first_request_too(anonymous):
    etag = anonymous.get("/feeds/documents/").headers["ETag"]
    cache.clear()

    response = anonymous.get("/feeds/documents/", headers={"if-none-match": etag})

    assert response.status_code == 304


def test_if_modified_since_gets_304_until_the_record_changes(anonymous):
    # The record last changed a minute ago.
    cache.set(VERSION_KEY, time.time_ns() - 60 * 10**9, timeout=None)
    last_modified = anonymous.get("/feeds/outcomes/").headers["Last-Modified"]

    unchanged = anonymous.get("/feeds/outcomes/", headers={"if-modified-since": last_modified})
    builders.full_meeting()
    changed = anonymous.get("/feeds/outcomes/", headers={"if-modified-since": last_modified})

    assert unchanged.status_code == 304
    assert changed.status_code == 200


def test_last_modified_is_given_only_once_its_second_is_over():
    today, now = local_today(), time.time()

    def at(seconds_ago):
        return page_last_modified(version=int((now - seconds_ago) * 10**9), today=today, now=now)

    # Two versions within a second would share an HTTP date: no Last-Modified yet.
    assert at(0.5) is None
    assert at(CLOCK_MARGIN_SECONDS - 0.1) is None
    assert int(now) - 61 <= at(60) <= now - CLOCK_MARGIN_SECONDS


# --- Time passing with no write -------------------------------------------------------------


def test_the_key_changes_with_the_day_so_an_embargo_ends_at_midnight(anonymous):
    today = local_today()
    DocumentFactory(title="Public from today", embargo_until=today)
    DocumentFactory(title="Public from tomorrow", embargo_until=today + datetime.timedelta(days=1))
    request = RequestFactory().get("/documents/")

    page = anonymous.get("/documents/").text
    keys = [page_cache_key(request, today=today + datetime.timedelta(days=n)) for n in (-1, 0, 1)]

    assert ("Public from today" in page, "Public from tomorrow" in page) == (True, False)
    assert len(set(keys)) == 3
    assert [cache.get(key) is not None for key in keys] == [False, True, False]


def test_what_changes_with_time_changes_by_the_day():
    # The key's date covers these only while none of them holds a time of day.
    fields = [(Document, "embargo_until"), (Meeting, "start_date"), (Meeting, "end_date")]
    for model, field in fields:
        assert model._meta.get_field(field).get_internal_type() == "DateField"


# --- Transactions ------------------------------------------------------------------------------


@pytest.mark.django_db(transaction=True)
def test_a_committed_write_retires_the_pages_again_after_the_commit(anonymous):
    anonymous.get("/meetings/")

    with transaction.atomic():
        MeetingFactory(custom_title="Committed meeting")
        during = record_version()
    after = record_version()

    assert after != during
    assert "Committed meeting" in anonymous.get("/meetings/").text


@pytest.mark.django_db(transaction=True)
def test_a_rolled_back_write_leaves_no_page_showing_it(anonymous):
    anonymous.get("/meetings/")

    with pytest.raises(RuntimeError), transaction.atomic():  # noqa: PT012
        MeetingFactory(custom_title="Rolled back meeting")
        # The writer's own transaction sees its row, and caches a page with it.
        assert "Rolled back meeting" in anonymous.get("/meetings/").text
        raise RuntimeError

    assert "Rolled back meeting" not in anonymous.get("/meetings/").text


# --- The Redis backend, and the settings ---------------------------------------------------------


@pytest.fixture
def redis_db(settings):
    """Database 15 of the Redis at 127.0.0.1:6379, emptied, as the cache."""
    import redis

    server = redis.Redis(host="127.0.0.1", port=6379, db=15, socket_connect_timeout=1)
    try:
        server.flushdb()
    except redis.exceptions.ConnectionError as error:
        pytest.skip(f"no Redis server at 127.0.0.1:6379 to test the Redis backend with: {error}")
    settings.CACHES = {
        "default": {
            "BACKEND": "baliprocess.lib.cache.RedisCache",
            "LOCATION": "redis://127.0.0.1:6379/15",
        }
    }
    yield server
    server.flushdb()


def test_redis_serves_cached_pages_and_a_write_retires_them(
    redis_db, anonymous, django_assert_num_queries
):
    meeting = MeetingFactory(custom_title="First title")
    anonymous.get("/meetings/")

    with django_assert_num_queries(0):
        hit = anonymous.get("/meetings/")
    meeting.custom_title = "Second title"
    meeting.full_clean()
    meeting.save()
    after_write = anonymous.get("/meetings/")

    keys = {key.decode().split(":")[2] for key in redis_db.scan_iter()}
    assert keys == {"record-version", "page"}
    assert "First title" in hit.text
    assert "Second title" in after_write.text


@pytest.mark.writes_behind_the_cache  # the watch itself cannot read an unreachable cache
def test_a_save_while_redis_is_down_succeeds_and_its_pages_retire_when_redis_is_back(
    redis_db, anonymous, settings
):
    meeting = MeetingFactory(custom_title="First title")
    assert "First title" in anonymous.get("/meetings/").text
    reachable = settings.CACHES
    # A real Redis client talking to a port where nothing listens.
    settings.CACHES = {
        "default": {
            "BACKEND": "baliprocess.lib.cache.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/15",
            "OPTIONS": {"socket_connect_timeout": 0.2, "socket_timeout": 0.2},
        }
    }

    meeting.custom_title = "Second title"
    meeting.full_clean()
    meeting.save()
    while_down = anonymous.get("/meetings/")
    settings.CACHES = reachable
    after = anonymous.get("/meetings/")

    assert while_down.status_code == 200
    assert "Second title" in while_down.text  # rendered: the cache could not be read
    assert "Second title" in after.text  # the owed bump retired the page cached before
    assert Meeting.objects.get(pk=meeting.pk).title == "Second title"


def test_the_redis_backend_keeps_its_client_between_commands(redis_db):
    # Django 6.1 builds a client per command; ours keeps one (see lib.cache.RedisCache).
    # Should an upgrade of Django drop the hook it uses, this fails.
    backend = cache._cache

    backend.get_many(["a", "b"])
    client = backend.get_client()
    cache.set("c", 1)

    assert backend.get_client() is client
    assert backend.get_client(write=True) is backend.get_client(write=True)
    assert cache.get("c") == 1


def test_production_uses_redis_when_redis_url_is_set():
    result = run_django(
        "from django.conf import settings; "
        "print(settings.CACHES['default']['BACKEND'], settings.PAGE_CACHE_ENABLED)",
        settings="baliprocess.settings.production",
        **PRODUCTION_ENV,
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["baliprocess.lib.cache.RedisCache", "True"]


def test_production_without_redis_turns_the_page_cache_off_and_warns():
    result = run_django(
        "from django.conf import settings; from django.core.management import call_command; "
        "print(settings.PAGE_CACHE_ENABLED); call_command('check')",
        settings="baliprocess.settings.production",
        **{**PRODUCTION_ENV, "REDIS_URL": ""},
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[0] == "False"
    assert "baliprocess.W001" in result.stderr + result.stdout


@pytest.mark.writes_behind_the_cache
def test_retire_cached_pages_command_shows_a_change_made_outside_the_application(client):
    meeting = MeetingFactory(custom_title="Meeting before the fix")
    assert "Meeting before the fix" in client.get("/meetings/").text
    # As psql or a shell would: no signal, no service, no bump.
    Meeting.objects.filter(pk=meeting.pk).update(title="Meeting after the fix")
    assert "Meeting before the fix" in client.get("/meetings/").text  # stale, as expected
    before = record_version()
    out = io.StringIO()

    call_command("retire_cached_pages", stdout=out)

    assert "Meeting after the fix" in client.get("/meetings/").text
    assert out.getvalue() == (
        f"Cached pages retired: record version {before} → {record_version()}.\n"
    )
