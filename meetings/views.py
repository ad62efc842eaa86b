"""Portal views of the meetings app: meetings, documents, participant lists."""

from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpResponse
from django.utils.cache import patch_cache_control
from django.utils.http import content_disposition_header
from django.views import View
from django.views.generic import DetailView, ListView, TemplateView

from baliprocess.lib.excerpts import excerpt
from baliprocess.lib.views import ForgivingPaginationMixin, PortalListView
from meetings.exporters import (
    PARTICIPANT_LIST_FORMATS,
    ListFormat,
    participant_list_filename,
)
from meetings.filters import DocumentFilterSet, MeetingFilterSet
from meetings.models import Document, Meeting
from meetings.selectors import (
    MEETING_FACT_KINDS,
    attach_sources,
    cited_facts,
    document_citations,
    document_exists,
    document_for_portal,
    document_list,
    meeting_delegation_counts,
    meeting_documents,
    meeting_for_portal,
    meeting_list,
    meeting_neighbours,
    meeting_people,
    participant_list,
    participant_list_meeting,
)
from workshops.selectors import WORKSHOP_FACT_KINDS, meeting_outcomes

# Every kind of fact a citation may support, in the order a document's facts
# page lists them: meetings and their parts, participants, groups, outcomes.
RECORD_FACT_KINDS = MEETING_FACT_KINDS + WORKSHOP_FACT_KINDS

# --- Portal ---


class MeetingListView(PortalListView):
    """/meetings/: the meetings the viewer may see, newest first, filtered."""

    template_name = "meetings/meeting_list.html"
    filterset_class = MeetingFilterSet
    context_object_name = "meetings"

    def get_queryset(self):
        return meeting_list(user=self.request.user)


class MeetingDetailView(DetailView):
    """/meetings/<slug>/: one meeting; 404 when the viewer may not see it (unpublished).

    Its documents and outcomes are Excerpts: the first ones, and a link to the
    documents or outcomes list filtered by the meeting when there are more.
    """

    template_name = "meetings/meeting_detail.html"
    context_object_name = "meeting"

    def get_object(self, queryset=None):
        try:
            return meeting_for_portal(self.kwargs["slug"], user=self.request.user)
        except Meeting.DoesNotExist:
            raise Http404("No such meeting") from None

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        meeting, user = self.object, self.request.user
        previous, following = meeting_neighbours(meeting, user=user)
        # The page names its roles, not its delegations: only theirs are cited.
        attach_sources([meeting, *meeting.roles.all()], user=user)
        context.update(
            people=meeting_people(meeting),
            documents=excerpt(meeting_documents(meeting, user=user)),
            delegation_counts=meeting_delegation_counts(meeting),
            outcomes=meeting_outcomes(meeting, user=user),
            previous_meeting=previous,
            next_meeting=following,
            themes=list(meeting.themes.all()),
        )
        return context


class DocumentListView(PortalListView):
    """/documents/: the documents the viewer may read, newest first, filtered."""

    template_name = "meetings/document_list.html"
    filterset_class = DocumentFilterSet
    context_object_name = "documents"

    def get_queryset(self):
        return document_list(user=self.request.user)


def readable_document(request, slug: str) -> Document:
    """The document at `slug` if the viewer may read it (DocumentQuerySet.visible_to).

    The one rule for a document the viewer may not read, page and file alike:
    when a document has this address but is not for this viewer (members-only
    to an anonymous visitor, secretariat-only or embargoed to a member
    official, or belonging to an unpublished meeting), the answer is 403 with
    the friendly "not available to you" page, which offers an anonymous
    visitor the sign-in link; neither title nor file is sent. An address no
    document has is 404.
    """
    try:
        return document_for_portal(slug, user=request.user)
    except Document.DoesNotExist:
        if document_exists(slug):
            raise PermissionDenied("This document is not available to you.") from None
        raise Http404("No such document") from None


class DocumentDetailView(DetailView):
    """/documents/<slug>/: a document's details, summary and text (see readable_document)."""

    template_name = "meetings/document_detail.html"
    context_object_name = "document"

    def get_object(self, queryset=None):
        return readable_document(self.request, self.kwargs["slug"])

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        document, user = self.object, self.request.user
        attach_sources([document], user=user)
        context["citation_count"] = document_citations(
            document, user=user, kinds=RECORD_FACT_KINDS
        ).count()
        return context


