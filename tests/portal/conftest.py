"""Fixtures of the portal's tests."""

import pytest
from django.test import Client


@pytest.fixture
def anonymous_client():
    """A client of its own, never signed in: `client` is the one the role
    fixtures (member_client…) sign in, so a test comparing what an anonymous
    visitor and a member official see needs this one for the visitor."""
    return Client()
