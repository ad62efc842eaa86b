"""Project-level pages: the home page, robots.txt and the error pages."""

from django.conf import settings
from django.http import HttpResponseServerError
from django.shortcuts import render
from django.template import loader
from django.views.generic import TemplateView


class HomeView(TemplateView):
    template_name = "home.html"


class RobotsView(TemplateView):
    template_name = "robots.txt"
    content_type = "text/plain; charset=utf-8"


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def permission_denied(request, exception=None):
    return render(request, "403.html", status=403)


def bad_request(request, exception=None):
    return render(request, "400.html", status=400)


def server_error(request):
    # Rendered without the request's context processors: the database or the
    # session may be what failed, and this page must still appear.
    template = loader.get_template("500.html")
    context = {"SITE_NAME": settings.SITE_NAME, "SITE_LONG_NAME": settings.SITE_LONG_NAME}
    return HttpResponseServerError(template.render(context))
