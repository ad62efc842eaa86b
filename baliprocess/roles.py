"""The three roles, as Django groups, and the permissions each one holds.

This module is the one place that says which role may do what. `roles_sync`
makes the groups in the database match it exactly; it runs after every
`migrate` and from `manage.py setup_roles`, and running it again changes
nothing.
"""

from collections.abc import Iterable

from django.apps import apps
from django.contrib.auth.models import Group, Permission
from django.db import transaction

EDITORS = "Secretariat editors"
MANAGERS = "Secretariat managers"
MEMBER_OFFICIALS = "Member officials"
ROLE_NAMES = (EDITORS, MANAGERS, MEMBER_OFFICIALS)

# The apps that hold the secretariat's record.
RECORD_APPS = ("membership", "meetings", "workshops")

# Rights to read beyond what the public sees. The models that own them declare
# them in Meta.permissions; the visibility rules test for them.
MEMBER_READ_PERMISSIONS = (
    "meetings.read_members_documents",
    "meetings.see_delegate_names",
)
SECRETARIAT_READ_PERMISSIONS = (
    "meetings.see_delegate_contacts",
    "meetings.read_embargoed_documents",
)
MANAGER_ONLY_PERMISSIONS = (
    "meetings.read_secretariat_documents",
    "meetings.publish_meeting",
)
# Managers administer accounts and unlock locked-out sign-ins.
MANAGER_ACCOUNT_APPS = ("auth", "axes")


def _record_models() -> Iterable:
    for label in RECORD_APPS:
        for model in apps.get_app_config(label).get_models():
            # django-simple-history's shadow tables are written by the history
            # machinery itself; nobody edits them by hand.
            if model._meta.model_name.startswith("historical"):
                continue
            yield model


def _model_permissions(models: Iterable, actions: Iterable[str]) -> list[Permission]:
    wanted = []
    for model in models:
        opts = model._meta
        wanted.extend((opts.app_label, f"{action}_{opts.model_name}") for action in actions)
    return _permissions(f"{app}.{codename}" for app, codename in wanted)


def _permissions(names: Iterable[str]) -> list[Permission]:
    pairs = {tuple(name.split(".", 1)) for name in names}
    found = Permission.objects.filter(content_type__app_label__in={app for app, _ in pairs})
    by_name = {
        (p.content_type.app_label, p.codename): p for p in found.select_related("content_type")
    }
    missing = sorted(f"{app}.{code}" for app, code in pairs if (app, code) not in by_name)
    if missing:
        raise LookupError(f"Permissions named in baliprocess/roles.py do not exist: {missing}")
    return [by_name[pair] for pair in sorted(pairs)]


def role_permissions() -> dict[str, list[Permission]]:
    """What each role holds, computed from the installed models."""
    record_models = list(_record_models())
    editing = _model_permissions(record_models, ("add", "change", "view"))
    member_reads = _permissions(MEMBER_READ_PERMISSIONS)
    secretariat_reads = _permissions(SECRETARIAT_READ_PERMISSIONS)
    manager_only = _permissions(MANAGER_ONLY_PERMISSIONS)
    deleting = _model_permissions(record_models, ("delete",))
    accounts = list(Permission.objects.filter(content_type__app_label__in=MANAGER_ACCOUNT_APPS))
    editor_permissions = editing + member_reads + secretariat_reads
    return {
        MEMBER_OFFICIALS: member_reads,
        EDITORS: editor_permissions,
        MANAGERS: editor_permissions + manager_only + deleting + accounts,
    }


@transaction.atomic
def roles_sync() -> dict[str, int]:
    """Create the role groups and give each exactly its permissions.

    Returns the number of permissions each role holds. Permissions added to a
    group by hand are removed, so the groups always say what this module says.
    """
    counts = {}
    for name, permissions in role_permissions().items():
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.set(permissions)
        counts[name] = len(permissions)
    return counts


def sync_after_migrate(sender, **kwargs) -> None:
    """post_migrate receiver: keep the roles in step with the models."""
    # During a partial migrate (e.g. to an old migration) the models may not
    # match their tables; the roles are synced on the next full migrate.
    if kwargs.get("plan") and any(backwards for _, backwards in kwargs["plan"]):
        return
    roles_sync()
