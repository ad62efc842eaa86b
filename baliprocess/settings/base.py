"""Settings shared by every environment.

Every environment variable the project reads is read in the block below and
nowhere else; `.env.example` documents each one. `dev`, `test` and
`production` only adjust what this module sets.
"""

import os
from pathlib import Path

import dj_database_url
from django.utils.csp import CSP

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def _env_bool(name: str, default: bool | None) -> bool | None:
    """Read a yes/no variable; `default` when it is unset or empty."""
    value = os.environ.get(name)
    if value is None or value.strip() == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def _env_list(name: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, "").split(",") if item.strip()]


# --- Environment: the one place it is read -------------------------------
ENV_SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "").strip()
ENV_ALLOWED_HOSTS = _env_list("DJANGO_ALLOWED_HOSTS")
ENV_CSRF_TRUSTED_ORIGINS = _env_list("DJANGO_CSRF_TRUSTED_ORIGINS")
# None when unset, so each environment module can pick its own default.
ENV_DEBUG = _env_bool("DJANGO_DEBUG", default=None)
# An empty DATABASE_URL means "the default", so CI can switch back to SQLite.
ENV_DATABASE_URL = os.environ.get("DATABASE_URL", "").strip()
ENV_DEMO_PASSWORD = os.environ.get("DJANGO_DEMO_PASSWORD", "").strip()
ENV_MEDIA_ROOT = os.environ.get("DJANGO_MEDIA_ROOT", "").strip()
ENV_STATIC_ROOT = os.environ.get("DJANGO_STATIC_ROOT", "").strip()
# S3-compatible object storage for uploaded files (documents, pending imports).
# Unset bucket: the local folder DJANGO_MEDIA_ROOT.
ENV_S3_BUCKET = os.environ.get("DJANGO_S3_BUCKET", "").strip()
ENV_S3_ENDPOINT_URL = os.environ.get("DJANGO_S3_ENDPOINT_URL", "").strip()
ENV_S3_REGION = os.environ.get("DJANGO_S3_REGION", "").strip()
ENV_S3_ACCESS_KEY_ID = os.environ.get("DJANGO_S3_ACCESS_KEY_ID", "").strip()
ENV_S3_SECRET_ACCESS_KEY = os.environ.get("DJANGO_S3_SECRET_ACCESS_KEY", "").strip()
ENV_EMAIL_HOST = os.environ.get("DJANGO_EMAIL_HOST", "").strip()
ENV_EMAIL_PORT = int(os.environ.get("DJANGO_EMAIL_PORT", "25") or 25)
ENV_EMAIL_USER = os.environ.get("DJANGO_EMAIL_HOST_USER", "")
ENV_EMAIL_PASSWORD = os.environ.get("DJANGO_EMAIL_HOST_PASSWORD", "")
ENV_EMAIL_USE_TLS = _env_bool("DJANGO_EMAIL_USE_TLS", default=False)
ENV_DEFAULT_FROM_EMAIL = os.environ.get(
    "DJANGO_DEFAULT_FROM_EMAIL", "Bali Process Secretariat <no-reply@localhost>"
)
ENV_SECURE_SSL_REDIRECT = _env_bool("DJANGO_SECURE_SSL_REDIRECT", default=True)
ENV_HSTS_SECONDS = int(os.environ.get("DJANGO_SECURE_HSTS_SECONDS", "31536000") or 0)
ENV_LOG_LEVEL = os.environ.get("DJANGO_LOG_LEVEL", "INFO").strip() or "INFO"
# "json" (one JSON object a line, for a log collector) or "plain"; production
# defaults to json (settings/production.py).
ENV_LOG_FORMAT = os.environ.get("DJANGO_LOG_FORMAT", "").strip().lower()
# Who is e-mailed the details of every server error (comma-separated addresses).
ENV_ADMINS = _env_list("DJANGO_ADMINS")
# Where to report a vulnerability (/.well-known/security.txt); default: the first admin.
ENV_SECURITY_CONTACT = os.environ.get("DJANGO_SECURITY_CONTACT", "").strip()
# The cache of anonymous pages, shared by every worker and app server. Unset: a
# cache in each process's memory (see CACHES below).
ENV_REDIS_URL = os.environ.get("REDIS_URL", "").strip()
# --------------------------------------------------------------------------

