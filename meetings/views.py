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
    COUNT_LABEL,
    DELEGATION_LABEL,
    LIST_VERSIONS,
    MEETING_FACT_KINDS,
    ParticipantList,
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
    participant_list_versions,
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


def participant_list_for(request, slug: str, version: str | None) -> ParticipantList:
    """The version of the meeting's list asked for (the viewer's default
    without one): 404 for no such version or a meeting the viewer may not
    see; 403 (ListVersionRefused, the "not available to you" page with its
    sign-in link) for a version participant_list_versions does not give them."""
    if version is not None and version not in LIST_VERSIONS:
        raise Http404("A participant list is public, circulation or restricted.")
    meeting = participant_list_meeting_or_404(request, slug)
    return participant_list(meeting=meeting, user=request.user, version=version)


def participant_list_cache_control(response: HttpResponse, list_: ParticipantList) -> None:
    """No shared cache keeps a list with names, and nothing keeps one with
    contact details. (A public list is the same for everyone.)"""
    if list_.shows_contacts:
        patch_cache_control(response, private=True, no_store=True)
    elif list_.shows_names:
        patch_cache_control(response, private=True)


def participant_list_download(list_: ParticipantList, list_format: ListFormat) -> HttpResponse:
    """The list as a file to download in `list_format`, named after its
    meeting, version, date of issue and revision (participant_list_filename)."""
    response = HttpResponse(list_format.render(list_), content_type=list_format.content_type)
    filename = participant_list_filename(list_, list_format.extension)
    response["Content-Disposition"] = content_disposition_header(True, filename)
    # The address without a version gives each viewer their own: a download
    # is never kept by a shared cache.
    patch_cache_control(response, private=True)
    participant_list_cache_control(response, list_)
    return response


class ParticipantListView(TemplateView):
    """/meetings/<slug>/participants/ and …/participants/<version>/: one
    version of the participant list, grouped as the 2004 Report to Ministers
    prints it — without a version, the one the viewer gets by default
    (public, or circulation for member officials and staff). The page offers
    every version the viewer may have (participant_list_versions) and the
    downloads of the one it shows; the restricted version, with contact
    details, is marked and never stored."""

    template_name = "meetings/participant_list.html"

    def get(self, request, *args, **kwargs):
        self.participant_list = participant_list_for(
            request, self.kwargs["slug"], self.kwargs.get("version")
        )
        response = super().get(request, *args, **kwargs)
        participant_list_cache_control(response, self.participant_list)
        return response

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        list_ = self.participant_list
        context.update(
            meeting=list_.meeting,
            participant_list=list_,
            formats=PARTICIPANT_LIST_FORMATS.values(),
            versions=participant_list_versions(self.request.user),
            delegation_label=DELEGATION_LABEL,
            count_label=COUNT_LABEL,
        )
        return context


class ParticipantListExportView(View):
    """/meetings/<slug>/participants.<format> and …/participants/<version>.<format>:
    a version of the list (the viewer's default without one) as CSV, XLSX,
    PDF or DOCX, with what that version shows on the page and nothing more."""

    def get(self, request, slug, format, version=None):
        list_format = PARTICIPANT_LIST_FORMATS.get(format)
        if list_format is None:
            raise Http404("The participant list comes as CSV, XLSX, PDF or DOCX.")
        return participant_list_download(participant_list_for(request, slug, version), list_format)
