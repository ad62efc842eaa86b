"""Production: refuses to start without the secrets it needs."""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import (
    ENV_ALLOWED_HOSTS,
    ENV_DEBUG,
    ENV_HSTS_SECONDS,
    ENV_LOG_FORMAT,
    ENV_REDIS_URL,
    ENV_SECRET_KEY,
    ENV_SECURE_SSL_REDIRECT,
    LOGGING,
)

if not ENV_SECRET_KEY:
    raise ImproperlyConfigured(
        "DJANGO_SECRET_KEY is not set: production needs a long random secret key "
        "(python -c 'import secrets; print(secrets.token_urlsafe(50))')."
    )
if not ENV_ALLOWED_HOSTS:
    raise ImproperlyConfigured(
        "DJANGO_ALLOWED_HOSTS is not set: give the host names the site answers to, "
        "separated by commas (e.g. portal.baliprocess.net)."
    )

SECRET_KEY = ENV_SECRET_KEY
ALLOWED_HOSTS = ENV_ALLOWED_HOSTS
DEBUG = bool(ENV_DEBUG)

STORAGES = {
    **uploaded_file_storages(MEDIA_ROOT),  # noqa: F405
    # Hashed, compressed file names: browsers may cache them for a year.
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = ENV_SECURE_SSL_REDIRECT
SECURE_HSTS_SECONDS = ENV_HSTS_SECONDS
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True

# The page cache only on a cache every worker and app server shares (Redis): with
# one in each worker's memory, a change written through one worker would leave the
# pages cached by the others stale. Without REDIS_URL every page is rendered for
# every request, correct but slower, and `manage.py check` says so
# (baliprocess.W001). Off rather than a refusal to start, because the cache is
# an optimisation: a small site on one server is right without a Redis to run.
PAGE_CACHE_ENABLED = bool(ENV_REDIS_URL)

# Demo accounts never exist in production, whatever the environment says.
DEMO_ACCOUNTS_ENABLED = False
# Empty, not a secret: no demo account exists in production.
DEMO_PASSWORD = ""  # nosec B105

# Log lines as JSON objects, each with its request id, for the log collector;
# DJANGO_LOG_FORMAT=plain keeps them readable on a console.
if ENV_LOG_FORMAT != "plain":
    LOG_FORMAT = "json"
    LOGGING["handlers"]["console"]["formatter"] = "json"
