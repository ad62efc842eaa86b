"""The anonymous page cache and the record version.

Anonymous visitors are served whole pages from the cache
(`baliprocess.middleware.AnonymousPageCacheMiddleware`). Each cached page is
stamped with the *record version* it was rendered under and served only while
that version is current. Every write to the record replaces the version
(`record_version_bump`: the signal receivers connected by `bump_on_every_write`,
and the services and loaders that write without signals), so the next request
after any change renders the page afresh, in every worker and on every app
server: the version lives in the same shared cache as the pages.

A page's key holds the rest of what its content depends on: the address it
was asked at (scheme, host, path and query), today's date in TIME_ZONE
(embargoes end and meetings stop being upcoming at midnight, with no write),
and a fingerprint of the code, templates and static files (a deploy changes
pages with no write either).
"""

import datetime
import functools
import hashlib
import logging
import threading
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import django
from django.apps import apps
from django.conf import settings
from django.core import checks
from django.core.cache import caches
from django.core.cache.backends import redis as django_redis
from django.db import DEFAULT_DB_ALIAS, transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpResponse
from django.utils import timezone

logger = logging.getLogger(__name__)

CACHE_ALIAS = "default"
VERSION_KEY = "record-version"
# Pages are keyed by the day, so an entry is worth nothing after a day.
PAGE_TIMEOUT = 24 * 60 * 60
# Larger responses (a big participant list as PDF) are rendered every time
# rather than crowd the pages out of the cache.
MAX_PAGE_BYTES = 4 * 1024 * 1024
# How far apart the clocks of two app servers may be; see page_last_modified.
CLOCK_MARGIN_SECONDS = 2


class RedisCache(django_redis.RedisCache):
    """Django's Redis cache, with one redis-py client per thread instead of a new
    one for every command.

    Django 6.1's RedisCacheClient.get_client() builds a redis.Redis around the
    shared connection pool on every call, and redis-py 8 fills a table of some
    170 response callbacks each time: that cost more than the round trip to
    Redis and cut the rate of cache hits by half. A cache backend belongs to one
    thread (django.core.cache.caches), so its client may be kept. With several
    servers (reads spread over replicas) this thread keeps reading from one.
    `_class` is Django's, not documented: test_page_cache checks it still works.
    """

    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = _RedisCacheClientKept


class _RedisCacheClientKept(django_redis.RedisCacheClient):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._kept: dict[bool, object] = {}

    def get_client(self, key=None, *, write=False):
        client = self._kept.get(write)
        if client is None:
            client = self._kept[write] = super().get_client(key, write=write)
        return client


def page_cache_enabled() -> bool:
    return settings.PAGE_CACHE_ENABLED


def _cache():
    return caches[CACHE_ALIAS]


# --- The record version -----------------------------------------------------


def _new_version() -> int:
    # A clock reading in nanoseconds: a number no earlier version had, whichever
    # worker or server takes it, so a bump needs no read first and a version lost
    # from the cache (a restart, an eviction) can start again anywhere.
    return time.time_ns()


# Set when a bump could not reach the cache: the next anonymous request of this
# process bumps before it reads a page (record_version_settle).
_bump_failed = threading.Event()


def _store_new_version() -> None:
    """Replace the version. A cache that cannot be reached (Redis down) must not
    turn a staff member's save into an error page: the failure is logged and the
    bump is owed, paid by this process's next anonymous request before it reads
    the cache, so pages cached before the write are never served after it."""
    try:
        _cache().set(VERSION_KEY, _new_version(), timeout=None)
    except Exception:
        _bump_failed.set()
        logger.error("The record version could not be bumped; retrying later.", exc_info=True)
    else:
        _bump_failed.clear()


def record_version() -> int:
    """The current record version (a nanosecond clock reading)."""
    version = _cache().get(VERSION_KEY)
    return version if version is not None else _first_version()


def _first_version() -> int:
    candidate = _new_version()
    cache = _cache()
    # add(): of two workers starting the count at once, both use the first's.
    cache.add(VERSION_KEY, candidate, timeout=None)
    return cache.get(VERSION_KEY) or candidate


class _BumpOnCommit:
    """The bump that one transaction owes when it commits. Every write in the
    transaction registers it with on_commit; the first call does it, once."""

    def __init__(self) -> None:
        self.done = False

    def __call__(self) -> None:
        if not self.done:
            self.done = True
            _store_new_version()


