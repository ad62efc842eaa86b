"""Fixtures shared by the whole suite: one signed-in client per role."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from baliprocess import roles


@pytest.fixture
def role_groups(db):
    roles.roles_sync()
    return {name: Group.objects.get(name=name) for name in roles.ROLE_NAMES}


def _user(username, *, role_groups, role=None, is_staff=False):
    user = get_user_model().objects.create_user(
        username=username, password="a-long-test-password", is_staff=is_staff
    )
    if role:
        user.groups.add(role_groups[role])
    return user


@pytest.fixture
def member_user(role_groups):
    return _user("official", role_groups=role_groups, role=roles.MEMBER_OFFICIALS)


@pytest.fixture
def editor_user(role_groups):
    return _user("editor-user", role_groups=role_groups, role=roles.EDITORS, is_staff=True)


@pytest.fixture
def manager_user(role_groups):
    return _user("manager-user", role_groups=role_groups, role=roles.MANAGERS, is_staff=True)


@pytest.fixture
def plain_user(db):
    """Signed in, but in no role: sees what the public sees."""
    return get_user_model().objects.create_user(username="nobody", password="a-long-test-password")


@pytest.fixture
def member_client(client, member_user):
    client.force_login(member_user)
    return client


@pytest.fixture
def editor_client(client, editor_user):
    client.force_login(editor_user)
    return client


@pytest.fixture
def manager_client(client, manager_user):
    client.force_login(manager_user)
    return client
