from django.core.management.base import BaseCommand

from baliprocess.lib.cache import page_cache_enabled, record_version, record_version_bump


class Command(BaseCommand):
    help = (
        "Retire every cached anonymous page, on every app server: run it after changing "
        "the record outside the application (psql, a restored dump, a shell update())."
    )

    def handle(self, *args, **options):
        before = record_version()
        record_version_bump()
        after = record_version()
        if not page_cache_enabled():
            self.stdout.write("The page cache is off here; the record version was bumped anyway.")
        self.stdout.write(f"Cached pages retired: record version {before} → {after}.")
