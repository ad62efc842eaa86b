"""The role groups and the demo accounts."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.test import override_settings

from baliprocess import roles

pytestmark = pytest.mark.django_db


def permission_names(group_name):
    group = Group.objects.get(name=group_name)
    return {
        f"{p.content_type.app_label}.{p.codename}"
        for p in group.permissions.select_related("content_type")
    }


def test_migrate_creates_the_three_roles():
    assert set(Group.objects.values_list("name", flat=True)) >= set(roles.ROLE_NAMES)


def test_roles_sync_is_idempotent():
    first = roles.roles_sync()
    second = roles.roles_sync()

    assert first == second
    assert Group.objects.filter(name__in=roles.ROLE_NAMES).count() == 3


def test_roles_sync_removes_permissions_added_by_hand():
    group = Group.objects.get(name=roles.MEMBER_OFFICIALS)
    stray = (
        Group.objects.get(name=roles.MANAGERS)
        .permissions.exclude(pk__in=group.permissions.all())
        .first()
    )
    group.permissions.add(stray)

    roles.roles_sync()

    assert not group.permissions.filter(pk=stray.pk).exists()


def test_member_officials_may_only_read():
    names = permission_names(roles.MEMBER_OFFICIALS)

    assert names == set(roles.MEMBER_READ_PERMISSIONS)


def test_editors_may_add_and_change_but_not_delete():
    names = permission_names(roles.EDITORS)

    assert "meetings.add_meeting" in names
    assert "meetings.change_meeting" in names
    assert "meetings.delete_meeting" not in names
    assert "auth.change_user" not in names
    assert "meetings.read_secretariat_documents" not in names


def test_managers_also_delete_publish_and_manage_users():
    names = permission_names(roles.MANAGERS)

    assert permission_names(roles.EDITORS) < names
    assert {
        "meetings.delete_meeting",
        "auth.change_user",
        "meetings.publish_meeting",
        "meetings.read_secretariat_documents",
    } <= names


def test_create_demo_accounts_makes_one_account_per_role(settings):
    call_command("create_demo_accounts", verbosity=0)

    users = {u.username: u for u in get_user_model().objects.prefetch_related("groups")}
    assert [g.name for g in users["editor"].groups.all()] == [roles.EDITORS]
    assert [g.name for g in users["manager"].groups.all()] == [roles.MANAGERS]
    assert [g.name for g in users["member"].groups.all()] == [roles.MEMBER_OFFICIALS]
    assert (users["editor"].is_staff, users["manager"].is_staff, users["member"].is_staff) == (
        True,
        True,
        False,
    )
    assert users["member"].check_password(settings.DEMO_PASSWORD)


def test_create_demo_accounts_twice_changes_nothing():
    call_command("create_demo_accounts", verbosity=0)
    before = list(get_user_model().objects.order_by("pk").values_list("pk", "username", "is_staff"))

    call_command("create_demo_accounts", verbosity=0)

    after = list(get_user_model().objects.order_by("pk").values_list("pk", "username", "is_staff"))
    assert after == before
    assert len(after) == 3


def test_create_demo_accounts_repairs_an_account_changed_by_hand(settings):
    call_command("create_demo_accounts", verbosity=0)
    member = get_user_model().objects.get(username="member")
    member.is_staff = True
    member.set_password("changed-by-hand-123")
    member.save()

    call_command("create_demo_accounts", verbosity=0)

    member.refresh_from_db()
    assert member.is_staff is False
    assert member.check_password(settings.DEMO_PASSWORD)


@override_settings(DEMO_ACCOUNTS_ENABLED=False)
def test_create_demo_accounts_refuses_where_demo_accounts_are_disabled():
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="Demo accounts are disabled"):
        call_command("create_demo_accounts", verbosity=0)

    assert not get_user_model().objects.exists()


def test_demo_member_can_sign_in_on_the_portal(client, settings):
    call_command("create_demo_accounts", verbosity=0)

    response = client.post(
        "/accounts/login/", {"username": "member", "password": settings.DEMO_PASSWORD}
    )

    assert response.status_code == 302
    assert client.get("/").context["user"].username == "member"


def test_demo_member_cannot_enter_the_admin(client, settings):
    call_command("create_demo_accounts", verbosity=0)
    client.login(username="member", password=settings.DEMO_PASSWORD)

    response = client.get("/admin/")

    assert response.status_code == 302
    assert response.headers["Location"].startswith("/admin/login/")