_owed = threading.local()


def _owed_bumps() -> dict[str, _BumpOnCommit]:
    if not hasattr(_owed, "by_alias"):
        _owed.by_alias = {}
    return _owed.by_alias


def record_version_bump(*, using: str = DEFAULT_DB_ALIAS) -> None:
    """Replace the record version, so no page cached before a write is served after it.

    Side effects: the version is replaced at once and, when `using` is inside a
    transaction, again after that transaction commits. Why both:

    - After the commit, because only then do other connections see the write: a
      page they render between the write and the commit shows the record as it
      was, and is stored under whichever version was current then, the old one
      or the one set at the write. The bump at commit retires both, so the
      first request after the commit renders the new record, in every worker.
      A bump at the write alone would leave those pages current.
    - At the write, because the writer's own connection reads its uncommitted
      rows: a page rendered inside the same transaction (the test suite, whose
      tests never commit; a command that writes and then renders) must not be
      served the copy cached before the write. It also retires what was cached
      before the write should the commit hook never run (an earlier on_commit
      hook raised). A bump at commit alone would leave those pages current.

    If the transaction is rolled back instead, the next request on this thread
    bumps again (record_version_settle): pages its own reads cached show rows
    that no longer exist.

    A cache that cannot be reached never fails the write: see _store_new_version.
    """
    if not page_cache_enabled():
        return
    _store_new_version()
    if transaction.get_connection(using).in_atomic_block:
        owed = _owed_bumps().get(using)
        if owed is None or owed.done:
            owed = _owed_bumps()[using] = _BumpOnCommit()
        transaction.on_commit(owed, using=using, robust=True)


def record_version_settle(*, using: str = DEFAULT_DB_ALIAS) -> None:
    """Bump now if a transaction of this thread wrote and ended without its commit
    hook running: it was rolled back, and a page rendered inside it, from rows
    that no longer exist, may have been cached under the version it set."""
    owed = _owed_bumps().get(using)
    if owed is not None and not owed.done and not transaction.get_connection(using).in_atomic_block:
        owed()
    if _bump_failed.is_set():
        _store_new_version()


def _bump_on_write(sender, using=DEFAULT_DB_ALIAS, **kwargs) -> None:
    record_version_bump(using=using)


def _bump_on_m2m_change(sender, action, using=DEFAULT_DB_ALIAS, **kwargs) -> None:
    if action.startswith("post_"):
        record_version_bump(using=using)


def bump_after_migrate(sender, using=DEFAULT_DB_ALIAS, **kwargs) -> None:
    """A post_migrate receiver: data migrations write through models that send no
    signals to our receivers, and a deploy usually migrates."""
    record_version_bump(using=using)


def bump_on_every_write(*, skip_apps: Iterable[str]) -> None:
    """Connect the version bump to every save, delete and many-to-many change of
    every installed model, except those of `skip_apps` (apps whose rows never show
    on a page an anonymous visitor sees). A new model bumps without being listed.

    QuerySet.update(), bulk_create(), bulk_update() and raw SQL send no signals:
    the code that writes that way calls record_version_bump() itself.
    """
    skipped = set(skip_apps)
    for model in apps.get_models(include_auto_created=True):
        if model._meta.app_label in skipped:
            continue
        label = model._meta.label_lower
        post_save.connect(_bump_on_write, sender=model, dispatch_uid=f"page-cache:save:{label}")
        post_delete.connect(_bump_on_write, sender=model, dispatch_uid=f"page-cache:delete:{label}")
        m2m_changed.connect(
            _bump_on_m2m_change, sender=model, dispatch_uid=f"page-cache:m2m:{label}"
        )


# --- What else a page depends on ----------------------------------------------


def local_today() -> datetime.date:
    """Today in settings.TIME_ZONE, the day every page's "today" means."""
    return timezone.localdate(timezone=timezone.get_default_timezone())


@dataclass(frozen=True)
class CodeFingerprint:
    digest: str
    # When the newest of the files changed (seconds since the epoch).
    newest_change: float


