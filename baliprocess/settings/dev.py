"""Local development: `make run` serves with these settings."""

from .base import *  # noqa: F403
from .base import ENV_ALLOWED_HOSTS, ENV_DEBUG, ENV_DEMO_PASSWORD, ENV_SECRET_KEY

DEBUG = True if ENV_DEBUG is None else ENV_DEBUG
# A fixed, clearly labelled key so sessions survive restarts on a laptop. It is
# never used in production: production.py refuses to start without its own.
SECRET_KEY = ENV_SECRET_KEY or "dev-only-insecure-key-do-not-use-in-production"
ALLOWED_HOSTS = ENV_ALLOWED_HOSTS or ["127.0.0.1", "localhost", "[::1]"]

DEMO_ACCOUNTS_ENABLED = True
# The documented development default; set DJANGO_DEMO_PASSWORD to change it.
DEMO_PASSWORD = ENV_DEMO_PASSWORD or "bali-demo-2002"

MAILERS = {"default": {"BACKEND": "django.core.mail.backends.console.EmailBackend"}}
