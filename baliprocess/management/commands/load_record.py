from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from baliprocess.record.loader import SOURCES_DIR, record_load
from baliprocess.record.sync import RecordError


class Command(BaseCommand):
    help = (
        "Load every fact of the five seed documents into the record: participants, "
        "membership, meetings, delegations, groups, workshops, documents and outcomes. "
        "Idempotent: a second run changes nothing."
    )

    def handle(self, *args, **options):
        try:
            tally = record_load()
        except RecordError as error:
            raise CommandError(
                f"The record was not loaded; nothing was changed. {error}"
            ) from error
        if options["verbosity"] >= 1:
            sources = SOURCES_DIR.relative_to(settings.BASE_DIR)
            self.stdout.write(f"Loaded the Bali Process record from {sources}/:")
            for line in tally.lines():
                self.stdout.write(f"  {line}")
            self.stdout.write(tally.total_line())
