"""Each settings module loads, and production refuses to start half-configured.

These run Django in a subprocess: settings are read once per process, so
loading another settings module needs a process of its own.
"""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PRODUCTION_ENV = {
    "DJANGO_SECRET_KEY": "x9!Qw-production-test-secret-key-that-is-long-and-varied-0123456789",
    "DJANGO_ALLOWED_HOSTS": "portal.example.org",
    # Without it the page cache is off and `check` warns (tests/baliprocess/test_page_cache.py).
    "REDIS_URL": "redis://127.0.0.1:6379/0",
}


def run_django(code: str, *, settings: str, **env: str) -> subprocess.CompletedProcess:
    environment = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith("DJANGO_") and key != "DATABASE_URL"
    }
    environment.update(env, DJANGO_SETTINGS_MODULE=settings)
    return subprocess.run(  # noqa: S603 - our own interpreter and a fixed script
        [sys.executable, "-c", f"import django; django.setup(); {code}"],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@pytest.mark.parametrize("module", ["dev", "test"])
def test_settings_module_loads(module):
    result = run_django(
        "from django.conf import settings; print(settings.DATABASES['default']['ENGINE'])",
        settings=f"baliprocess.settings.{module}",
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "django.db.backends.sqlite3"


def test_production_settings_load_with_required_variables():
    result = run_django(
        "from django.conf import settings; print(settings.DEBUG, settings.ALLOWED_HOSTS)",
        settings="baliprocess.settings.production",
        **PRODUCTION_ENV,
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False ['portal.example.org']"


def test_production_settings_refuse_to_start_without_secret_key():
    result = run_django(
        "",
        settings="baliprocess.settings.production",
        DJANGO_ALLOWED_HOSTS="portal.example.org",
    )

    assert result.returncode != 0
    assert "ImproperlyConfigured: DJANGO_SECRET_KEY is not set" in result.stderr


def test_production_settings_refuse_to_start_without_allowed_hosts():
    result = run_django(
        "",
        settings="baliprocess.settings.production",
        DJANGO_SECRET_KEY=PRODUCTION_ENV["DJANGO_SECRET_KEY"],
    )

    assert result.returncode != 0
    assert "ImproperlyConfigured: DJANGO_ALLOWED_HOSTS is not set" in result.stderr


def test_production_settings_never_enable_demo_accounts():
    result = run_django(
        "from django.conf import settings; print(settings.DEMO_ACCOUNTS_ENABLED, "
        "repr(settings.DEMO_PASSWORD))",
        settings="baliprocess.settings.production",
        DJANGO_DEMO_PASSWORD="something",
        **PRODUCTION_ENV,
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False ''"


def test_database_url_selects_postgresql_with_persistent_checked_connections():
    result = run_django(
        "from django.conf import settings; d = settings.DATABASES['default']; "
        "print(d['ENGINE'], d['NAME'], d['CONN_MAX_AGE'], d['CONN_HEALTH_CHECKS'])",
        settings="baliprocess.settings.dev",
        DATABASE_URL="postgres://someone@db.example.org:5432/record",
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "django.db.backends.postgresql record 600 True"


def test_deploy_check_reports_no_warnings_with_production_settings():
    environment = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith("DJANGO_") and key != "DATABASE_URL"
    }
    environment.update(PRODUCTION_ENV, DJANGO_SETTINGS_MODULE="baliprocess.settings.production")

    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )

    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


STORAGE_REPORT = (
    "from django.core.files.storage import storages; "
    "print(*(f'{alias}={type(storages[alias]).__name__}:'"
    'f\'{getattr(storages[alias], "location", "")}\''
    " for alias in ('default', 'imports')))"
)


def test_production_keeps_uploads_in_object_storage_when_a_bucket_is_set():
    result = run_django(
        STORAGE_REPORT
        + "; s = storages['imports']; print(s.bucket_name, s.endpoint_url, s.default_acl)",
        settings="baliprocess.settings.production",
        **PRODUCTION_ENV,
        DJANGO_S3_BUCKET="bali-record",
        DJANGO_S3_ENDPOINT_URL="http://127.0.0.1:9000",
        DJANGO_S3_ACCESS_KEY_ID="key",
        DJANGO_S3_SECRET_ACCESS_KEY="secret",
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "default=S3Storage:media imports=S3Storage:pending-imports",
        "bali-record http://127.0.0.1:9000 private",
    ]


def test_production_keeps_uploads_under_the_media_root_without_a_bucket(tmp_path):
    result = run_django(
        STORAGE_REPORT,
        settings="baliprocess.settings.production",
        **PRODUCTION_ENV,
        DJANGO_MEDIA_ROOT=str(tmp_path),
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == (
        f"default=FileSystemStorage:{tmp_path} imports=FileSystemStorage:{tmp_path / 'imports'}"
    )
