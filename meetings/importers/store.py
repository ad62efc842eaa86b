"""Keeping an uploaded list between preview and confirm, in private storage."""

import contextlib
import os
import re
import secrets
import time
from collections.abc import Iterator

from django.core.files.base import ContentFile
from django.core.files.storage import Storage, storages


class ImportFileStore:
    """Uploaded lists kept between preview and confirm, in private storage.

    Each upload is `<token>/upload.<extension>` in the "imports" storage
    (settings.STORAGES): a private folder under MEDIA_ROOT by default, a
    prefix of the object-storage bucket when S3 is configured. Through
    Django's storage API, never the local disk directly, so a preview served by
    one app server can be confirmed on another. The token is 32 random
    hexadecimal characters; one that is not of that form is refused before it
    reaches the storage. Files older than `max_age` seconds count as stale
    and are removed.
    """

    TOKEN = re.compile(r"[0-9a-f]{32}")

    # An upload holds delegates' contact details: kept no longer than an hour
    # after it was made, confirmed or not (and deleted at once on confirm or
    # cancel by the wizard).
    MAX_AGE = 3600

    def __init__(self, storage: Storage | None = None, *, max_age: int = MAX_AGE):
        self.storage = storage if storage is not None else storages["imports"]
        self.max_age = max_age

    def save(self, content: bytes, filename: str) -> str:
        self.prune()
        token = secrets.token_hex(16)
        extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else "csv"
        if not extension.isalnum():
            extension = "csv"  # the reader judges the file by its content anyway
        self.storage.save(f"{token}/upload.{extension}", ContentFile(content))
        return token

    def _names(self, token: str) -> list[str]:
        try:
            _folders, files = self.storage.listdir(token)
        except FileNotFoundError:
            return []
        return sorted(f"{token}/{name}" for name in files if name.startswith("upload."))

    def _is_stale(self, name: str) -> bool:
        try:
            modified = self.storage.get_modified_time(name)
        except (FileNotFoundError, NotImplementedError):
            return True
        return time.time() - modified.timestamp() > self.max_age

    def load(self, token: str) -> bytes | None:
        """The stored file of `token`, or None when there is none or it is stale."""
        if not self.TOKEN.fullmatch(token or ""):
            return None
        names = self._names(token)
        if not names:
            return None
        if self._is_stale(names[0]):
            self.delete(token)
            return None
        try:
            with self.storage.open(names[0], "rb") as stored:
                return stored.read()
        except FileNotFoundError:  # deleted by a cancel on another server meanwhile
            return None

    def delete(self, token: str) -> None:
        if not self.TOKEN.fullmatch(token or ""):
            return
        for name in self._names(token):
            self.storage.delete(name)
        # A file system keeps the emptied folder; object storage has no folders.
        with contextlib.suppress(NotImplementedError, OSError):
            os.rmdir(self.storage.path(token))

    def prune(self) -> None:
        """Remove uploads nobody confirmed or cancelled in time."""
        for token in list(self.tokens()):
            names = self._names(token)
            if not names or all(self._is_stale(name) for name in names):
                self.delete(token)

    def tokens(self) -> Iterator[str]:
        try:
            folders, _files = self.storage.listdir("")
        except FileNotFoundError:
            return
        yield from (folder for folder in folders if self.TOKEN.fullmatch(folder))
