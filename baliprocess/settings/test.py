"""The test suite: pytest-django loads this module (see pyproject.toml)."""

import tempfile
from pathlib import Path

from .base import *  # noqa: F403
from .base import ENV_DEMO_PASSWORD

DEBUG = False
# The test settings' own key, never deployed.
SECRET_KEY = "test-only-insecure-key"  # nosec B105
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]

# Hashing passwords properly is slow by design; tests need only that it works.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}

# Uploaded files of one run never mix with a developer's own uploads.
MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="baliprocess-test-media-"))
STORAGES = {**STORAGES, **uploaded_file_storages(MEDIA_ROOT)}  # noqa: F405

DEMO_ACCOUNTS_ENABLED = True
DEMO_PASSWORD = ENV_DEMO_PASSWORD or "bali-demo-2002"

# Always the local-memory cache, whatever REDIS_URL says: every test starts with
# it empty (tests/conftest.py), and that must never empty a shared Redis. The page
# cache stays on, so that every page test also checks that no page is served stale.
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
PAGE_CACHE_ENABLED = True

# Lockout is tested explicitly where it matters; elsewhere a wrong password in
# one test must not lock out the next.
AXES_ENABLED = False

# Serve static files from the source folders, as in development: the tests
# never run collectstatic.
WHITENOISE_AUTOREFRESH = True
WHITENOISE_USE_FINDERS = True