def _fingerprinted_files() -> list[Path]:
    roots = [
        Path(config.path)
        for config in apps.get_app_configs()
        if Path(config.path).is_relative_to(settings.BASE_DIR)
        and not {"site-packages", "dist-packages"} & set(Path(config.path).parts)
    ]
    for engine in settings.TEMPLATES:
        roots += [Path(folder) for folder in engine.get("DIRS", [])]
    for entry in settings.STATICFILES_DIRS:
        roots.append(Path(entry[1] if isinstance(entry, tuple | list) else entry))
    files = [Path(settings.BASE_DIR) / "constraints.txt"]  # the pinned dependencies
    for root in roots:
        files += (
            path
            for path in root.rglob("*")
            if path.is_file()
            and not any(
                part.startswith(".") or part == "__pycache__"
                for part in path.relative_to(root).parts
            )
        )
    return sorted(set(files))


@functools.cache
def code_fingerprint() -> CodeFingerprint:
    """The project's code, templates, static files and pinned dependencies, hashed
    once per process: a page rendered by other code is another page."""
    digest = hashlib.sha256(django.get_version().encode())
    newest = 0.0
    for path in _fingerprinted_files():
        try:
            content, changed = path.read_bytes(), path.stat().st_mtime
        except OSError:
            continue
        digest.update(str(path.relative_to(settings.BASE_DIR, walk_up=True)).encode())
        digest.update(hashlib.sha256(content).digest())
        newest = max(newest, changed)
    return CodeFingerprint(digest=digest.hexdigest(), newest_change=newest)


def page_cache_key(request, *, today: datetime.date) -> str:
    """Where the page `request` asks for is cached on `today` (the record version is
    checked against the entry, so one read fetches both; see page_lookup)."""
    address = hashlib.sha256(request.build_absolute_uri().encode()).hexdigest()
    return f"page:{today.isoformat()}:{code_fingerprint().digest[:16]}:{address}"


def page_last_modified(*, version: int, today: datetime.date, now: float) -> int | None:
    """The Last-Modified of a page rendered under `version` on `today`: when the
    last of its inputs changed (the record, the date, the code), in whole seconds.

    None while that moment is less than CLOCK_MARGIN_SECONDS old. HTTP dates
    have whole seconds, so two versions a fraction of a second apart would
    share a Last-Modified, and a client holding the first would be told the
    second was not modified. Given only once its second is over (with a margin
    for the clocks of other servers), a Last-Modified is older than any later
    version; until then the ETag alone answers conditional requests.
    """
    midnight = datetime.datetime.combine(
        today, datetime.time.min, tzinfo=timezone.get_default_timezone()
    ).timestamp()
    changed = max(version / 1e9, midnight, code_fingerprint().newest_change)
    if changed > now - CLOCK_MARGIN_SECONDS:
        return None
    return int(changed)


# --- Pages ----------------------------------------------------------------------


def page_lookup(key: str) -> tuple[int, HttpResponse | None]:
    """The current record version, and the page cached at `key` if it was
    rendered under that version: one round trip to the cache for both."""
    found = _cache().get_many([VERSION_KEY, key])
    version = found.get(VERSION_KEY)
    if version is None:
        version = _first_version()
    entry = found.get(key)
    if entry is None or entry[0] != version:
        return version, None
    _, status, headers, content = entry
    return version, HttpResponse(content, status=status, headers=headers)


def page_store(key: str, response: HttpResponse, *, version: int) -> None:
    """Cache `response` at `key` as rendered under `version` (the version read
    before rendering: a write during the rendering retires it)."""
    headers = {name: value for name, value in response.items() if name != "Last-Modified"}
    entry = (version, response.status_code, headers, response.content)
    _cache().set(key, entry, timeout=PAGE_TIMEOUT)


def page_etag(content: bytes) -> str:
    return f'"{hashlib.md5(content, usedforsecurity=False).hexdigest()}"'


def page_cache_check(app_configs=None, **kwargs) -> list[checks.CheckMessage]:
    if page_cache_enabled():
        return []
    return [
        checks.Warning(
            "The anonymous page cache is off: every page is rendered for every request.",
            hint=(
                "Set REDIS_URL to a Redis server that every app server shares. The page "
                "cache needs one cache for every process that serves pages or writes the "
                "record: with one per process, a change written through one worker would "
                "leave the pages cached by the others stale."
            ),
            id="baliprocess.W001",
        )
    ]
