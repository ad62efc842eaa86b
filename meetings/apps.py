from django.apps import AppConfig


class MeetingsConfig(AppConfig):
    """Every gathering and its record: roles, delegations, delegates, documents."""

    name = "meetings"
    verbose_name = "Meetings and documents"
