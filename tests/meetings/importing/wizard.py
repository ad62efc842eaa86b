"""Driving the admin's import wizard in tests: upload, then the preview's address."""

import io

from meetings.importers import ImportFileStore

GOOD_CSV = (
    b"Country,Full name,Title,Role,E-mail\r\n"
    b"Australia,Jane Citizen,First Assistant Secretary,Head of delegation,jane@example.org\r\n"
    b"Indonesia,Siti Rahma,Director,,\r\n"
)


def upload_url(meeting) -> str:
    return f"/admin/meetings/meeting/{meeting.pk}/import-delegates/"


def upload(client, meeting, content, filename="delegates.csv"):
    file = io.BytesIO(content)
    file.name = filename
    return client.post(upload_url(meeting), {"file": file})


def previewed(client, meeting, content=GOOD_CSV, filename="delegates.csv") -> str:
    """Upload `content` and return the preview's address."""
    response = upload(client, meeting, content, filename)
    assert response.status_code == 302, response.text
    return response["Location"]


def token_of(preview_url: str) -> str:
    return preview_url.rstrip("/").rsplit("/", 1)[-1]


def store() -> ImportFileStore:
    return ImportFileStore()


def columns(*fields) -> dict:
    """The columns' choices as the preview's form posts them."""
    return {f"column_{index}": field for index, field in enumerate(fields)}
