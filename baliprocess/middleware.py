"""Request ids, the anonymous page cache in front of the portal (the machinery:
baliprocess.lib.cache) and the Permissions-Policy header."""

import logging
import time

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import http_date

from baliprocess.lib.cache import (
    MAX_PAGE_BYTES,
    local_today,
    page_cache_enabled,
    page_cache_key,
    page_etag,
    page_last_modified,
    page_lookup,
    page_store,
    record_version_settle,
)
from baliprocess.lib.logs import new_request_id, reset_request_id, set_request_id

logger = logging.getLogger(__name__)

# Cache-Control directives by which a view says its response is not for everyone.
PRIVATE_DIRECTIVES = frozenset({"private", "no-store", "no-cache"})


class RequestIdMiddleware:
    """Give each request an id (`request.request_id`), log under it, and send it
    back as `X-Request-ID`. The error pages show it so a user can quote it.

    An id from the reverse proxy (settings.REQUEST_ID_HEADER, e.g. nginx's
    $request_id in HTTP_X_REQUEST_ID) is used when it looks like one, so the
    proxy's access log and the application's lines share it; a client's own
    header is never trusted unless the proxy is configured to set it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        header = getattr(settings, "REQUEST_ID_HEADER", "")
        proposed = request.META.get(header, "") if header else ""
        request.request_id = new_request_id(proposed)
        token = set_request_id(request.request_id)
        try:
            response = self.get_response(request)
        finally:
            reset_request_id(token)
        response["X-Request-ID"] = request.request_id
        return response


class AnonymousPageCacheMiddleware:
    """Serve anonymous GET and HEAD requests from the page cache; answer them with
    304 Not Modified when the visitor's copy (ETag, Last-Modified) is current.

    Placed right after WhiteNoise: a hit returns before sessions, authentication
    and CSRF run, so it costs one read of the cache and no database query; and a
    cached page keeps every header the middleware below added when it was
    rendered (Content-Security-Policy, X-Frame-Options, Vary: Cookie), while
    SecurityMiddleware, above, adds its own to hits as to every response.

    Signed-in visitors never reach the cache: a request carrying the session
    cookie, or the messages cookie (a message waiting for this visitor), passes
    through. Those are the only cookies a page depends on, so the key ignores
    cookies although the pages say Vary: Cookie (for the caches of browsers and
    proxies). A response is stored only when it is meant for anyone: see
    `_is_for_anyone`.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not (page_cache_enabled() and _is_anonymous_read(request)):
            return self.get_response(request)
        record_version_settle()
        # The key, the date and the version are read before the page is rendered:
        # a write or a midnight during the rendering retires what is stored.
        now, today = time.time(), local_today()
        key = page_cache_key(request, today=today)
        try:
            version, response = page_lookup(key)
        except Exception:
            logger.warning("The page cache cannot be read; rendering the page.", exc_info=True)
            return self.get_response(request)
        if response is None:
            response = self.get_response(request)
            if request.method != "GET" or not _is_for_anyone(request, response):
                return response
            if not response.has_header("ETag"):
                response.headers["ETag"] = page_etag(response.content)
            # Browsers may keep the page, but ask each time whether it changed (a 304
            # costs little), instead of guessing a freshness from Last-Modified.
            patch_cache_control(response, no_cache=True)
            try:
                page_store(key, response, version=version)
            except Exception:
                logger.warning("The page cache cannot be written.", exc_info=True)
        # Ours replaces any the view set (feeds and the sitemap give their newest
        # item's date, which an edit to an older item does not move).
        last_modified = page_last_modified(version=version, today=today, now=now)
        if last_modified is None:
            response.headers.pop("Last-Modified", None)
        else:
            response.headers["Last-Modified"] = http_date(last_modified)
        return get_conditional_response(
            request, etag=response.headers["ETag"], last_modified=last_modified, response=response
        )


def _is_anonymous_read(request) -> bool:
    return (
        request.method in ("GET", "HEAD")
        and not request.COOKIES.get(settings.SESSION_COOKIE_NAME)
        and not request.COOKIES.get(CookieStorage.cookie_name)
    )


def _is_for_anyone(request, response) -> bool:
    """Whether `response` may be served to every anonymous visitor: a complete page
    that sets no cookie, carries no CSRF token or CSP nonce, varies on nothing but
    the cookies and was not made for a signed-in user."""
    if response.status_code != 200 or response.streaming:
        return False
    if response.cookies or response.has_header("Set-Cookie"):
        return False
    if request.META.get("CSRF_COOKIE_NEEDS_UPDATE") or b"csrfmiddlewaretoken" in response.content:
        return False
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return False
    if len(response.content) > MAX_PAGE_BYTES:
        return False
    directives = _header_tokens(response, "Cache-Control", split="=")
    varies = _header_tokens(response, "Vary")
    return (
        not directives & PRIVATE_DIRECTIVES
        and varies <= {"cookie"}
        and "'nonce-" not in response.get("Content-Security-Policy", "")
    )


def _header_tokens(response, header: str, *, split: str | None = None) -> set[str]:
    tokens = set()
    for item in response.get(header, "").split(","):
        token = item.split(split)[0] if split else item
        if token.strip():
            tokens.add(token.strip().lower())
    return tokens


class PermissionsPolicyMiddleware:
    """Send settings.PERMISSIONS_POLICY on every response, which Django's
    SecurityMiddleware has no setting for."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        return response
