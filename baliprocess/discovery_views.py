"""Views of the cross-cutting reads: the search page and the calendar files.

The feeds (baliprocess.feeds) and the sitemap (baliprocess.sitemaps) are
routed directly in baliprocess/urls.py.
"""

from urllib.parse import urlencode

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.cache import patch_cache_control
from django.views import View
from django.views.generic import TemplateView

from baliprocess.calendars import (
    CONTENT_TYPE,
    FEED_FILENAME,
    calendar_meetings,
    has_calendar_dates,
    meeting_filename,
    meetings_calendar,
)
from baliprocess.forms import SearchForm
from baliprocess.search import (
    RESULT_TYPES,
    SearchTimeoutError,
    search,
    search_time_limit,
)
from meetings.models import Meeting


class SearchView(TemplateView):
    """One search box over the whole record; every bad value gets a message, and
    so does a search that runs out of time."""

    template_name = "search/search.html"
    paginate_by = 20
    timed_out_notice = "The search took too long; try fewer or more specific words."

    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        if response.context_data["timed_out"]:
            # A busy moment is no answer to keep: no cache may store this page.
            patch_cache_control(response, no_store=True)
        return response

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form = SearchForm(self.request.GET or None)
        context.update(form=form, notices=[], results=None, page_obj=None, timed_out=False)
        if not form.is_bound:
            return context
        # An unknown type only drops the type filter; a bad query stops the search.
        if not form.is_valid() and "q" in form.errors:
            return context
        text = form.cleaned_data["q"]
        result_type = form.cleaned_data.get("type", "")
        context.update(text=text, result_type=result_type)
        if not text:
            return context
        results = search(text=text, user=self.request.user, result_type=result_type)
        context["results"] = results
        if not results.query.is_searchable:
            context["notices"].append(
                "There is no word to look for in this search: add a word that is not "
                "punctuation and not left out with a minus."
            )
            return context
        try:
            # The counts, the page and its rows: one time limit for all of them.
            with search_time_limit():
                paginator = Paginator(results, self.paginate_by)
                number = self._page_number(paginator, context["notices"])
                page = paginator.page(number)
        except SearchTimeoutError:
            context["notices"].append(self.timed_out_notice)
            context["timed_out"] = True
            return context
        context.update(
            page_obj=page,
            paginator=paginator,
            type_links=self._type_links(text, results, result_type),
            result_type_label=next(
                (kind.plural.lower() for kind in RESULT_TYPES if kind.key == result_type), ""
            ),
            query_string=urlencode({"q": text, **({"type": result_type} if result_type else {})}),
        )
        return context

    def _page_number(self, paginator: Paginator, notices: list[str]) -> int:
        raw = self.request.GET.get("page", "1")
        try:
            return paginator.validate_number(raw)
        except PageNotAnInteger:
            notices.append(f"“{raw[:20]}” is not a page number. Showing the first page.")
        except EmptyPage:
            pages = paginator.num_pages
            notices.append(
                f"There is no page {raw[:20]}: these results fill {pages} "
                f"page{'s' if pages != 1 else ''}. Showing the first page."
            )
        return 1

    @staticmethod
    def _type_links(text: str, results, selected: str) -> list[dict]:
        links = [
            {
                "label": "All types",
                "count": results.total,
                "more": results.total_is_more,
                "href": "?" + urlencode({"q": text}),
                "current": not selected,
            }
        ]
        for kind in RESULT_TYPES:
            links.append(
                {
                    "label": kind.plural,
                    "count": results.counts[kind.key],
                    "more": kind.key in results.more_than,
                    "href": "?" + urlencode({"q": text, "type": kind.key}),
                    "current": selected == kind.key,
                }
            )
        return links


def _calendar_response(body: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(body, content_type=CONTENT_TYPE)
    response.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


class MeetingCalendarView(View):
    """One meeting the viewer may see, as an iCalendar file to add to a calendar."""

    def get(self, request, slug):
        meeting = get_object_or_404(Meeting.objects.visible_to(request.user), slug=slug)
        if not has_calendar_dates(meeting):
            return render(
                request,
                "search/meeting_calendar_unavailable.html",
                {"meeting": meeting},
                status=404,
            )
        body = meetings_calendar(
            [meeting],
            url_of=lambda item: request.build_absolute_uri(item.get_absolute_url()),
            name=meeting.title,
        )
        return _calendar_response(body, meeting_filename(meeting))


class CalendarFeedView(View):
    """Every published meeting with known days, for calendar subscriptions."""

    def get(self, request):
        body = meetings_calendar(
            calendar_meetings(),
            url_of=lambda item: request.build_absolute_uri(item.get_absolute_url()),
        )
        return _calendar_response(body, FEED_FILENAME)