SECRET_KEY = ENV_SECRET_KEY
DEBUG = bool(ENV_DEBUG)
ALLOWED_HOSTS = ENV_ALLOWED_HOSTS
CSRF_TRUSTED_ORIGINS = ENV_CSRF_TRUSTED_ORIGINS

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.postgres",
    "django.contrib.sitemaps",
    "django_filters",
    "django_countries",
    "simple_history",
    "axes",
    # Our apps, lowest layer first (see docs/architecture.md).
    "membership",
    "meetings",
    "workshops",
    # Last, so that its post_migrate hook runs after every app's permissions exist.
    "baliprocess",
]

MIDDLEWARE = [
    # First: every log line of the request, and its error page, carry the id.
    "baliprocess.middleware.RequestIdMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Outside the page cache, so cached pages get the header as well.
    "baliprocess.middleware.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Right after WhiteNoise: a cached page skips sessions and authentication, and
    # keeps the headers the middleware below added when it was rendered.
    "baliprocess.middleware.AnonymousPageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # Last, as django-axes requires, so it sees the outcome of authentication.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "baliprocess.urls"
WSGI_APPLICATION = "baliprocess.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.csp",
                "baliprocess.context_processors.site",
            ],
        },
    },
]

# The embedded default is an SQLite file in the project folder; CI and
# production set DATABASE_URL to PostgreSQL.
DATABASES = {
    "default": dj_database_url.parse(
        ENV_DATABASE_URL or f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # Reuse connections across requests, and check them before reuse so a
    # restarted database server costs one retry instead of a 500.
    DATABASES["default"]["CONN_MAX_AGE"] = 600
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
    # An unreachable server answers "temporarily unavailable" (503) within
    # seconds instead of holding the visitor for the system's TCP timeout.
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault("connect_timeout", 2)
else:
    # SQLite: wait for a lock instead of failing at once when two requests write.
    DATABASES["default"].setdefault("OPTIONS", {})["timeout"] = 20

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- The anonymous page cache and the record version (baliprocess.lib.cache) ---
# Redis when REDIS_URL is set: one cache for every worker and app server, so a
# write made through any of them retires the pages all of them serve. Otherwise
# the local-memory cache, private to one process: right for `make run`, where
# runserver serves every request from one process (a command run in another
# terminal, such as load_record, reaches its pages after a restart, or set
# REDIS_URL), and wrong for production's several workers, where production.py
# turns the page cache off instead.
if ENV_REDIS_URL:
    CACHES = {
        "default": {
            # Django's RedisCache, keeping its client (see the class).
            "BACKEND": "baliprocess.lib.cache.RedisCache",
            "LOCATION": ENV_REDIS_URL,
            # Another application may share the Redis server.
            "KEY_PREFIX": "baliprocess",
            # A Redis that does not answer costs a request a second, not a hung worker.
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
PAGE_CACHE_ENABLED = True

AUTHENTICATION_BACKENDS = [
    # django-axes first: it refuses a locked-out client before any password check.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

# Argon2 for new and changed passwords; a password stored with PBKDF2 still
# works and is re-hashed with Argon2 at its next sign-in.
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "home"

# Lock an account and address out for an hour after five failed sign-ins.
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = 1
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Asia/Jakarta"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(ENV_STATIC_ROOT) if ENV_STATIC_ROOT else BASE_DIR / "staticfiles"

# Uploaded documents. There is deliberately no public MEDIA_URL route: every
# file is served by a view that applies the document's visibility first.
MEDIA_ROOT = Path(ENV_MEDIA_ROOT) if ENV_MEDIA_ROOT else BASE_DIR / "media"
MEDIA_URL = "/media/"


def uploaded_file_storages(media_root: Path) -> dict:
    """Where uploaded files live: "default" holds documents, "imports" the
    delegate lists kept between an import's preview and its confirm.

    Both go through Django's storage API and never the local disk directly,
    so any number of app servers can share them: on S3-compatible object
    storage (django-storages) when DJANGO_S3_BUCKET is set, each under its own
    prefix and never public (every download goes through a view that checks
    who may read it); otherwise in folders under `media_root`, which
    must then be shared between app servers.
    """
    if ENV_S3_BUCKET:
        options = {
            "bucket_name": ENV_S3_BUCKET,
            "endpoint_url": ENV_S3_ENDPOINT_URL or None,
            "region_name": ENV_S3_REGION or None,
            "access_key": ENV_S3_ACCESS_KEY_ID or None,
            "secret_key": ENV_S3_SECRET_ACCESS_KEY or None,
            # Private objects; never overwrite one upload with another of the same name.
            "default_acl": "private",
            "file_overwrite": False,
        }
        return {
            "default": {
                "BACKEND": "storages.backends.s3.S3Storage",
                "OPTIONS": {**options, "location": "media"},
            },
            "imports": {
                "BACKEND": "storages.backends.s3.S3Storage",
                "OPTIONS": {**options, "location": "pending-imports"},
            },
        }
    return {
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
        "imports": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            # Contact details: readable by the application's user only.
            "OPTIONS": {
                "location": media_root / "imports",
                "directory_permissions_mode": 0o700,
                "file_permissions_mode": 0o600,
            },
        },
    }


STORAGES = {
    **uploaded_file_storages(MEDIA_ROOT),
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# Largest upload staff may attach to a document or import as a delegate list.
DOCUMENT_MAX_UPLOAD_BYTES = 25 * 1024 * 1024
DELEGATE_IMPORT_MAX_BYTES = 2 * 1024 * 1024
DELEGATE_IMPORT_MAX_ROWS = 5000
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

# Outgoing mail (password resets), with Django 6.1's MAILERS.
MAILERS = {
    "default": {
        "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "OPTIONS": {
            "host": ENV_EMAIL_HOST or "localhost",
            "port": ENV_EMAIL_PORT,
            "username": ENV_EMAIL_USER,
            "password": ENV_EMAIL_PASSWORD,
            "use_tls": ENV_EMAIL_USE_TLS,
        },
    },
}
DEFAULT_FROM_EMAIL = ENV_DEFAULT_FROM_EMAIL
# Django's default logging e-mails them every server error (when DEBUG is off).
ADMINS = ENV_ADMINS
# An e-mail address or an https:// address; none: /.well-known/security.txt is 404.
SECURITY_CONTACT = ENV_SECURITY_CONTACT or (ENV_ADMINS[0] if ENV_ADMINS else "")
SERVER_EMAIL = ENV_DEFAULT_FROM_EMAIL

# Everything the pages need is served by the application itself: no CDN, no
# inline script, no external font.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "style-src": [CSP.SELF],
    "script-src": [CSP.SELF],
    "font-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
    "form-action": [CSP.SELF],
}
SECURE_CONTENT_TYPE_NOSNIFF = True
# The portal uses none of the browser's powerful features: deny them all to
# every page and any frame (baliprocess.middleware.PermissionsPolicyMiddleware).
PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), display-capture=(), geolocation=(), gyroscope=(), "
    "magnetometer=(), microphone=(), midi=(), payment=(), usb=()"
)
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True

# Demo accounts exist only where an environment module turns this on (dev).
DEMO_ACCOUNTS_ENABLED = False
DEMO_PASSWORD = ENV_DEMO_PASSWORD

COUNTRIES_FIRST = ["ID", "AU"]

SITE_NAME = "Bali Process"
SITE_LONG_NAME = (
    "Bali Process on People Smuggling, Trafficking in Persons and Related Transnational Crime"
)

# The id of the request each line belongs to comes from RequestIdMiddleware;
# behind a proxy that sets one (nginx: proxy_set_header X-Request-ID
# $request_id), DJANGO_REQUEST_ID_HEADER=HTTP_X_REQUEST_ID makes both logs share it.
REQUEST_ID_HEADER = os.environ.get("DJANGO_REQUEST_ID_HEADER", "").strip()
LOG_FORMAT = ENV_LOG_FORMAT if ENV_LOG_FORMAT in ("json", "plain") else "plain"
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "baliprocess.lib.logs.RequestIdFilter"}},
    "formatters": {
        "plain": {
            "format": "{asctime} {levelname} [{request_id}] {name}: {message}",
            "style": "{",
        },
        "json": {
            "()": "pythonjsonlogger.json.JsonFormatter",
            "fmt": "{asctime}{levelname}{name}{request_id}{message}",
            "style": "{",
            "rename_fields": {"asctime": "time", "levelname": "level", "name": "logger"},
        },
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": LOG_FORMAT,
            "filters": ["request_id"],
        },
    },
    "root": {"handlers": ["console"], "level": ENV_LOG_LEVEL},
    "loggers": {
        "django.db.backends": {"level": "INFO"},
        # django-axes announces itself at INFO on every command.
        "axes": {"level": "WARNING"},
        # runserver already prints its own start-up lines.
        "django.utils.autoreload": {"level": "WARNING"},
    },
}
