from django.apps import AppConfig
from django.core import checks
from django.db.models.signals import post_migrate

# Apps whose rows never show on a page an anonymous visitor sees: their writes
# (a sign-in updating last_login, a session saved on every signed-in request)
# leave the page cache alone. Every other model retires the cached pages when it
# is written, including any model added later.
NOT_ON_ANONYMOUS_PAGES = ("admin", "auth", "axes", "contenttypes", "sessions")


class BaliProcessConfig(AppConfig):
    """The project layer: portal home, search, roles and the record loader.

    It sits above the three record apps and may import any of them; nothing in
    them imports it, except the framework helpers in `baliprocess.lib`.
    """

    name = "baliprocess"
    verbose_name = "Bali Process portal"

    def ready(self) -> None:
        from baliprocess import roles
        from baliprocess.lib import cache, pdf_fonts

        # Sent for this app after every app listed before it has migrated and
        # had its permissions created, so the roles can name all of them.
        post_migrate.connect(roles.sync_after_migrate, sender=self)
        post_migrate.connect(cache.bump_after_migrate, sender=self)
        cache.bump_on_every_write(skip_apps=NOT_ON_ANONYMOUS_PAGES)
        checks.register(cache.page_cache_check, checks.Tags.caches)
        # Names in scripts without a font print as boxes in the PDFs.
        checks.register(pdf_fonts.fonts_check)
