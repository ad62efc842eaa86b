"""Writes that belong to the project layer rather than to one record app."""

from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.exceptions import ImproperlyConfigured
from django.db import transaction

from baliprocess import roles


@dataclass(frozen=True)
class DemoAccount:
    username: str
    role: str
    is_staff: bool
    description: str


DEMO_ACCOUNTS = (
    DemoAccount(
        "editor", roles.EDITORS, True, "secretariat editor: enters the record in the admin"
    ),
    DemoAccount(
        "manager",
        roles.MANAGERS,
        True,
        "secretariat manager: also deletes, publishes, manages users and restricted documents",
    ),
    DemoAccount(
        "member",
        roles.MEMBER_OFFICIALS,
        False,
        "member official: reads members-only content on the portal",
    ),
)


@transaction.atomic
def demo_accounts_ensure() -> list[tuple[DemoAccount, bool]]:
    """Create or refresh the demo accounts; return each with whether it was new.

    Side effects: syncs the role groups; sets each account's password to
    settings.DEMO_PASSWORD, its staff flag and its one role, so a second run
    repairs an account someone changed by hand instead of duplicating it.
    """
    if not settings.DEMO_ACCOUNTS_ENABLED or not settings.DEMO_PASSWORD:
        raise ImproperlyConfigured(
            "Demo accounts are disabled in these settings (DEMO_ACCOUNTS_ENABLED); "
            "they exist only in development and tests."
        )
    roles.roles_sync()
    user_model = get_user_model()
    results = []
    for account in DEMO_ACCOUNTS:
        user, created = user_model.objects.get_or_create(
            username=account.username,
            defaults={"email": f"{account.username}@example.org"},
        )
        user.is_staff = account.is_staff
        user.is_superuser = False
        user.is_active = True
        user.set_password(settings.DEMO_PASSWORD)
        user.full_clean(exclude=["password"])
        user.save()
        user.groups.set([Group.objects.get(name=account.role)])
        results.append((account, created))
    return results
