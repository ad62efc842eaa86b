"""Project-level pages: the home page, robots.txt and the error pages."""

import datetime
import sys

from django import db
from django.conf import settings
from django.http import Http404, HttpResponse, HttpResponseServerError
from django.shortcuts import render
from django.template import loader
from django.utils import timezone
from django.views.generic import TemplateView, View

from baliprocess.lib.logs import current_request_id
from meetings.selectors import (
    meeting_figures,
    recent_documents,
    recent_meetings,
    upcoming_meetings,
)
from membership.models import MembershipPeriod
from membership.selectors import status_counts_on
from workshops.selectors import recent_outcomes


class HomeView(TemplateView):
    """What the Bali Process is; its next and latest meetings, newest outcomes and
    documents, and key figures, each as the viewer may see them."""

    template_name = "home.html"
    list_length = 5

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user, today = self.request.user, timezone.localdate()
        statuses = status_counts_on(today)
        figures = meeting_figures(user=user)
        context.update(
            today=today,
            upcoming_meetings=upcoming_meetings(user=user, limit=self.list_length),
            recent_meetings=recent_meetings(user=user, limit=self.list_length),
            recent_outcomes=recent_outcomes(user=user, limit=self.list_length),
            recent_documents=recent_documents(user=user, limit=self.list_length),
            member_count=statuses[MembershipPeriod.Status.MEMBER],
            observer_count=statuses[MembershipPeriod.Status.OBSERVER],
            meetings_held=figures["meetings"],
            workshops_held=figures["workshops"],
        )
        return context


class RobotsView(TemplateView):
    template_name = "robots.txt"
    content_type = "text/plain; charset=utf-8"


class SecurityTxtView(View):
    """/.well-known/security.txt (RFC 9116): where to report a vulnerability.

    Expires is a year ahead, as the RFC recommends, computed on each day's
    first request (the page cache keys on the day). Without a contact there
    is nothing to say, and the address is 404.
    """

    def get(self, request):
        contact = settings.SECURITY_CONTACT
        if not contact:
            raise Http404("No security contact is configured.")
        if "://" not in contact:
            contact = f"mailto:{contact}"
        expires = timezone.now().replace(microsecond=0) + datetime.timedelta(days=365)
        lines = [
            f"Contact: {contact}",
            f"Expires: {expires.astimezone(datetime.UTC).isoformat().replace('+00:00', 'Z')}",
            "Preferred-Languages: en",
            f"Canonical: {request.build_absolute_uri(request.path)}",
        ]
        return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def permission_denied(request, exception=None):
    return render(request, "403.html", status=403)


def bad_request(request, exception=None):
    return render(request, "400.html", status=400)


# How long a visitor (or a crawler, or a load balancer) should wait before
# asking again while the database is unreachable.
RETRY_AFTER_SECONDS = 30


def server_error(request):
    """The 500 page; a 503 "temporarily unavailable" with Retry-After when what
    failed is the database connection (an outage, not a bug).

    Rendered without the request's context processors: the database or the
    session may be what failed, and this page must still appear. Both show the
    request id (RequestIdMiddleware), which the log lines of the error carry.
    """
    exception = sys.exc_info()[1]
    context = {
        "SITE_NAME": settings.SITE_NAME,
        "SITE_LONG_NAME": settings.SITE_LONG_NAME,
        "request_id": getattr(request, "request_id", "") or current_request_id(),
        # Only when someone is really e-mailed the error (settings.ADMINS).
        "secretariat_told": bool(settings.ADMINS) and not settings.DEBUG,
    }
    if database_unreachable(exception):
        response = HttpResponse(loader.render_to_string("503.html", context), status=503)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        response["Cache-Control"] = "no-store"
        return response
    return HttpResponseServerError(loader.render_to_string("500.html", context))


def database_unreachable(exception: BaseException | None) -> bool:
    """Whether `exception` says the database cannot be reached (refused, timed
    out, dropped), as opposed to a query that is wrong."""
    if isinstance(exception, db.InterfaceError):
        return True
    if isinstance(exception, db.OperationalError):
        # psycopg's connection failures; SQLite's "unable to open database file".
        text = str(exception).casefold()
        return any(marker in text for marker in _UNREACHABLE)
    return False


_UNREACHABLE = (
    "connection",
    "could not connect",
    "server closed",
    "terminating connection",
    "timeout expired",
    "the database system is",
    "unable to open database",
)
