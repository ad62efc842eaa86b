from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.management.base import BaseCommand, CommandError

from baliprocess.services import demo_accounts_ensure


class Command(BaseCommand):
    help = (
        "Create or refresh the demo accounts editor, manager and member "
        "(development only; password from DJANGO_DEMO_PASSWORD)."
    )

    def handle(self, *args, **options):
        try:
            results = demo_accounts_ensure()
        except ImproperlyConfigured as error:
            raise CommandError(str(error)) from error
        for account, created in results:
            state = "created" if created else "up to date"
            self.stdout.write(f"{account.username:<8} {state:<10} {account.description}")
        self.stdout.write(f"Password for all three: {settings.DEMO_PASSWORD}")
