"""The layout every page shares, the home page, the admin sign-in and errors."""

import datetime

import pytest

pytestmark = pytest.mark.django_db


def test_home_page_says_what_the_site_is(client):
    response = client.get("/")

    assert response.status_code == 200
    assert "<h1>The record of the Bali Process</h1>" in response.text
    assert "founded in February 2002" in response.text


def test_layout_has_skip_link_navigation_and_sign_in(client):
    response = client.get("/")

    assert '<a class="skip-link" href="#main">Skip to main content</a>' in response.text
    assert '<main id="main"' in response.text
    for label in (
        "Meetings",
        "Members and observers",
        "Groups",
        "Workshops",
        "Outcomes",
        "Documents",
        "Search",
    ):
        assert f">{label}</a>" in response.text
    assert ">Sign in</a>" in response.text


def test_layout_shows_the_signed_in_user_and_a_sign_out_form(member_client):
    response = member_client.get("/")

    assert "Signed in as <strong>official</strong>" in response.text
    assert 'action="/accounts/logout/"' in response.text
    assert "Secretariat admin" not in response.text


def test_signed_in_user_can_change_their_password(member_client):
    home = member_client.get("/")
    form = member_client.get("/accounts/password_change/")
    changed = member_client.post(
        "/accounts/password_change/",
        {
            "old_password": "a-long-test-password",
            "new_password1": "another-long-passphrase-2026",
            "new_password2": "another-long-passphrase-2026",
        },
    )

    assert 'href="/accounts/password_change/">Change password</a>' in home.text
    assert "<h1>Change your password</h1>" in form.text
    assert changed.status_code == 302
    assert member_client.get(changed["Location"]).status_code == 200


def test_password_reset_sends_a_link_and_the_link_works(client, member_user, mailoutbox):
    member_user.email = "official@example.org"
    member_user.save()

    client.post("/accounts/password_reset/", {"email": "official@example.org"})

    assert len(mailoutbox) == 1
    link = next(line for line in mailoutbox[0].body.splitlines() if "/accounts/reset/" in line)
    confirm = client.get(link.replace("http://testserver", ""), follow=True)
    assert "<h1>Choose a new password</h1>" in confirm.text


def test_layout_links_staff_to_the_admin(editor_client):
    response = editor_client.get("/")

    assert '<a class="account__link" href="/admin/">Secretariat admin</a>' in response.text


def test_pages_send_a_content_security_policy_without_outside_hosts(client):
    response = client.get("/")

    policy = response.headers["Content-Security-Policy"]
    assert "default-src 'self'" in policy
    assert "http" not in policy


def test_admin_login_page_renders_with_secretariat_branding(client):
    response = client.get("/admin/login/")

    assert response.status_code == 200
    assert "Bali Process Secretariat" in response.text


def test_portal_login_page_renders(client):
    response = client.get("/accounts/login/")

    assert response.status_code == 200
    assert "<h1>Sign in</h1>" in response.text
    assert 'for="id_username"' in response.text


def test_unknown_address_gets_the_friendly_404_in_the_layout(client):
    response = client.get("/no-such-page/")

    assert response.status_code == 404
    assert "<h1>Page not found</h1>" in response.text
    assert "Skip to main content" in response.text


def test_robots_txt_keeps_crawlers_out_of_the_admin(client):
    response = client.get("/robots.txt")

    assert response.status_code == 200
    assert response.headers["Content-Type"] == "text/plain; charset=utf-8"
    assert "Disallow: /admin/" in response.text


# --- The error page and who is told ----------------------------------------


def test_error_page_says_the_secretariat_was_told_only_when_someone_is(settings, rf):
    from baliprocess.views import server_error

    settings.ADMINS = []
    untold = server_error(rf.get("/")).content.decode()
    settings.ADMINS = ["it@baliprocess.example"]
    told = server_error(rf.get("/")).content.decode()

    assert untold.count("The secretariat has been told.") == 0
    assert "Please try again in a few minutes." in untold
    assert told.count("The secretariat has been told.") == 1


def test_a_server_error_is_emailed_to_the_admins(settings, rf, mailoutbox):
    import logging

    settings.ADMINS = ["it@baliprocess.example"]

    logging.getLogger("django.request").error(
        "Internal Server Error: /meetings/", extra={"status_code": 500, "request": rf.get("/")}
    )

    assert [message.to for message in mailoutbox] == [["it@baliprocess.example"]]
    assert "Internal Server Error: /meetings/" in mailoutbox[0].subject


@pytest.mark.parametrize("path", ["/", "/meetings/", "/robots.txt", "/no-such-page/"])
def test_every_response_denies_the_browser_features_the_portal_does_not_use(client, path):
    first = client.get(path)
    again = client.get(path)  # from the page cache where the page is cached

    for response in (first, again):
        assert response.headers["Permissions-Policy"].startswith("accelerometer=(), camera=()")


# --- Reporting a vulnerability ----------------------------------------------


def test_security_txt_says_whom_to_tell_until_when(client, settings):
    settings.SECURITY_CONTACT = "security@baliprocess.example"

    response = client.get("/.well-known/security.txt")

    assert response.status_code == 200
    assert response.headers["Content-Type"] == "text/plain; charset=utf-8"
    fields = dict(line.split(": ", 1) for line in response.text.splitlines())
    assert fields["Contact"] == "mailto:security@baliprocess.example"
    assert fields["Preferred-Languages"] == "en"
    assert fields["Canonical"] == "http://testserver/.well-known/security.txt"
    expires = datetime.datetime.fromisoformat(fields["Expires"])
    assert 364 <= (expires - datetime.datetime.now(datetime.UTC)).days <= 365


def test_security_txt_keeps_a_web_address_as_it_is(client, settings):
    settings.SECURITY_CONTACT = "https://baliprocess.example/report"

    response = client.get("/.well-known/security.txt")

    assert response.text.splitlines()[0] == "Contact: https://baliprocess.example/report"


def test_security_txt_without_a_contact_is_not_found(client, settings):
    settings.SECURITY_CONTACT = ""

    assert client.get("/.well-known/security.txt").status_code == 404
