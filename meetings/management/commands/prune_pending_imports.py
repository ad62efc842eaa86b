"""Delete delegate lists uploaded for import that nobody confirmed or cancelled
within the hour (they hold contact details). Run it hourly, e.g. from cron:

    0 * * * *  cd /srv/baliprocess && .venv/bin/python manage.py prune_pending_imports
"""

from django.core.management.base import BaseCommand

from meetings.importers.store import ImportFileStore


class Command(BaseCommand):
    help = "Delete pending delegate-list uploads older than an hour."

    def handle(self, *args, **options):
        store = ImportFileStore()
        before = set(store.tokens())
        store.prune()
        removed = len(before - set(store.tokens()))
        self.stdout.write(f"Deleted {removed} pending upload{'s' if removed != 1 else ''}.")
