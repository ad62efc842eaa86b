from django.apps import AppConfig
from django.db.models.signals import post_migrate


class BaliProcessConfig(AppConfig):
    """The project layer: portal home, search, roles and the record loader.

    It sits above the three record apps and may import any of them; nothing in
    them imports it, except the framework helpers in `baliprocess.lib`.
    """

    name = "baliprocess"
    verbose_name = "Bali Process portal"

    def ready(self) -> None:
        from baliprocess import roles

        # Sent for this app after every app listed before it has migrated and
        # had its permissions created, so the roles can name all of them.
        post_migrate.connect(roles.sync_after_migrate, sender=self)