class DocumentFactsView(ForgivingPaginationMixin, ListView):
    """/documents/<slug>/facts/: every fact of the record that cites the document,
    by kind, with the passage it quotes, so a reader can hold the record against
    its source. Only facts the viewer may see; the document itself as its page
    (403 or 404 when the viewer may not read it, see readable_document)."""

    template_name = "meetings/document_facts.html"
    paginate_by = 100

    def get_queryset(self):
        self.document = readable_document(self.request, self.kwargs["slug"])
        return document_citations(self.document, user=self.request.user, kinds=RECORD_FACT_KINDS)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            document=self.document,
            fact_groups=cited_facts(
                context["object_list"], user=self.request.user, kinds=RECORD_FACT_KINDS
            ),
        )
        return context


# The types the portal sends for the extensions Document.ALLOWED_EXTENSIONS
# admits: fixed here rather than guessed from the server's own mime.types.
DOWNLOAD_CONTENT_TYPES = {
    "pdf": "application/pdf",
    "doc": "application/msword",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xls": "application/vnd.ms-excel",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "ppt": "application/vnd.ms-powerpoint",
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "odt": "application/vnd.oasis.opendocument.text",
    "txt": "text/plain; charset=utf-8",
    "rtf": "application/rtf",
    "csv": "text/csv; charset=utf-8",
}


class DocumentDownloadView(View):
    """/documents/<slug>/download/: the file, sent by the application only after
    readable_document has said the viewer may read it (MEDIA_ROOT is never public)."""

    def get(self, request, slug):
        document = readable_document(request, slug)
        if not document.file:
            raise Http404("This document has no file to download.")
        try:
            handle = document.file.open("rb")
        except OSError:
            # A file missing from storage is a staff matter; the reader gets a 404 page.
            raise Http404("The file of this document is missing.") from None
        extension = document.filename.rsplit(".", 1)[-1].lower()
        response = FileResponse(
            handle,
            as_attachment=True,
            filename=document.filename,
            content_type=DOWNLOAD_CONTENT_TYPES.get(extension, "application/octet-stream"),
        )
        # Who may read it depends on who asks: no shared cache may keep a copy.
        patch_cache_control(response, private=True)
        return response


# --- Participant lists ---


def participant_list_meeting_or_404(request, slug: str) -> Meeting:
    """The meeting whose list is asked for; 404 when the viewer may not see it
    (an unpublished meeting is 404 to the public and member officials alike)."""
    try:
        return participant_list_meeting(slug, user=request.user)
    except Meeting.DoesNotExist:
        raise Http404("No such meeting") from None


def participant_list_download(list_, list_format: ListFormat) -> HttpResponse:
    """The list as a file to download in `list_format`."""
    response = HttpResponse(list_format.render(list_), content_type=list_format.content_type)
    filename = participant_list_filename(list_, list_format.extension)
    response["Content-Disposition"] = content_disposition_header(True, filename)
    # What the list shows depends on who asks: no shared cache may keep a copy,
    # and a list with contact details is not kept at all.
    if list_.shows_contacts:
        patch_cache_control(response, private=True, no_store=True)
    else:
        patch_cache_control(response, private=True)
    return response


class ParticipantListView(TemplateView):
    """/meetings/<slug>/participants/: the participant list, grouped as the
    2004 Report to Ministers prints it; names only for member officials and
    the secretariat (DelegateQuerySet.listable_to), never contact details."""

    template_name = "meetings/participant_list.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        meeting = participant_list_meeting_or_404(self.request, self.kwargs["slug"])
        context.update(
            meeting=meeting,
            participant_list=participant_list(meeting=meeting, user=self.request.user),
            formats=PARTICIPANT_LIST_FORMATS.values(),
        )
        return context


class ParticipantListExportView(View):
    """/meetings/<slug>/participants.<format>: the same list as CSV, XLSX, PDF
    or DOCX, with what the viewer may see on the page and nothing more."""

    def get(self, request, slug, format):
        list_format = PARTICIPANT_LIST_FORMATS.get(format)
        if list_format is None:
            raise Http404("The participant list comes as CSV, XLSX, PDF or DOCX.")
        meeting = participant_list_meeting_or_404(request, slug)
        list_ = participant_list(meeting=meeting, user=request.user)
        return participant_list_download(list_, list_format)
