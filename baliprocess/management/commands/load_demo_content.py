from django.core.exceptions import ImproperlyConfigured
from django.core.management.base import BaseCommand, CommandError

from baliprocess.record.demo import demo_content_ensure
from baliprocess.record.sync import RecordError


class Command(BaseCommand):
    help = (
        "Add labelled demonstration documents (members-only, secretariat-only, embargoed) "
        "to the Brisbane SOM of 2004, to show who may read what (development only; "
        "idempotent). Run load_record first."
    )

    def handle(self, *args, **options):
        try:
            tally = demo_content_ensure()
        except (ImproperlyConfigured, RecordError) as error:
            raise CommandError(str(error)) from error
        if options["verbosity"] >= 1:
            self.stdout.write("Demonstration content (not part of the record):")
            for line in tally.lines():
                self.stdout.write(f"  {line}")
            self.stdout.write(tally.total_line())
