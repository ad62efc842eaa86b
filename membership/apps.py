from django.apps import AppConfig


class MembershipConfig(AppConfig):
    """Who takes part: states, territories and organisations, and their dated status."""

    name = "membership"
    verbose_name = "Members and observers"
