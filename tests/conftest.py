"""Fixtures shared by the whole suite: one signed-in client per role, and the
watch on the anonymous page cache that every test runs under."""

import re

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.core.signals import request_finished, request_started
from django.db import connection

from baliprocess import roles
from baliprocess.apps import NOT_ON_ANONYMOUS_PAGES
from baliprocess.lib.cache import VERSION_KEY

WRITE_SQL = re.compile(r'\s*(?:INSERT\s+INTO|UPDATE|DELETE\s+FROM)\s+"?(\w+)', re.IGNORECASE)


class UnretiredPagesWatch:
    """Fails a test in which a write leaves current the version that pages were
    rendered under before it: a write path that forgot record_version_bump().

    A page test rarely asks for the same address twice, so a stale page would
    seldom be seen; this sees the cause instead, whichever page comes next.
    """

    def __init__(self) -> None:
        self.ignored_tables = {
            model._meta.db_table
            for model in apps.get_models(include_auto_created=True)
            if model._meta.app_label in NOT_ON_ANONYMOUS_PAGES
        }
        self.rendered_under: set[int] = set()
        self.writes: list[tuple[str, int | None]] = []

    def __call__(self, execute, sql, params, many, context):
        result = execute(sql, params, many, context)
        write = WRITE_SQL.match(sql)
        if write and write[1] not in self.ignored_tables:
            self.writes.append((sql, cache.get(VERSION_KEY)))
        return result

    def request_finished(self, **kwargs) -> None:
        # No version yet: no page was cached.
        version = cache.get(VERSION_KEY)
        if version is not None:
            self.rendered_under.add(version)

    def check(self, **kwargs) -> None:
        current = cache.get(VERSION_KEY)
        for sql, version in self.writes:
            if version == current and version in self.rendered_under:
                pytest.fail(f"This write left the pages cached before it current: {sql}")
        self.writes.clear()


@pytest.fixture(autouse=True)
def _page_cache_watch(request):
    """Each test starts with an empty cache: a test's transaction is rolled back,
    never committed, so no commit hook retires the pages it cached, and they
    would show the next test rows that no longer exist. The page cache stays on
    in every test, so a test that sees an old page has found a bug; and so
    does one in which a write retires no page (UnretiredPagesWatch)."""
    cache.clear()
    if request.node.get_closest_marker("writes_behind_the_cache"):
        yield  # the test leaves pages stale on purpose, to show they are retired after
        return
    watch = UnretiredPagesWatch()
    request_started.connect(watch.check, dispatch_uid="page-cache-watch-check")
    request_finished.connect(watch.request_finished, dispatch_uid="page-cache-watch-finished")
    try:
        with connection.execute_wrapper(watch):
            yield
        watch.check()
    finally:
        request_started.disconnect(dispatch_uid="page-cache-watch-check")
        request_finished.disconnect(dispatch_uid="page-cache-watch-finished")


@pytest.fixture
def role_groups(db):
    roles.roles_sync()
    return {name: Group.objects.get(name=name) for name in roles.ROLE_NAMES}


def _user(username, *, role_groups, role=None, is_staff=False):
    user = get_user_model().objects.create_user(
        username=username, password="a-long-test-password", is_staff=is_staff
    )
    if role:
        user.groups.add(role_groups[role])
    return user


@pytest.fixture
def member_user(role_groups):
    return _user("official", role_groups=role_groups, role=roles.MEMBER_OFFICIALS)


@pytest.fixture
def editor_user(role_groups):
    return _user("editor-user", role_groups=role_groups, role=roles.EDITORS, is_staff=True)


@pytest.fixture
def manager_user(role_groups):
    return _user("manager-user", role_groups=role_groups, role=roles.MANAGERS, is_staff=True)


@pytest.fixture
def plain_user(db):
    """Signed in, but in no role: sees what the public sees."""
    return get_user_model().objects.create_user(username="nobody", password="a-long-test-password")


@pytest.fixture
def member_client(client, member_user):
    client.force_login(member_user)
    return client


@pytest.fixture
def editor_client(client, editor_user):
    client.force_login(editor_user)
    return client


@pytest.fixture
def manager_client(client, manager_user):
    client.force_login(manager_user)
    return client
