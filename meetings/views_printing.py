"""Name badges and table tents of a meeting, as PDFs to print (meetings.printing).

/meetings/<slug>/badges.pdf shows delegates' names: only for those who may
see them (DelegateQuerySet.listable_to, through the participant list), 403
for anyone else. /meetings/<slug>/table-tents.pdf shows only delegations'
names: for anyone who may see the meeting. Both are 404 for a meeting the
viewer may not see (MeetingQuerySet.visible_to).
"""

from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.utils.cache import patch_cache_control
from django.utils.http import content_disposition_header
from django.views import View

from meetings.printing import (
    badges_filename,
    render_badges_pdf,
    render_table_tents_pdf,
    table_tents_filename,
)
from meetings.selectors import participant_list
from meetings.views import participant_list_meeting_or_404


def _pdf_response(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = content_disposition_header(True, filename)
    # What they show depends on who asks (unpublished meetings, names): no
    # shared cache may keep a copy.
    patch_cache_control(response, private=True)
    return response


class BadgesView(View):
    """/meetings/<slug>/badges.pdf: a name badge per delegate the viewer may see."""

    def get(self, request, slug):
        meeting = participant_list_meeting_or_404(request, slug)
        # The widest list the viewer may have: the secretariat prints a badge
        # for every delegate, listed or not; member officials for the listed.
        list_ = participant_list(meeting=meeting, user=request.user, with_contacts=True)
        if not list_.shows_names:
            raise PermissionDenied(
                "Name badges show delegates' names, which only member officials and the "
                "secretariat may see."
            )
        return _pdf_response(render_badges_pdf(list_), badges_filename(list_))


class TableTentsView(View):
    """/meetings/<slug>/table-tents.pdf: a table tent per delegation."""

    def get(self, request, slug):
        meeting = participant_list_meeting_or_404(request, slug)
        list_ = participant_list(meeting=meeting, user=request.user)
        return _pdf_response(render_table_tents_pdf(list_), table_tents_filename(list_))
