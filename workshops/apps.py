from django.apps import AppConfig


class WorkshopsConfig(AppConfig):
    """The working level: groups, workshop themes and deliverables, outcomes."""

    name = "workshops"
    verbose_name = "Groups, workshops and outcomes"
